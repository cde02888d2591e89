import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { OWNER_KEY } from "../support/harness.js";
import { importCohorts, importSpend, newCampaign, newHypothesis } from "../support/decisions.js";
import { createWebHarness, expectPage, textOf, type WebHarness } from "../support/web.js";

// Today is Monday 20 April 2026 in Moscow: the last complete week is 13-19 April.
let h: WebHarness;
let agency: { id: string; name: string; key: string; utmCampaign: string };
let other: { id: string; key: string };
beforeAll(async () => {
  h = await createWebHarness({ now: "2026-04-20T09:00:00Z" });
  const hypothesis = await newHypothesis(h, { conversionMin: 0.05, cplMax: "1500" });
  const contractor = async (name: string) => {
    const id = (await h.call("POST", "/api/contractors", { name })).body.id as string;
    const key = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: id })).body.key as string;
    const campaign = await newCampaign(h, hypothesis, id);
    return { id, name, key, campaign };
  };
  const north = await contractor(`Agency North ${newId()}`);
  const south = await contractor(`Agency South ${newId()}`);
  // March: 100 leads at 1,000 each, 10 of them won: CPL 1,000 (target <= 1,500), conversion 10% (>= 5%).
  await importCohorts(h, north.campaign.utm, [{ day: "2026-03-02", leads: 100, won: 10, wonAfter: 7 }]);
  await importSpend(h, north.campaign.utm, { "2026-03-02": 100_000 });
  agency = { id: north.id, name: north.name, key: north.key, utmCampaign: north.campaign.utm.utm_campaign };
  other = { id: south.id, key: south.key };
}, 180_000);

const march = "from=2026-03-01&to=2026-03-31";

async function signedIn(key: string) {
  const browser = h.browser({ acceptLanguage: "en" });
  await browser.signIn(key);
  return browser;
}

