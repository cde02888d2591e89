import { describe, expect, it } from "vitest";
import { chromiumSuite, mainText, openTab } from "../../support/browser.js";
import { arrive, attempts } from "../../support/discipline.js";
import { createSource } from "../../support/intake.js";
import { addSalesPerson } from "../../support/sales.js";

// The head of sales in Chromium, in Russian: the call-back queue and the month's spot checks. Today is Tuesday 10 March 2026;
// the leads are made through the API, the calling back happens in the browser.
const suite = chromiumSuite({ now: "2026-03-10T12:00:00Z" });

describe("the head of sales in the browser", () => {
  it("calls back a lead nobody reached, which leaves the queue, and records a spot check of an account manager's client", async () => {
    const source = await createSource(suite.server, "json");
    const head = await addSalesPerson(suite.server, "sales_head", { name: "Вера Руководитель" });
    const manager = await addSalesPerson(suite.server, "manager", { duty: "leads", name: "Анна Звонкова" });
    const accounts = await addSalesPerson(suite.server, "manager", { duty: "accounts", name: "Ольга Клиентская" });
    const unreached = await arrive(suite.server, source, "2026-03-02T08:00:00+03:00");
    await suite.server.call("PATCH", `/api/leads/${unreached}`, { assigneeId: manager.id });
    await attempts(suite.server, unreached, ["2026-03-02T10:00:00+03:00", "2026-03-02T19:00:00+03:00", "2026-03-03T10:00:00+03:00", "2026-03-03T19:00:00+03:00", "2026-03-04T10:00:00+03:00"]);
    const client = await arrive(suite.server, source, "2026-03-02T08:00:00+03:00", { stages: [{ stage: "won", amount: "75000" }] });
    await suite.server.call("PATCH", `/api/leads/${client}`, { assigneeId: accounts.id });
    const tab = await openTab(suite.browser, suite.server.url);
    const { page } = tab;

    await tab.signIn(head.key);
    await Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: "RU", exact: true }).click()]);
    await Promise.all([page.waitForEvent("load"), page.getByRole("navigation").getByRole("link", { name: "Перезвоны", exact: true }).click()]);

    // The unreached lead waits in the queue, with its manager and why, in Russian.
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Перезвоны и контрольные звонки");
    const row = page.locator(`#callback-queue tr[data-lead="${unreached}"]`);
    const rowText = (await row.innerText()).replace(/\s+/g, " ");
    expect(rowText).toContain("Анна Звонкова");
    expect(rowText).toContain("Не дозвонились за пять попыток");
    expect(rowText).not.toContain("no_contact");

    // The call-back is recorded and the lead leaves the queue.
    await row.getByLabel("Итог звонка").selectOption({ label: "Клиент отказался" });
    await row.getByLabel("Заметка").fill("Купил у конкурента");
    await Promise.all([page.waitForEvent("load"), row.getByRole("button", { name: "Записать" }).click()]);
    expect(await mainText(page)).toContain("Перезвон записан: лид вышел из очереди.");
    expect(await page.locator(`tr[data-lead="${unreached}"]`).count()).toBe(0);
    expect(await mainText(page)).toContain("Перезвонить никому не нужно.");

    // The month's spot check of the account manager's one client.
    const spot = page.locator(`section[aria-labelledby="spot-checks"]`);
    expect(await spot.innerText()).toContain("Контрольные звонки, март 2026");
    expect(await spot.innerText()).toContain("Ольга Клиентская: 1 из 1 клиентов");
    const check = spot.locator(`tr[data-lead="${client}"]`);
    await check.getByLabel("Итог звонка").selectOption({ label: "Есть жалоба" });
    await Promise.all([page.waitForEvent("load"), check.getByRole("button", { name: "Записать" }).click()]);
    expect(await mainText(page)).toContain("Контрольный звонок записан.");
    expect((await page.locator(`section[aria-labelledby="spot-checks"] tr[data-lead="${client}"]`).innerText()).replace(/\s+/g, " ")).toContain("Есть жалоба, Вера Руководитель");

    // The lead page lists the call-back.
    await page.goto(`/leads/${unreached}`);
    expect(await mainText(page)).toContain("Клиент отказался (Вера Руководитель)");
    expect(tab.errors()).toEqual([]);
    await tab.close();
  });
});
