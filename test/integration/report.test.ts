import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, OWNER_KEY, type Harness } from "../support/harness.js";
import { BUSY_WEEK, contractorKey, importArrivals, importSpend, newCampaign, newContractor, newHypothesis, parseCsv } from "../support/reports.js";

/**
 * One contractor with two campaigns: a busy one (week of 9-15 March against 2-8 March) and an
 * idle one of another hypothesis; a second contractor's campaign that must never show up.
 */
let h: Harness;
let contractorId: string;
let otherContractorId: string;
let busy: { id: string };
let idle: { id: string };
let hypothesisTitle: string;
const week = "from=2026-03-09&to=2026-03-15";

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-20T09:00:00Z" });
  contractorId = await newContractor(h, { name: "Агентство <b>«Ромашка»</b> & Co" });
  otherContractorId = await newContractor(h);
  const hypothesis = await newHypothesis(h, { cplMax: "1500", conversionMin: 0.05, qualifiedRateMin: 0.2 });
  hypothesisTitle = hypothesis.title;
  busy = await newCampaign(h, hypothesis.id, contractorId);
  idle = await newCampaign(h, (await newHypothesis(h, { cacMax: "20000" })).id, contractorId);
  const foreign = await newCampaign(h, hypothesis.id, otherContractorId);

  const utm = (await h.call("GET", `/api/campaigns/${busy.id}`)).body;
  const busyUtm = { utm_source: utm.utmSource, utm_campaign: utm.utmCampaign };
  await importArrivals(h, busyUtm, [
    { day: "2026-03-03", leads: 10, won: 1, amount: "40000" },
    { day: "2026-03-10", leads: 20, won: 2, qualified: 4, lost: 2, amount: "60000" },
    { day: "2026-03-12", leads: 10, won: 1, amount: "60000" },
  ]);
  await importSpend(h, busyUtm, { "2026-03-03": "20000", "2026-03-10": "15000", "2026-03-12": "9000.50" });
  await importArrivals(h, foreign.utm, [{ day: "2026-03-10", leads: 7, won: 1 }]);
  await importSpend(h, foreign.utm, { "2026-03-10": "777.77" });
  // Two weeks and more later every cohort of both weeks is mature (maturityDays 15).
  h.setNow("2026-04-01T09:00:00Z");
});

const campaignOf = (body: any, id: string) => body.campaigns.find((c: any) => c.campaignId === id);

