import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importCohorts, importSpend, newCampaign, newHypothesis, toOptimization } from "../../support/decisions.js";
import { chromiumSuite, mainText, openTab, type Tab } from "../../support/browser.js";
import { token } from "../../support/intake.js";

// What a contractor and a marketer may and may not do in Chromium, and the marketer's paperwork. Today is 20 April 2026; the
// data is made through the API, the looking and refusing happens in the browser.
const suite = chromiumSuite({ now: "2026-04-20T09:00:00Z" });

async function newKey(role: "marketer" | "contractor", contractorId?: string): Promise<string> {
  const res = await suite.server.call("POST", "/api/keys", { role, ...(contractorId ? { contractorId } : {}) });
  expect(res.status, res.text).toBe(201);
  return res.body.key;
}

async function newContractor(name: string): Promise<string> {
  const res = await suite.server.call("POST", "/api/contractors", { name });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

/** A hypothesis in optimization whose gate passes: 40 mature leads, 6 won, 1,000 ₽ a lead. */
async function provenHypothesis() {
  const id = await newHypothesis(suite.server, { conversionMin: 0.05, cplMax: "1500" });
  const campaign = await newCampaign(suite.server, id);
  await importCohorts(suite.server, campaign.utm, [{ day: "2026-03-02", leads: 40, won: 6, wonAfter: 9, qualified: 10 }]);
  await importSpend(suite.server, campaign.utm, { "2026-03-02": 40_000 });
  await toOptimization(suite.server, id);
  return id;
}

/** Clicks a control that posts a form and waits for the page it leads to. */
async function submit(tab: Tab, name: string) {
  await Promise.all([tab.page.waitForEvent("load"), tab.page.getByRole("button", { name, exact: true }).click()]);
}

/** Opens `path` expecting the page to refuse with `status` and say `message`. */
async function expectRefusedPage(tab: Tab, path: string, status: number, message: string) {
  await tab.expectStatus(status, () => tab.page.goto(path));
  expect(await mainText(tab.page), path).toContain(message);
}

describe("the contractor in the browser", () => {
  it("reads its own report for a period and downloads it, and opens neither another contractor's report nor the team's pages", async () => {
    const [own, other] = await Promise.all([newContractor(`North Ads ${token()}`), newContractor(`South Ads ${token()}`)]);
    const ownHypothesis = await newHypothesis(suite.server, { cplMax: "1500" });
    const ownCampaign = await newCampaign(suite.server, ownHypothesis, own);
    await importCohorts(suite.server, ownCampaign.utm, [{ day: "2026-04-01", leads: 7, won: 1 }]);
    await importSpend(suite.server, ownCampaign.utm, { "2026-04-01": 10_500.5 });
    const otherCampaign = await newCampaign(suite.server, await newHypothesis(suite.server, { cplMax: "1500" }), other);
    const tab = await openTab(suite.browser, suite.server.url);
    const { page } = tab;

    await tab.signIn(await newKey("contractor", own));

    // Its start page lists its own campaign only, and its menu holds none of the team's pages.
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("My campaigns");
    const menu = await page.getByRole("navigation").getByRole("link").allInnerTexts();
    for (const teamPage of ["Board", "Leads", "Quarantine", "Spend", "Sources", "Contractors"]) expect(menu).not.toContain(teamPage);
    expect(await mainText(page)).toContain(`Yandex ${ownCampaign.utm.utm_campaign} 7 RUB 10,500.50`);
    expect(await mainText(page)).not.toContain(otherCampaign.utm.utm_campaign);

    // Its report, for the first week of April, as a page and as a CSV file.
    await page.getByRole("link", { name: "My report" }).click();
    expect(page.url()).toContain(`/contractors/${own}/report`);
    await page.getByLabel("From").fill("2026-04-01");
    await page.getByLabel("To").fill("2026-04-07");
    await Promise.all([page.waitForURL(/from=2026-04-01&to=2026-04-07/), page.getByRole("button", { name: "Show" }).click()]);
    const report = await mainText(page);
    expect(report).toContain("Leads that arrived 1 Apr 2026 – 7 Apr 2026");
    expect(report).toContain(`Yandex / ${ownCampaign.utm.utm_campaign}`);
    expect(report).toMatch(/Spend RUB 10,500\.50 .*Leads 7 .*Cost per lead RUB 1,500\.07 .*≤ RUB 1,500\.00/);
    expect(report).not.toContain(otherCampaign.utm.utm_campaign);
    await tab.screenshot("contractor-report");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "⤓ Download CSV (Excel)" }).click()]);
    expect(download.suggestedFilename()).toBe(`kpi-${own}-2026-04-01-2026-04-07.csv`);
    expect(readFileSync(await download.path(), "utf8")).toContain(ownCampaign.utm.utm_campaign);

    // Another contractor's report, by URL, is a page that does not exist; the team's pages are refused.
    await expectRefusedPage(tab, `/contractors/${other}/report`, 404, "Not found");
    await expectRefusedPage(tab, `/contractors/${other}/report.csv`, 404, "Not found");
    for (const path of ["/contractors", `/hypotheses/${ownHypothesis}`, "/leads", "/spend", "/sources", "/quarantine"]) {
      await expectRefusedPage(tab, path, 403, "Your role may not open this page.");
    }

    expect(tab.errors()).toEqual([]);
    await tab.close();
  }, 120_000);
});

