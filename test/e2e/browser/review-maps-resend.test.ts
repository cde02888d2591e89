import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARRIVAL, arrive } from "../../support/discipline.js";
import { createCampaign, createSource, fixtureWith, postHook, token } from "../../support/intake.js";
import { newCampaign, newContractor, newHypothesis, outboxTo } from "../../support/reports.js";
import { addSalesPerson, type SalesPerson } from "../../support/sales.js";
import { launchChromium, mainText, openTab, startServer, type BrowserServer, type Tab } from "../../support/browser.js";

// The forms issue 13 still lacked, in Chromium, in Russian, on Tuesday 10 March 2026: the quality
// review of a lost lead, a source's amoCRM maps, and sending one report again. Each is used by a
// role that may, and neither shown to nor accepted from one that may not.
let server: BrowserServer;
let browser: Browser;
let head: SalesPerson;
let manager: SalesPerson;
let marketerKey: string;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ now: "2026-03-10T09:00:00Z" }), launchChromium()]);
  [head, manager] = [await addSalesPerson(server, "sales_head", { name: "Ольга Главная" }), await addSalesPerson(server, "manager", { name: "Дарья Лидова" })];
  marketerKey = (await server.call("POST", "/api/keys", { role: "marketer", name: "Мария" })).body.key;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A tab signed in with `key`, switched to Russian. */
async function russianTab(key: string): Promise<Tab> {
  const tab = await openTab(browser, server.url);
  await tab.signIn(key);
  await Promise.all([tab.page.waitForEvent("load"), tab.page.getByRole("link", { name: "RU", exact: true }).click()]);
  return tab;
}

/** A form post made by the tab's own session (its cookies), as a hand-made request would be. */
const postAs = async (tab: Tab, path: string, form: Record<string, string>) => (await tab.page.request.post(path, { form, maxRedirects: 0 })).status();

describe("the quality review form", () => {
  it("lets the head of sales record that the manager lost a lead, and shows it with who and when", async () => {
    const source = await createSource(server, "json");
    await server.call("PUT", `/api/sources/${source.id}/assignment`, { mode: "fixed", personId: manager.id });
    const id = await arrive(server, source, ARRIVAL, { stages: [{ stage: "lost", lostReason: "дорого" }] });
    server.setNow("2026-03-10T09:00:00Z");

    const tab = await russianTab(head.key);
    const { page } = tab;
    await page.goto(`/leads/${id}`);
    const section = page.getByRole("region", { name: "Проверка качества" });
    expect(await section.innerText()).toContain("Ещё не проверен.");
    await section.getByLabel("Вывод").selectOption({ label: "потерян по вине менеджера, а не клиента" });
    await section.getByLabel("Комментарий (что пошло не так)").fill("не перезвонил в обещанный день");
    await Promise.all([page.waitForEvent("load"), section.getByRole("button", { name: "Сохранить проверку" }).click()]);

    expect(await page.locator("#review-current").innerText()).toBe(
      "Проверен: потерян по вине менеджера, а не клиента (Ольга Главная, 10 мар. 2026 г., 12:00). не перезвонил в обещанный день",
    );
    expect((await server.call("GET", `/api/leads/${id}`)).body.qualityReview).toMatchObject({ lostReasonCategory: "manager" });
    await tab.screenshot("quality-review-ru");
    expect(tab.errors()).toEqual([]);
    await tab.close();
  });

  it("is not shown to a manager, whose post is refused", async () => {
    const source = await createSource(server, "json");
    await server.call("PUT", `/api/sources/${source.id}/assignment`, { mode: "fixed", personId: manager.id });
    const id = await arrive(server, source, ARRIVAL, { stages: [{ stage: "lost", lostReason: "дорого" }] });
    server.setNow("2026-03-10T09:00:00Z");

    const tab = await russianTab(manager.key);
    await tab.page.goto(`/leads/${id}`);
    expect(await mainText(tab.page)).not.toContain("Проверка качества");
    expect(await postAs(tab, `/leads/${id}/quality-review`, { lostReasonCategory: "manager" })).toBe(403);
    expect((await server.call("GET", `/api/leads/${id}`)).body.qualityReview).toBeNull();
    expect(tab.errors()).toEqual([]);
    await tab.close();
  });
});

