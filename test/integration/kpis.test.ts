import { beforeAll, describe, expect, it } from "vitest";
import { kpisForContractor } from "../../packages/core/src/report/contractor-kpis.js";
import { createHarness, type Harness } from "../support/harness.js";
import { importCohorts, importSpend, kpiOf, newCampaign, newHypothesis, type Cohort } from "../support/decisions.js";

// Today is 20 April 2026 in Moscow; maturity is the default 15 days.
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-04-20T09:00:00Z" });
});

/**
 * Seven weeks of a search campaign: two mature cohorts (2 and 16 March) and one of 10 April that
 * is still maturing. 190 leads, 15 won at 50,000 each, 50 reached qualified, 190,000 spent.
 */
const cohorts: Cohort[] = [
  { day: "2026-03-02", leads: 100, won: 10, wonAfter: 9, qualified: 20, lost: 10 },
  { day: "2026-03-16", leads: 50, won: 4, wonAfter: 12, qualified: 10 },
  { day: "2026-04-10", leads: 40, won: 1, wonAfter: 3, qualified: 5 },
];
const costs = { "2026-03-02": 100_000, "2026-03-16": 50_000, "2026-04-10": 40_000 };

async function seeded(targets: Record<string, unknown>, only = cohorts) {
  const id = await newHypothesis(h, targets);
  const campaign = await newCampaign(h, id);
  await importCohorts(h, campaign.utm, only);
  await importSpend(h, campaign.utm, costs);
  return { id, campaign };
}

// Read-only tests share one seeded hypothesis: the import is the slow part.
let bags: string;
beforeAll(async () => {
  bags = (await seeded({ conversionMin: 0.05 })).id;
});

describe("GET /api/hypotheses/{id}/kpis", () => {
  it("leaves cohorts younger than the maturity out of conversion, CAC and ROMI and counts their leads as maturing", async () => {
    const res = await h.call("GET", `/api/hypotheses/${bags}/kpis`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: "2026-04-20", maturing: { leads: 40 }, confidence: 0.9 });
    expect(res.body.kpis.map((k: any) => k.kpi)).toEqual(["leads", "qualifiedRate", "conversion", "cpl", "cac", "romi", "averageDeal", "medianDaysToWin", "spend"]);
    expect(kpiOf(res.body, "leads")).toMatchObject({ observed: 190, sample: { leads: 190, qualified: 50, won: 15, spend: "190000.00", revenue: "750000.00" } });
    const conversion = kpiOf(res.body, "conversion");
    expect(conversion.sample).toEqual({ leads: 150, qualified: 44, won: 14, spend: "150000.00", revenue: "700000.00" });
    expect(conversion.observed).toBeCloseTo(14 / 150, 12);
    expect(conversion.interval[0]).toBeLessThan(conversion.observed);
    expect(conversion.interval[1]).toBeGreaterThan(conversion.observed);
    expect(kpiOf(res.body, "cac").observed).toBe(10_714.29);
    expect(kpiOf(res.body, "romi").observed).toBeCloseTo((700_000 - 150_000) / 150_000, 12);
    // Young cohorts still count where maturity does not matter.
    expect(kpiOf(res.body, "cpl").observed).toBe(1000);
    expect(kpiOf(res.body, "qualifiedRate").observed).toBeCloseTo(50 / 190, 12);
    expect(kpiOf(res.body, "medianDaysToWin").observed).toBe(9);
    expect(kpiOf(res.body, "spend").observed).toBe(190_000);
  });

  it("judges each target met, not_met or insufficient_data, with the probability behind it", async () => {
    const { id } = await seeded({ conversionMin: 0.05, cplMax: "800", qualifiedRateMin: 0.26 });

    const { body } = await h.call("GET", `/api/hypotheses/${id}/kpis`);

    // 14 of 150 mature leads won: the conversion is very likely above 5%.
    expect(kpiOf(body, "conversion")).toMatchObject({ target: 0.05, direction: "min", verdict: "met" });
    expect(kpiOf(body, "conversion").probability).toBeGreaterThan(0.9);
    // 1,000 per lead over 190 leads: 800 is out of reach.
    expect(kpiOf(body, "cpl")).toMatchObject({ target: 800, direction: "max", verdict: "not_met" });
    expect(kpiOf(body, "cpl").probability).toBeLessThan(0.1);
    // 26.3% qualified against 26%: too close to tell.
    expect(kpiOf(body, "qualifiedRate")).toMatchObject({ target: 0.26, verdict: "insufficient_data" });
    expect(kpiOf(body, "qualifiedRate").probability).toBeGreaterThan(0.1);
    expect(kpiOf(body, "qualifiedRate").probability).toBeLessThan(0.9);
    // KPIs without a target carry no verdict.
    expect(kpiOf(body, "cac").verdict).toBeUndefined();
  });

  it("calls every target insufficient_data below the minimum number of leads", async () => {
    const { id } = await seeded({ conversionMin: 0.05, minLeads: 500 }, cohorts.slice(0, 1));
    const { body } = await h.call("GET", `/api/hypotheses/${id}/kpis`);
    expect(kpiOf(body, "conversion")).toMatchObject({ verdict: "insufficient_data" });
    expect(kpiOf(body, "conversion").probability).toBeGreaterThan(0.9);
  });

  it("covers only the leads that arrived between from and to", async () => {
    const kpis = async (query: string) => (await h.call("GET", `/api/hypotheses/${bags}/kpis?${query}`)).body;

    const april = await kpis("from=2026-04-01");
    expect(kpiOf(april, "leads").observed).toBe(40);
    expect(april.maturing).toEqual({ leads: 40 });
    expect(kpiOf(april, "conversion")).toMatchObject({ observed: null, verdict: "insufficient_data", sample: { leads: 0 } });

    const march = await kpis("to=2026-03-31");
    expect(kpiOf(march, "leads").observed).toBe(150);
    expect(kpiOf(march, "spend").observed).toBe(150_000);
    expect(march.maturing).toEqual({ leads: 0 });

    const oneDay = await kpis("from=2026-03-16&to=2026-03-16");
    expect(kpiOf(oneDay, "conversion").sample).toMatchObject({ leads: 50, won: 4 });
    expect(kpiOf(oneDay, "medianDaysToWin").observed).toBe(12);
  });

  it("names each bad query parameter", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05 });
    const bad = async (query: string) => {
      const res = await h.call("GET", `/api/hypotheses/${id}/kpis?${query}`);
      expect(res.status).toBe(400);
      return res.body.issues.map((i: any) => i.path);
    };
    expect(await bad("from=2026-02-30")).toEqual(["from"]);
    expect(await bad("from=2026-04-01&to=2026-03-01")).toEqual(["to"]);
    expect(await bad("from=2026-03-01&campaign=x")).toEqual(["campaign"]);
    expect((await h.call("GET", "/api/hypotheses/01NOSUCHHYPOTHESIS/kpis")).status).toBe(404);
  });
});

