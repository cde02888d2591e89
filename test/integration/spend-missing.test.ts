import { beforeAll, describe, expect, it } from "vitest";
import { readDays } from "../../packages/core/src/counters/cohort-counters.js";
import { importCohorts, importSpend, kpiOf, newCampaign, newHypothesis, toOptimization, type Cohort } from "../support/decisions.js";
import { createHarness, type Harness } from "../support/harness.js";

// Today is 20 April 2026 in Moscow; maturity is the default 15 days.
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-04-20T09:00:00Z" });
});

/** 300 mature leads over three March days, 10% of them won. */
const threeDays: Cohort[] = [
  { day: "2026-03-02", leads: 100, won: 10, wonAfter: 5 },
  { day: "2026-03-03", leads: 100, won: 10, wonAfter: 5 },
  { day: "2026-03-04", leads: 100, won: 10, wonAfter: 5 },
];

// Each test imports hundreds of leads through the API, on a machine other runs may be loading too.
const slow = { timeout: 120_000 };

const gateOf = async (id: string) => (await h.call("GET", `/api/hypotheses/${id}/gate`)).body;
const kpisOf = async (path: string) => (await h.call("GET", path)).body;

describe("cost KPIs while spend is missing", slow, () => {
  it("refuses the gate and the owner's approval for 300 leads with no spend at all, naming the days", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const campaign = await newCampaign(h, id);
    await importCohorts(h, campaign.utm, threeDays);

    const gate = await gateOf(id);
    expect(gate.passed).toBe(false);
    expect(kpiOf(gate, "cpl")).toMatchObject({
      verdict: "insufficient_data",
      spendMissing: { days: ["2026-03-02", "2026-03-03", "2026-03-04"] },
      sample: { leads: 300, spend: "0.00" },
    });
    expect(kpiOf(gate, "cpl").probability).toBeUndefined();

    await toOptimization(h, id);
    const approval = await h.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "approve" });
    expect(approval.status).toBe(409);
    expect(approval.body).toMatchObject({ error: "gate_not_passed", gate: { passed: false } });
    expect(approval.body.message).toContain("cpl insufficient_data (spend missing for 3 days)");
    expect(approval.body.unmet).toEqual([expect.objectContaining({ kpi: "cpl", verdict: "insufficient_data", spendMissing: { days: ["2026-03-02", "2026-03-03", "2026-03-04"] } })]);
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body.stage).toBe("optimization");
  });

  it("names only the days with leads and no spend, and judges once they are filled in", async () => {
    const id = await newHypothesis(h, { cplMax: "1500", cacMax: "15000" });
    const campaign = await newCampaign(h, id);
    // 12 April is still maturing: it is missing for CPL, not for CAC (mature cohorts only).
    await importCohorts(h, campaign.utm, [...threeDays, { day: "2026-04-12", leads: 20 }]);
    await importSpend(h, campaign.utm, { "2026-03-02": 100_000, "2026-03-04": 100_000, "2026-03-05": 5_000 });

    const partial = await kpisOf(`/api/hypotheses/${id}/kpis`);
    expect(kpiOf(partial, "cpl")).toMatchObject({ verdict: "insufficient_data", spendMissing: { days: ["2026-03-03", "2026-04-12"] } });
    expect(kpiOf(partial, "cac")).toMatchObject({ verdict: "insufficient_data", spendMissing: { days: ["2026-03-03"] } });
    expect(kpiOf(partial, "romi").spendMissing).toEqual({ days: ["2026-03-03"] });
    expect(kpiOf(partial, "conversion").spendMissing).toBeUndefined();

    await importSpend(h, campaign.utm, { "2026-03-03": 100_000 });
    const mature = await kpisOf(`/api/hypotheses/${id}/kpis`);
    expect(kpiOf(mature, "cpl")).toMatchObject({ verdict: "insufficient_data", spendMissing: { days: ["2026-04-12"] } });
    expect(kpiOf(mature, "cac").spendMissing).toBeUndefined();
    expect(kpiOf(mature, "cac")).toMatchObject({ verdict: "met" });
    expect(kpiOf(mature, "cac").observed).toBeCloseTo(305_000 / 30, 2); // a day with spend and no leads still counts

    await importSpend(h, campaign.utm, { "2026-04-12": 20_000 });
    const gate = await gateOf(id);
    expect(gate.passed).toBe(true);
    expect(gate.kpis.map((row: any) => [row.kpi, row.verdict, row.spendMissing])).toEqual([
      ["cpl", "met", undefined],
      ["cac", "met", undefined],
    ]);
  });

  it("counts an explicit 0 as recorded spend", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const campaign = await newCampaign(h, id);
    await importCohorts(h, campaign.utm, threeDays);
    await importSpend(h, campaign.utm, { "2026-03-02": 150_000, "2026-03-03": 0, "2026-03-04": 150_000 });

    const gate = await gateOf(id);
    expect(kpiOf(gate, "cpl")).toMatchObject({ verdict: "met", observed: 1000 });
    expect(kpiOf(gate, "cpl").spendMissing).toBeUndefined();
    const counters = await readDays(h.ctx, campaign.id, "2026-03-03", "2026-03-03");
    expect(counters).toEqual([expect.objectContaining({ day: "2026-03-03", spend: 0, spendRecorded: true })]);
  });

  it("keeps a day recorded when its cost is imported again unchanged or corrected down to 0", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const campaign = await newCampaign(h, id);
    await importCohorts(h, campaign.utm, [threeDays[0]!]);
    await importSpend(h, campaign.utm, { "2026-03-02": 50_000 });
    await importSpend(h, campaign.utm, { "2026-03-02": 50_000 });
    expect(kpiOf(await gateOf(id), "cpl")).toMatchObject({ verdict: "met", observed: 500 });

    await importSpend(h, campaign.utm, { "2026-03-02": 0 });
    expect(kpiOf(await gateOf(id), "cpl")).toMatchObject({ verdict: "met", observed: 0, sample: { spend: "0.00" } });
  });
});

