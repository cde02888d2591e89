import { describe, expect, it } from "vitest";
import { chromiumSuite, mainText, openTab } from "../../support/browser.js";
import { OWNER_KEY } from "../../support/harness.js";

// The owner hands out a key in Chromium, in Russian: makes it, sees it once, copies it, revokes it.
const suite = chromiumSuite();

describe("the owner and the API keys", () => {
  it("makes a marketer's key, sees and copies it once, then revokes it after confirming", async () => {
    const tab = await openTab(suite.browser, suite.server.url);
    const { page } = tab;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: suite.server.url });
    await tab.signIn(OWNER_KEY);
    await Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: "RU", exact: true }).click()]);
    await Promise.all([page.waitForEvent("load"), page.getByRole("navigation").getByRole("link", { name: "Ключи" }).click()]);
    expect(new URL(page.url()).pathname).toBe("/keys");

    await page.getByLabel("Название").fill("Маркетолог Ольга");
    await page.getByLabel("Роль").selectOption({ label: "маркетолог" });
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Выпустить ключ" }).click()]);
    const secret = (await page.locator("#new-key").innerText()).trim();
    expect(secret).toMatch(/^prm_/);
    expect(page.url()).not.toContain(secret);
    expect(await mainText(page)).toContain("больше он не покажется");

    await page.getByRole("button", { name: "Копировать" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Скопировано" }).count()).toBe(1);
    await expect.poll(() => page.evaluate("navigator.clipboard.readText()")).toBe(secret);
    await tab.screenshot("keys-made-ru");

    await Promise.all([page.waitForEvent("load"), page.goto("/keys")]);
    expect(await page.content()).not.toContain(secret);
    const row = page.getByRole("row").filter({ hasText: "Маркетолог Ольга" });
    expect((await row.innerText()).replace(/\s+/g, " ")).toContain("маркетолог");
    await Promise.all([page.waitForEvent("load"), row.getByRole("link", { name: "Отозвать" }).click()]);
    expect(await mainText(page)).toContain("Ключ «Маркетолог Ольга» сразу перестанет работать");
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Отозвать" }).click()]);
    expect(await mainText(page)).toContain("Ключ отозван.");
    expect(await page.getByRole("row").filter({ hasText: "Маркетолог Ольга" }).innerText()).toContain("отозван");
    await tab.screenshot("keys-revoked-ru");

    const check = await fetch(`${suite.server.url}/api/hypotheses`, { headers: { authorization: `Bearer ${secret}` } });
    expect(check.status).toBe(401);
    expect(tab.errors()).toEqual([]);
    await tab.close();
  });
});