describe("the contractor report page", () => {
  it("takes a contractor from its menu to its own report, with each figure against its target", async () => {
    const browser = await signedIn(agency.key);

    const menu = await browser.get("/");
    const mine = await browser.get("/report");
    const page = await browser.get(`/contractors/${agency.id}/report?${march}`);

    expect(menu.html).toContain('href="/report"');
    expect(mine.status).toBe(303);
    expect(mine.location).toBe(`/contractors/${agency.id}/report`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain(`Report: ${agency.name}`);
    expect(text).toContain("Leads that arrived 1 Mar 2026 – 31 Mar 2026 (compared with 29 Jan 2026 – 28 Feb 2026)");
    expect(text).toContain(`Yandex / ${agency.utmCampaign}`);
    expect(text).toContain("✓ meets all its targets");
    expect(text).toContain("Spend RUB 100,000.00 RUB 0.00 +RUB 100,000.00 — —");
    expect(text).toContain("Cost per lead RUB 1,000.00 — — ≤ RUB 1,500.00 ✓ met");
    expect(text).toContain("Conversion to a deal 10% — — ≥ 5% ✓ met");
    expect(page.html).toContain(`href="/contractors/${agency.id}/report.csv?${march.replace("&", "&amp;")}"`);
    // A contractor cannot open hypotheses, so the title is not a link.
    expect(page.html).not.toContain('href="/hypotheses/');
  });

  it("says beside the month whether the targets are met since the campaign started, in English and in Russian", async () => {
    // From 100 leads on: March's 40 leads alone are too few, January to March's 140 are not.
    const hypothesis = await newHypothesis(h, { cplMax: "1500", minLeads: 100 });
    const id = (await h.call("POST", "/api/contractors", { name: `Agency Steady ${newId()}` })).body.id as string;
    const key = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: id })).body.key as string;
    const campaign = await newCampaign(h, hypothesis, id);
    await importCohorts(h, campaign.utm, [
      { day: "2026-01-12", leads: 100 },
      { day: "2026-03-10", leads: 40 },
    ]);
    await importSpend(h, campaign.utm, { "2026-01-12": 50_000, "2026-03-10": 20_000 });

    const english = textOf((await (await signedIn(key)).get(`/contractors/${id}/report?${march}`)).html);
    const russianBrowser = h.browser({ acceptLanguage: "ru-RU,ru;q=0.9" });
    await russianBrowser.signIn(key);
    const russian = textOf((await russianBrowser.get(`/contractors/${id}/report?${march}`)).html);

    expect(english).toContain("Since the campaign started (12 Jan 2026 – 31 Mar 2026): ✓ meets all its targets");
    expect(english).toContain("This period: ? too early to tell");
    expect(english).toContain("Cost per lead RUB 500.00 — — ≤ RUB 1,500.00 ? insufficient data RUB 500.00 ✓ target met");
    expect(russian).toContain("С начала кампании (12 янв. 2026 г. – 31 мар. 2026 г.): ✓ выполняет все цели Кампания выполняет все целевые показатели: стоимость лида.");
    expect(russian).toContain("За период: ? пока рано судить");
    expect(russian).toMatch(/Стоимость лида 500,00 ₽ .*недостаточно данных 500,00 ₽ ✓ цель достигнута/);
  });

  it("opens on the last complete week and offers last week and last month", async () => {
    const browser = await signedIn(agency.key);

    const page = await browser.get(`/contractors/${agency.id}/report`);

    expect(textOf(page.html)).toContain("Leads that arrived 13 Apr 2026 – 19 Apr 2026");
    expect(page.html).toContain('name="from" type="date" value="2026-04-13"');
    expect(page.html).toContain(`href="/contractors/${agency.id}/report?from=2026-03-01&amp;to=2026-03-31"`);
  });

  it("downloads the report as the API's Excel CSV through the browser's session", async () => {
    const browser = await signedIn(agency.key);

    const download = await h.web.request(`http://localhost/contractors/${agency.id}/report.csv?${march}`, {
      headers: { cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    const api = await h.call("GET", `/api/contractors/${agency.id}/report?${march}&format=csv`, undefined, { key: agency.key });

    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="kpi-${agency.id}-2026-03-01-2026-03-31.csv"`);
    const csv = await download.text();
    expect(csv).toBe(api.text);
    expect(csv.split("\r\n")[1]).toContain(`;${agency.utmCampaign};100000,00;100;1000,00;`);
  });

  it("answers another contractor's report, page or CSV, with 404", async () => {
    const browser = await signedIn(other.key);

    const page = await browser.get(`/contractors/${agency.id}/report?${march}`);
    const csv = await browser.get(`/contractors/${agency.id}/report.csv?${march}`);
    const own = await browser.get(`/contractors/${other.id}/report?${march}`);

    expect(page.status).toBe(404);
    expect(textOf(page.html)).not.toContain(agency.name);
    expect(csv.status).toBe(404);
    expectPage(own, 200, "? too early to tell");
  });

  it("lets the team open any contractor's report from the contractors page, and names a wrong period", async () => {
    const marketer = await signedIn((await h.call("POST", "/api/keys", { role: "marketer" })).body.key);
    const owner = await signedIn(OWNER_KEY);

    const list = await owner.get("/contractors");
    const page = await marketer.get(`/contractors/${agency.id}/report?${march}`);
    const wrong = await owner.get(`/contractors/${agency.id}/report?from=2026-03-31&to=2026-03-01`);

    expect(list.html).toContain(`href="/contractors/${agency.id}/report"`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/hypotheses/');
    expectPage(wrong, 400, "⚠ must not be before from");
    // In Russian the period's problems are words, not the API's English.
    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(OWNER_KEY);
    const backwards = await ru.get(`/contractors/${agency.id}/report?from=2026-03-31&to=2026-03-01`);
    const halfPeriod = await ru.get(`/contractors/${agency.id}/report?from=2026-03-01`);
    const tooLong = await ru.get(`/contractors/${agency.id}/report?from=2025-01-01&to=2026-03-31`);
    expectPage(backwards, 400, "По: не раньше первого дня (поле «С»)");
    expectPage(halfPeriod, 400, "укажите оба дня или ни одного");
    expectPage(tooLong, 400, "По: отчёт охватывает не больше 366 дн.");
    for (const refused of [backwards, halfPeriod, tooLong]) expect(textOf(refused.html)).not.toMatch(/must|give both|covers|неверное значение/);
  });

  it("lists each contractor's latest mailed reports on the contractors page, or says none went out yet", async () => {
    const email = `reports-${newId().toLowerCase()}@agency.example`;
    const mailed = (await h.call("POST", "/api/contractors", { name: `Agency Mailed ${newId()}`, email })).body.id as string;
    await newCampaign(h, await newHypothesis(h, { conversionMin: 0.05 }), mailed);
    const run = await h.call("POST", "/api/reports/run", { period: "weekly" });
    expect(run.status, run.text).toBe(200);
    expect(run.body.results.find((r: any) => r.contractorId === mailed)).toMatchObject({ outcome: "sent" });
    const quiet = (await h.call("POST", "/api/contractors", { name: `Agency Quiet ${newId()}` })).body.id as string;

    const page = await (await signedIn(OWNER_KEY)).get("/contractors");
    const card = (id: string) => textOf(page.html.split(`id="contractor-${id}"`)[1]!.split("</article>")[0]!);
    expect(card(mailed)).toContain(`Latest reports weekly, 13 Apr 2026 – 19 Apr 2026: sent (20 Apr 2026, 12:00, ${email})`);
    expect(card(quiet)).toContain("Latest reports No report mailed yet");
  });
});