describe("unpaid campaigns", slow, () => {
  it("take their cost from whatever spend was recorded, set at creation", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const created = await h.call("POST", `/api/hypotheses/${id}/campaigns`, { utmSource: "cold", utmCampaign: `base-${id.toLowerCase()}`, paid: false });
    expect(created.status, created.text).toBe(201);
    expect(created.body.paid).toBe(false);
    const utm = { utm_source: "cold", utm_campaign: created.body.utmCampaign };
    await importCohorts(h, utm, threeDays);
    await importSpend(h, utm, { "2026-03-02": 60_000 }); // the base was bought once

    const gate = await gateOf(id);
    expect(kpiOf(gate, "cpl")).toMatchObject({ verdict: "met", observed: 200, sample: { leads: 300, spend: "60000.00" } });
    expect(kpiOf(gate, "cpl").spendMissing).toBeUndefined();
    expect(gate.passed).toBe(true);
  });

  it("are marked by PATCH /api/campaigns/{id}, which only staff may do and which names a bad field", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const campaign = await newCampaign(h, id);
    expect((await h.call("GET", `/api/campaigns/${campaign.id}`)).body.paid).toBe(true);
    await importCohorts(h, campaign.utm, threeDays);
    expect((await gateOf(id)).passed).toBe(false);

    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
    const patched = await h.call("PATCH", `/api/campaigns/${campaign.id}`, { paid: false }, { key: marketer });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ id: campaign.id, paid: false, utmCampaign: campaign.utm.utm_campaign });
    expect((await h.call("GET", `/api/campaigns/${campaign.id}`)).body.paid).toBe(false);
    expect(kpiOf(await gateOf(id), "cpl")).toMatchObject({ verdict: "met", observed: 0 });

    expect((await h.call("PATCH", `/api/campaigns/${campaign.id}`, { paid: true })).body.paid).toBe(true);
    expect(kpiOf(await gateOf(id), "cpl")).toMatchObject({ verdict: "insufficient_data" });

    const bad = await h.call("PATCH", `/api/campaigns/${campaign.id}`, { paid: "no" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: "paid" })]);
    expect((await h.call("PATCH", "/api/campaigns/01NOSUCHCAMPAIGN", { paid: false })).status).toBe(404);
    expect((await h.call("PATCH", `/api/campaigns/${"X".repeat(200)}`, { paid: false })).status).toBe(400);
  });
});