describe("GET /api/campaigns/{id}/kpis", () => {
  it("counts only the campaign's own leads, judged by its hypothesis' targets, and shows contractors only their own", async () => {
    const agency = (await h.call("POST", "/api/contractors", { name: "Директ-агентство" })).body.id;
    const other = (await h.call("POST", "/api/contractors", { name: "Другое агентство" })).body.id;
    const agencyKey = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: agency })).body.key;
    const id = await newHypothesis(h, { cplMax: "1500" });
    const [mine, theirs] = [await newCampaign(h, id, agency), await newCampaign(h, id, other)];
    await importCohorts(h, mine.utm, [{ day: "2026-03-02", leads: 60, won: 3 }]);
    await importSpend(h, mine.utm, { "2026-03-02": 60_000 });
    await importCohorts(h, theirs.utm, [{ day: "2026-03-03", leads: 20, won: 1 }]);
    await importSpend(h, theirs.utm, { "2026-03-03": 50_000 });

    const res = await h.call("GET", `/api/campaigns/${mine.id}/kpis`, undefined, { key: agencyKey });

    expect(res.status).toBe(200);
    expect(kpiOf(res.body, "leads").observed).toBe(60);
    expect(kpiOf(res.body, "cpl")).toMatchObject({ observed: 1000, target: 1500, direction: "max", verdict: "met" });
    expect(kpiOf(res.body, "conversion").sample).toMatchObject({ leads: 60, won: 3 });
    const whole = (await h.call("GET", `/api/hypotheses/${id}/kpis`)).body;
    expect(kpiOf(whole, "leads").observed).toBe(80);
    expect(kpiOf(whole, "cpl").observed).toBe(1375);

    expect((await h.call("GET", `/api/campaigns/${theirs.id}/kpis`, undefined, { key: agencyKey })).status).toBe(404);
    expect((await h.call("GET", `/api/hypotheses/${id}/kpis`, undefined, { key: agencyKey })).status).toBe(403);
    expect((await h.call("GET", "/api/campaigns/01NOSUCHCAMPAIGN/kpis")).status).toBe(404);
    const filtered = await h.call("GET", `/api/campaigns/${theirs.id}/kpis?to=2026-03-02`);
    expect(kpiOf(filtered.body, "leads").observed).toBe(0);
  });
});

describe("kpisForContractor", () => {
  it("gives each of the contractor's campaigns, and only those, its KPIs against its own hypothesis' targets", async () => {
    const agency = (await h.call("POST", "/api/contractors", { name: "Агентство полного цикла" })).body.id;
    const [search, calls] = [await newHypothesis(h, { cplMax: "1500" }), await newHypothesis(h, { cplMax: "500" })];
    const [a, b, foreign] = [await newCampaign(h, search, agency), await newCampaign(h, calls, agency), await newCampaign(h, search)];
    for (const c of [a, b, foreign]) {
      await importCohorts(h, c.utm, [
        { day: "2026-03-02", leads: 40, won: 2 },
        { day: "2026-04-01", leads: 10 },
      ]);
      await importSpend(h, c.utm, { "2026-03-02": 40_000, "2026-04-01": 10_000 });
    }

    const all = await kpisForContractor(h.ctx, agency);
    const march = await kpisForContractor(h.ctx, agency, "2026-03-01", "2026-03-31");

    expect(all.map((r) => r.campaign.id)).toEqual([a.id, b.id]);
    expect(all.map((r) => kpiOf(r.report, "cpl"))).toEqual([
      expect.objectContaining({ observed: 1000, target: 1500, verdict: "met", sample: expect.objectContaining({ leads: 50 }) }),
      expect.objectContaining({ observed: 1000, target: 500, verdict: "not_met" }),
    ]);
    expect(march.map((r) => kpiOf(r.report, "leads").observed)).toEqual([40, 40]);
    expect(await kpisForContractor(h.ctx, "01NOSUCHCONTRACTOR")).toEqual([]);
  });
});
