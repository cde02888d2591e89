import { describe, expect, it } from "vitest";
import { chromiumSuite, mainText, openTab } from "../../support/browser.js";
import { createSource, postHook } from "../../support/intake.js";
import { addSalesPerson } from "../../support/sales.js";

// A lead manager works only their own leads, in Russian, in Chromium. Today is 10 March 2026 (13:00 in Moscow).
const suite = chromiumSuite({ now: "2026-03-10T10:00:00Z" });

/** A lead named `name` arriving through `source`, given to `personId`. */
async function leadOf(source: { key: string }, name: string, phone: string, personId: string): Promise<string> {
  const res = await postHook(suite.server, source.key, { contentType: "application/json", text: JSON.stringify({ name, phone }) });
  expect(res.status, res.text).toBe(200);
  const id: string = res.body.leads[0].id;
  expect((await suite.server.call("PATCH", `/api/leads/${id}`, { assigneeId: personId })).status).toBe(200);
  return id;
}

describe("a lead manager in the browser", () => {
  it("sees only their own leads, records a contact attempt on one, and finds another manager's lead not found", async () => {
    const source = await createSource(suite.server, "json");
    const [olga, igor] = await Promise.all([addSalesPerson(suite.server, "manager", { name: "Ольга Звонарёва" }), addSalesPerson(suite.server, "manager", { name: "Игорь Лидов" })]);
    const own = await leadOf(source, "Анна Своя", "+79991110011", olga.id);
    await leadOf(source, "Борис Свой", "+79991110022", olga.id);
    const theirs = await leadOf(source, "Вера Чужая", "+79991110033", igor.id);

    const tab = await openTab(suite.browser, suite.server.url);
    const { page } = tab;

    // Signing in lands on the manager's leads: the sales department reads no hypotheses.
    await page.goto("/");
    await Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: "RU", exact: true }).click()]);
    await page.getByLabel("API-ключ").fill(olga.key);
    await Promise.all([page.waitForURL(/\/leads$/), page.getByRole("button", { name: "Войти" }).click()]);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Лиды");
    const menu = await page.getByRole("navigation").getByRole("link").allInnerTexts();
    expect(menu).toContain("Лиды");
    for (const notTheirs of ["Доска", "Карантин", "Журнал доступа"]) expect(menu).not.toContain(notTheirs);
    const list = await mainText(page);
    expect(list).toContain("Анна Своя");
    expect(list).toContain("Борис Свой");
    expect(list).not.toContain("Вера Чужая");
    expect(await page.getByRole("link", { name: /Выгрузить/ }).count()).toBe(0);

    // Their lead, with its whole contact, and a call that got through.
    await page.getByRole("row", { name: /Анна Своя/ }).getByRole("link").click();
    await page.waitForURL(`**/leads/${own}`);
    expect(await mainText(page)).toContain("+79991110011");
    await page.getByLabel("Канал").selectOption({ label: "Телефон" });
    await page.getByLabel("Результат").selectOption({ label: "дозвонились" });
    await Promise.all([page.waitForURL(/notice=attemptRecorded/), page.getByRole("button", { name: "Записать", exact: true }).click()]);
    const lead = await mainText(page);
    expect(lead).toContain("Попытка связаться записана.");
    expect(lead).toContain("Попыток: 1, без ответа подряд: 0.");
    expect(lead).toContain("10 мар. 2026 г., 13:00 — Телефон, дозвонились, днём");
    await tab.screenshot("manager-lead");

    // Another manager's lead, by its address, does not exist for them.
    await tab.expectStatus(404, () => page.goto(`/leads/${theirs}`));
    expect(await mainText(page)).toContain("Не найдено: такой страницы или записи нет.");
    expect(await mainText(page)).not.toContain("Вера Чужая");

    expect((await suite.server.call("GET", `/api/leads/${own}/contact-attempts`)).body.items).toHaveLength(1);
    expect(tab.errors()).toEqual([]);
    await tab.close();
  }, 120_000);
});