describe("a hypothesis with two campaigns", slow, () => {
  it("misses a day when either paid campaign lacks its spend that day, and each campaign answers for its own", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const search = await newCampaign(h, id);
    const network = await newCampaign(h, id);
    await importCohorts(h, search.utm, threeDays);
    await importCohorts(h, network.utm, [{ day: "2026-03-03", leads: 40 }, { day: "2026-03-05", leads: 10 }]);
    await importSpend(h, search.utm, { "2026-03-02": 100_000, "2026-03-03": 100_000, "2026-03-04": 100_000 });
    await importSpend(h, network.utm, { "2026-03-03": 40_000 });

    const gate = await gateOf(id);
    expect(gate.passed).toBe(false);
    expect(kpiOf(gate, "cpl")).toMatchObject({ verdict: "insufficient_data", spendMissing: { days: ["2026-03-05"] } });
    expect(kpiOf(await kpisOf(`/api/campaigns/${search.id}/kpis`), "cpl")).toMatchObject({ verdict: "met", observed: 1000 });
    expect(kpiOf(await kpisOf(`/api/campaigns/${network.id}/kpis`), "cpl").spendMissing).toEqual({ days: ["2026-03-05"] });

    // The network's remaining clicks were free (a bonus from the platform): marking it unpaid lets its recorded cost stand.
    expect((await h.call("PATCH", `/api/campaigns/${network.id}`, { paid: false })).status).toBe(200);
    const after = await gateOf(id);
    expect(after.passed).toBe(true);
    expect(kpiOf(after, "cpl")).toMatchObject({ verdict: "met", sample: { leads: 350, spend: "340000.00" } });
  });
});

describe("answers built on cost", slow, () => {
  it("gives no forecast, no compared CAC and no cohort CAC or ROMI while days miss their spend", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05 });
    const campaign = await newCampaign(h, id);
    await importCohorts(h, campaign.utm, threeDays);
    await importSpend(h, campaign.utm, { "2026-03-02": 100_000, "2026-03-04": 100_000 });

    const forecast = (await h.call("GET", `/api/hypotheses/${id}/forecast?budget=100000`)).body;
    expect(forecast).toMatchObject({ status: "insufficient_data", spendMissing: { days: ["2026-03-03"] } });
    expect(forecast.reason).toContain("spend missing on 1 of the mature cohort days with leads (2026-03-03)");
    const compared = (await h.call("GET", `/api/hypotheses/compare?ids=${id}`)).body.items[0].ages[0];
    expect(compared).toMatchObject({ age: 30, cac: { value: null, status: "insufficient_data" }, spendMissing: { days: ["2026-03-03"] } });
    const [march] = (await h.call("GET", `/api/hypotheses/${id}/cohorts`)).body.cohorts;
    expect(march).toMatchObject({ cohort: "2026-03", won: 30, cac: null, romi: null, spendMissing: { days: ["2026-03-03"] } });

    await importSpend(h, campaign.utm, { "2026-03-03": 100_000 });
    expect((await h.call("GET", `/api/hypotheses/${id}/forecast?budget=100000`)).body.status).toBe("ok");
    expect((await h.call("GET", `/api/hypotheses/compare?ids=${id}`)).body.items[0].ages[0]).toMatchObject({ cac: { value: 10_000, status: "ok" } });
    expect((await h.call("GET", `/api/hypotheses/${id}/cohorts`)).body.cohorts[0]).toMatchObject({ cac: "10000.00", romi: 4 });
  });
});
