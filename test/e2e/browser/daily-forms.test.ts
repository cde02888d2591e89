import { describe, expect, it } from "vitest";
import { chromiumSuite, mainText, openTab, spaces } from "../../support/browser.js";
import { newCampaign, newContractor, newHypothesis, outboxTo } from "../../support/reports.js";

// A marketer's daily forms in Chromium, in Russian, on Tuesday 10 March 2026: a contractor's address
// for reports, sending the week's reports now, and one day's spend typed by hand.
const suite = chromiumSuite({ now: "2026-03-10T09:00:00Z" });

describe("the marketer's daily forms", () => {
  it("gives a contractor an address, sends its report now, and records a day's spend by hand", async () => {
    const contractorId = await newContractor(suite.server, { name: "Агентство Север" });
    const hypothesis = await newHypothesis(suite.server, { cplMax: "1500" });
    const campaign = await newCampaign(suite.server, hypothesis.id, contractorId);
    const key = (await suite.server.call("POST", "/api/keys", { role: "marketer", name: "Ольга" })).body.key;

    const tab = await openTab(suite.browser, suite.server.url);
    const { page } = tab;
    await tab.signIn(key);
    await Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: "RU", exact: true }).click()]);
    await Promise.all([page.waitForEvent("load"), page.getByRole("navigation").getByRole("link", { name: "Подрядчики" }).click()]);

    const card = page.getByRole("article", { name: "Агентство Север" });
    expect(await card.innerText()).toContain("адреса нет: отчёты не отправляются");
    await card.getByLabel("Адрес для отчётов").fill("reports@sever.ru");
    await Promise.all([page.waitForEvent("load"), card.getByRole("button", { name: "Сохранить адрес" }).click()]);
    expect(await mainText(page)).toContain("Адрес сохранён.");
    await tab.screenshot("contractors-address-ru");

    await page.getByLabel("Отчёт", { exact: true }).selectOption({ label: "недельный" });
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Отправить сейчас" }).click()]);
    expect(spaces(await mainText(page))).toContain("Агентство Север: отправлен");
    expect(await outboxTo(suite.server, "reports@sever.ru")).toHaveLength(1);
    await tab.screenshot("reports-sent-ru");

    await Promise.all([page.waitForEvent("load"), page.getByRole("navigation").getByRole("link", { name: "Расходы" }).click()]);
    await page.getByLabel("Кампания", { exact: true }).selectOption({ label: `${hypothesis.title} · Яндекс / ${campaign.utm.utm_campaign}` });
    await page.getByLabel("День", { exact: true }).fill("2026-03-03");
    await page.getByLabel("Сумма, рублей", { exact: true }).fill("600 000,50");
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Записать расход" }).click()]);
    expect(await mainText(page)).toContain("Расход за день записан.");
    expect((await suite.server.call("GET", `/api/spend?campaignId=${campaign.id}`)).body.items).toMatchObject([{ date: "2026-03-03", cost: "600000.50" }]);
    await tab.screenshot("spend-by-hand-ru");

    expect(tab.errors()).toEqual([]);
    await tab.close();
  });
});