describe("a contractor's KPI report", () => {
  it("shows each of its campaigns' figures for the period, the period before and the change", async () => {
    const res = await h.call("GET", `/api/contractors/${contractorId}/report?${week}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ contractorId, from: "2026-03-09", to: "2026-03-15", generatedAt: "2026-04-01T09:00:00.000Z" });
    expect(res.body.campaigns.map((c: any) => c.campaignId).sort()).toEqual([busy.id, idle.id].sort());

    const c = campaignOf(res.body, busy.id);
    expect(c).toMatchObject({ utmSource: "yandex", hypothesisTitle });
    // 30 leads, 7 of them qualified or further (3 won + 4 qualified), 3 won at 60 000 each.
    expect(c).toMatchObject(BUSY_WEEK);
    expect(c.previous).toEqual({
      from: "2026-03-02",
      to: "2026-03-08",
      spend: "20000.00",
      leads: 10,
      cpl: "2000.00",
      qualifiedRate: 0.1,
      matureLeads: 10,
      won: 1,
      conversion: 0.1,
      cac: "20000.00",
      romi: 1,
    });
    expect(c.change).toMatchObject({ spend: "4000.50", leads: 20, cpl: "-1199.98", qualifiedRate: 0.1333, won: 2, conversion: 0, cac: "-11999.83" });
  });

  it("judges each figure against the hypothesis' targets exactly as the campaign's KPIs do", async () => {
    const report = campaignOf((await h.call("GET", `/api/contractors/${contractorId}/report?${week}`)).body, busy.id);
    const kpis = (await h.call("GET", `/api/campaigns/${busy.id}/kpis?${week}`)).body.kpis as any[];
    const verdictOf = (kpi: string) => kpis.find((row) => row.kpi === kpi).verdict;

    expect(report.targets).toEqual({ cpl: "1500.00", qualifiedRate: 0.2, conversion: 0.05 });
    expect(report.verdicts).toEqual({ cpl: verdictOf("cpl"), qualifiedRate: verdictOf("qualifiedRate"), conversion: verdictOf("conversion") });
    expect(report.verdicts.cpl).toBe("met");
    const verdicts = Object.values(report.verdicts);
    const expected = verdicts.includes("not_met") ? false : verdicts.every((v) => v === "met") ? true : null;
    expect(report.meetsTargets).toBe(expected);
    expect(report.summary).toMatch(expected === true ? /^Кампания выполняет все/ : expected === false ? /^Кампания не выполняет/ : /^Пока недостаточно данных/);
  });

  it("shows an idle campaign with zeros, empty ratios and no verdict it cannot give", async () => {
    const c = campaignOf((await h.call("GET", `/api/contractors/${contractorId}/report?${week}`)).body, idle.id);
    expect(c).toMatchObject({ spend: "0.00", leads: 0, cpl: null, qualifiedRate: null, won: 0, conversion: null, cac: null, romi: null, meetsTargets: null });
    expect(c.targets).toEqual({ cac: "20000.00" });
    expect(c.verdicts).toEqual({ cac: "insufficient_data" });
  });

  it("keeps cohorts that have not matured out of won, conversion, CAC and ROMI", async () => {
    h.setNow("2026-03-20T09:00:00Z");
    try {
      // On 20 March only the cohorts up to 5 March are 15 days old.
      const c = campaignOf((await h.call("GET", `/api/contractors/${contractorId}/report?${week}`)).body, busy.id);
      expect(c).toMatchObject({ leads: 30, matureLeads: 0, won: 0, conversion: null, cac: null, romi: null });
      expect(c.previous).toMatchObject({ matureLeads: 10, won: 1 });
    } finally {
      h.setNow("2026-04-01T09:00:00Z");
    }
  });

  it("covers the last complete Monday-Sunday week when no days are given", async () => {
    const res = await h.call("GET", `/api/contractors/${contractorId}/report`);
    // 1 April 2026 is a Wednesday.
    expect(res.body).toMatchObject({ from: "2026-03-23", to: "2026-03-29" });
  });

  it("refuses half a range, a reversed one, and unknown parameters", async () => {
    const half = await h.call("GET", `/api/contractors/${contractorId}/report?from=2026-03-09`);
    expect(half.status).toBe(400);
    expect(half.body.issues).toEqual([expect.objectContaining({ path: "to" })]);
    expect((await h.call("GET", `/api/contractors/${contractorId}/report?from=2026-03-15&to=2026-03-09`)).status).toBe(400);
    expect((await h.call("GET", `/api/contractors/${contractorId}/report?${week}&format=pdf`)).status).toBe(400);
    expect((await h.call("GET", `/api/contractors/${contractorId}/report?${week}&leads=all`)).status).toBe(400);
  });
});

describe("the report as CSV and HTML", () => {
  /** A CSV figure back in the JSON's units: decimal comma to point, percent to fraction, empty to null. */
  const money = (cell: string) => (cell === "" ? null : cell.replace(",", "."));
  const rate = (cell: string) => (cell === "" ? null : Number((Number(cell.replace(",", ".")) / 100).toFixed(4)));
  const count = (cell: string) => (cell === "" ? null : Number(cell));
  const figureHeaders = {
    spend: ["Расход, ₽", money],
    leads: ["Лиды", count],
    cpl: ["Стоимость лида, ₽", money],
    qualifiedRate: ["Доля квалифицированных, %", rate],
    matureLeads: ["Лиды созревших когорт", count],
    won: ["Сделки созревших когорт", count],
    conversion: ["Конверсия в сделку, %", rate],
    cac: ["Стоимость клиента, ₽", money],
    romi: ["ROMI, %", rate],
  } as const;

  it("has the same figures as the JSON, for the period, the one before and the change", async () => {
    const json = (await h.call("GET", `/api/contractors/${contractorId}/report?${week}`)).body;
    // Raw bytes: a text decoder would drop the BOM this test is about.
    const res = await h.app.request(`/api/contractors/${contractorId}/report?${week}&format=csv`, { headers: { authorization: `Bearer ${OWNER_KEY}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="kpi-.+\.csv"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const [header, ...rows] = parseCsv(bytes.subarray(3).toString("utf8"));
    expect(rows).toHaveLength(json.campaigns.length);
    for (const row of rows) {
      const cell = (name: string) => {
        const index = header!.indexOf(name);
        expect(index, name).toBeGreaterThanOrEqual(0);
        return row[index]!;
      };
      const campaign = campaignOf(json, cell("ID кампании"));
      const back = (suffix: string) =>
        Object.fromEntries(Object.entries(figureHeaders).map(([field, [name, parse]]) => [field, parse(cell(`${name}${suffix}`))]));
      const { previous, change } = campaign;
      expect(back("")).toEqual(Object.fromEntries(Object.keys(figureHeaders).map((f) => [f, campaign[f]])));
      expect(back(" (прошлый период)")).toEqual(Object.fromEntries(Object.keys(figureHeaders).map((f) => [f, previous[f]])));
      expect(back(" (изменение)")).toEqual(Object.fromEntries(Object.keys(figureHeaders).map((f) => [f, change[f]])));
      expect([cell("utm_source"), cell("utm_campaign"), cell("Период с"), cell("Период по"), cell("Итог")]).toEqual([
        campaign.utmSource,
        campaign.utmCampaign,
        json.from,
        json.to,
        campaign.summary,
      ]);
      expect(cell("Цель: стоимость лида, ₽")).toBe(campaign.targets.cpl ? campaign.targets.cpl.replace(".", ",") : "");
    }
  });

  it("is a self-contained printable page with every name escaped", async () => {
    const res = await h.call("GET", `/api/contractors/${contractorId}/report?${week}&format=html`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.text).toMatch(/^<!doctype html>/);
    expect(res.text).toContain("Агентство &lt;b&gt;«Ромашка»&lt;/b&gt; &amp; Co");
    expect(res.text).not.toContain("<b>");
    expect(res.text).not.toMatch(/<script|<link|src=/);
    expect(res.text).toContain("24\u00a0000,50\u00a0₽");
  });

  it("never shows a lead's name, phone or e-mail, in any format", async () => {
    for (const format of ["json", "csv", "html"]) {
      const { text } = await h.call("GET", `/api/contractors/${contractorId}/report?${week}&format=${format}`);
      expect(text).not.toMatch(/Иван Контактов|999 555|@example\.ru/);
    }
  });
});

describe("who may read a report", () => {
  it("lets a contractor read its own report and nobody else's, as if the other did not exist", async () => {
    const key = await contractorKey(h, contractorId);
    const own = await h.call("GET", `/api/contractors/${contractorId}/report?${week}`, undefined, { key });
    expect(own.status).toBe(200);
    expect(own.body.campaigns.map((c: any) => c.campaignId).sort()).toEqual([busy.id, idle.id].sort());

    const another = await h.call("GET", `/api/contractors/${otherContractorId}/report?${week}&format=csv`, undefined, { key });
    const missing = await h.call("GET", `/api/contractors/01NOSUCHCONTRACTOR/report?${week}&format=csv`, undefined, { key });
    expect(another.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(another.body.error).toBe(missing.body.error);
    expect(another.body.message.replace(otherContractorId, "<id>")).toBe(missing.body.message.replace("01NOSUCHCONTRACTOR", "<id>"));
  });

  it("does not open another contractor's record to a contractor key by mounting the report first", async () => {
    const key = await contractorKey(h, contractorId);
    const res = await h.call("GET", `/api/contractors/${otherContractorId}`, undefined, { key });
    expect([403, 404]).toContain(res.status);
    expect(res.body.id).toBeUndefined();
  });

  it("lets the owner and a marketer read any contractor's report, and shows only that contractor's campaigns", async () => {
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
    const res = await h.call("GET", `/api/contractors/${otherContractorId}/report?${week}`, undefined, { key: marketer });
    expect(res.status).toBe(200);
    expect(res.body.campaigns).toHaveLength(1);
    expect(res.body.campaigns[0]).toMatchObject({ spend: "777.77", leads: 7 });
    expect((await h.call("GET", `/api/contractors/01NOSUCHCONTRACTOR/report?${week}`)).status).toBe(404);
  });
});