describe("the marketer in the browser", () => {
  it("sees a hypothesis ready for scale-out without an Approve button, and a forged approval is refused", async () => {
    const id = await provenHypothesis();
    expect((await suite.server.call("GET", `/api/hypotheses/${id}/gate`)).body.passed).toBe(true);
    const tab = await openTab(suite.browser, suite.server.url);
    const { page } = tab;

    await tab.signIn(await newKey("marketer"));
    await page.goto(`/hypotheses/${id}`);

    expect(await mainText(page)).toContain("Only the owner decides on scale-out.");
    expect(await page.getByRole("button", { name: /approve/i }).count()).toBe(0);
    // The browser's own cookies, the page's token and the site's origin: only the role can refuse it.
    const forged = await page.request.post(`/hypotheses/${id}/approvals`, {
      form: { _csrf: await page.locator("input[name=_csrf]").first().inputValue(), decision: "approve", comment: "go" },
      headers: { origin: suite.server.url, "accept-language": "en" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain("Your role may not open this page.");
    expect((await suite.server.call("GET", `/api/hypotheses/${id}`)).body.stage).toBe("optimization");
    expect((await suite.server.call("GET", `/api/hypotheses/${id}/approvals`)).body.items).toEqual([]);

    expect(tab.errors()).toEqual([]);
    await tab.close();
  }, 120_000);

  it("finds the leads missing required tags, and reconciles accounting's closed clients with the won leads", async () => {
    // February's deals, apart from the other tests' March and April ones.
    const responsible = `Maria ${token()}`;
    const id = await newHypothesis(suite.server, { cplMax: "1500" }, { responsible });
    const campaign = await newCampaign(suite.server, id);
    expect((await suite.server.call("PUT", `/api/hypotheses/${id}/required-tags`, { fromStage: "qualified", tags: ["city"] })).status).toBe(200);
    const lead = (fields: Record<string, unknown>) => ({ externalId: token(), createdAt: "2026-02-02T10:00:00+03:00", ...campaign.utm, ...fields });
    const won = (day: string, amount: string) => ({ stage: "won", amount, closedAt: `2026-02-${day}T12:00:00+03:00` });
    const leads = [
      lead({ name: "Medtech", company: { name: "ООО «Медтехника»", inn: "7713528011" }, ...won("03", "300000") }),
      lead({ name: "Belov", phone: "+74950000001", ...won("10", "120000") }),
      lead({ name: "Sever", company: { name: "ООО «Север»", inn: "7701234567" }, ...won("16", "50000") }),
      lead({ name: "Qualified", stage: "qualified" }),
    ];
    const imported = await suite.server.call("POST", "/api/leads/import", { leads });
    expect(imported.body.rejected, imported.text).toEqual([]);
    const tab = await openTab(suite.browser, suite.server.url);
    const { page } = tab;
    await tab.signIn(await newKey("marketer"));

    // Quality: all four leads passed "qualified" without the city tag.
    await page.getByRole("link", { name: "Quality" }).click();
    await page.getByLabel("Hypothesis").selectOption({ label: (await suite.server.call("GET", `/api/hypotheses/${id}`)).body.title });
    await Promise.all([page.waitForURL(/hypothesisId=/), page.getByRole("button", { name: "Show" }).click()]);
    expect(await mainText(page)).toContain(`${responsible} 4 ⚠ 4 no attempt yet 4`);
    expect(await page.getByRole("region", { name: `Leads missing tags: ${responsible}` }).getByRole("link").count()).toBe(4);
    await tab.screenshot("quality");

    // Reconciliation: two of accounting's three clients match won leads (one by INN with another amount, one by phone).
    await page.getByRole("link", { name: "Reconciliation" }).click();
    const file = [
      "Реализация товаров и услуг за февраль 2026 г.",
      'Организация: ООО "Паром Трейд"',
      "",
      "Дата;Документ;Контрагент;ИНН;Телефон;E-mail;Сумма",
      "03.02.2026;Реализация товаров и услуг 00БП-000101 от 03.02.2026 12:00:00;ООО «Медтехника»;7713528011;;;340 000,00",
      "10.02.2026;Реализация товаров и услуг 00БП-000102 от 10.02.2026 12:00:00;ИП Белов;;8 (495) 000-00-01;;120 000,00",
      "20.02.2026;Реализация товаров и услуг 00БП-000103 от 20.02.2026 12:00:00;ООО «Ремстрой»;5005052322;;;797 000,00",
    ].join("\r\n");
    await page.getByLabel("Accounting file").setInputFiles({ name: "february.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${file}`, "utf8") });
    await submit(tab, "Reconcile");
    expect(page.url()).toMatch(/\/reconciliation\/[0-9A-Z]{26}$/);
    const result = await mainText(page);
    expect(result).toContain("Deals won 1 Feb 2026 – 28 Feb 2026 3 clients in accounting, 3 won leads in the CRM, 2 matched.");
    expect(result).toMatch(/Only in accounting \(1\) .*ООО «Ремстрой» 5005052322 RUB 797,000\.00/);
    expect(result).toMatch(/Won in the CRM, not in accounting \(1\) .*RUB 50,000\.00/);
    expect(result).toMatch(/ООО «Медтехника» \S+ INN RUB 340,000\.00 ≠ RUB 300,000\.00/);
    expect(result).toMatch(/ИП Белов \S+ phone RUB 120,000\.00 RUB 120,000\.00/);
    await tab.screenshot("reconciliation");

    expect(tab.errors()).toEqual([]);
    await tab.close();
  }, 120_000);
});