describe("a source's amoCRM maps", () => {
  it("lets a marketer map a status to a stage and name a loss reason amoCRM sent in one click", async () => {
    const res = await server.call("POST", "/api/sources", { name: `amoCRM ${token()}`, format: "amocrm" });
    const source = res.body as { id: string; key: string; name: string };
    const utmCampaign = `bags_${token()}`;
    await createCampaign(server, "yandex", utmCampaign);
    const externalId = `41${Date.now() % 10_000_000}`;
    await postHook(server, source.key, fixtureWith("amocrm-lead-add.txt", { "31245678": externalId, "31245702": `42${Date.now() % 10_000_000}`, bags_spring_2025: utmCampaign }));
    await postHook(server, source.key, fixtureWith("amocrm-status-lost-reason.txt", { "31245702": externalId, "7656397": "8661985" }));

    const tab = await russianTab(marketerKey);
    const { page } = tab;
    await Promise.all([page.waitForEvent("load"), page.getByRole("navigation").getByRole("link", { name: "Источники" }).click()]);
    await Promise.all([page.waitForEvent("load"), page.locator(`#source-${source.id}`).getByRole("link", { name: "Статусы и причины отказа amoCRM →" }).click()]);

    const statuses = page.getByRole("region", { name: "Статусы amoCRM → этапы" });
    await statuses.getByLabel("Номер статуса amoCRM").fill("41923");
    await statuses.getByLabel("Наш этап").selectOption({ label: "Квалифицирован" });
    await Promise.all([page.waitForEvent("load"), statuses.getByRole("button", { name: "Сохранить статус" }).click()]);
    expect(await page.locator("#status-map").innerText()).toMatch(/41923\s+Квалифицирован/);

    const unmapped = page.getByRole("form", { name: /№ 8661985: 1 лид/ });
    await unmapped.getByLabel("Причина потери").fill("Дорого");
    await Promise.all([page.waitForEvent("load"), unmapped.getByRole("button", { name: "Назвать" }).click()]);
    expect(await page.locator("#loss-reasons").innerText()).toMatch(/8661985\s+Дорого/);
    expect(await mainText(page)).toContain("У всех причин отказа, присланных amoCRM, есть названия.");
    expect((await server.call("GET", `/api/sources/${source.id}`)).body).toMatchObject({ statusMap: { "41923": "qualified" }, lossReasons: { "8661985": "Дорого" } });
    await tab.screenshot("source-maps-ru");
    expect(tab.errors()).toEqual([]);
    await tab.close();
  });

  it("is not for the head of sales: the page is refused and so is a post", async () => {
    const source = await createSource(server, "amocrm");
    const tab = await russianTab(head.key);
    expect(await tab.page.getByRole("navigation").innerText()).not.toContain("Источники");
    await tab.expectStatus(403, () => tab.page.goto(`/sources/${source.id}`));
    expect(await postAs(tab, `/sources/${source.id}/status-map`, { statusId: "1", stage: "won" })).toBe(403);
    expect((await server.call("GET", `/api/sources/${source.id}`)).body.statusMap).toEqual({ "142": "won", "143": "lost" });
    expect(tab.errors()).toEqual([]);
    await tab.close();
  });
});

describe("sending one report again", () => {
  it("lets a marketer send a chosen report again and see when, to whom and by whom", async () => {
    const name = `Агентство ${token()}`;
    const email = `resend-${token()}@agency.ru`;
    const contractorId = await newContractor(server, { name, email });
    const hypothesis = await newHypothesis(server, { cplMax: "1500" });
    await newCampaign(server, hypothesis.id, contractorId);
    await server.call("POST", "/api/reports/run", { period: "weekly" });

    const tab = await russianTab(marketerKey);
    const { page } = tab;
    await Promise.all([page.waitForEvent("load"), page.getByRole("navigation").getByRole("link", { name: "Подрядчики" }).click()]);
    const card = page.getByRole("article", { name });
    await Promise.all([page.waitForEvent("load"), card.getByRole("button", { name: "Отправить ещё раз" }).click()]);

    expect(await page.getByRole("article", { name }).innerText()).toContain(`отправлен ещё раз 10 мар. 2026 г., 12:00 на ${email} (Мария)`);
    expect(await outboxTo(server, email)).toHaveLength(2);
    await tab.screenshot("report-resend-ru");
    expect(tab.errors()).toEqual([]);
    await tab.close();
  });

  it("is not for the head of sales: the page is refused and so is a post", async () => {
    const email = `resend-${token()}@agency.ru`;
    const contractorId = await newContractor(server, { email });
    const hypothesis = await newHypothesis(server, { cplMax: "1500" });
    await newCampaign(server, hypothesis.id, contractorId);
    const run = await server.call("POST", "/api/reports/run", { period: "weekly" });
    const reportId = run.body.results.find((r: any) => r.contractorId === contractorId).reportId;

    const tab = await russianTab(head.key);
    await tab.expectStatus(403, () => tab.page.goto("/contractors"));
    expect(await postAs(tab, `/reports/${reportId}/resend`, { requestKey: token() })).toBe(403);
    expect(await outboxTo(server, email)).toHaveLength(1);
    expect(tab.errors()).toEqual([]);
    await tab.close();
  });
});
