import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { importCohorts, importSpend, kpiOf, newCampaign, newHypothesis, type Cohort } from "../support/decisions.js";

// Today is 20 April 2026 in Moscow; maturity is the default 15 days.
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-04-20T09:00:00Z" });
});

/** 120 mature leads of 2 March (12 won, 42 qualified), 30 of 12 April still maturing; 1,000 per lead. */
const cohorts: Cohort[] = [
  { day: "2026-03-02", leads: 120, won: 12, wonAfter: 9, qualified: 30 },
  { day: "2026-04-12", leads: 30, won: 1, wonAfter: 3, qualified: 5 },
];

async function seeded(targets: Record<string, unknown>, extra: Record<string, unknown> = {}, harness = h) {
  const id = await newHypothesis(harness, targets, extra);
  const campaign = await newCampaign(harness, id);
  await importCohorts(harness, campaign.utm, cohorts);
  await importSpend(harness, campaign.utm, { "2026-03-02": 120_000, "2026-04-12": 30_000 });
  return id;
}

describe("GET /api/hypotheses/{id}/gate", () => {
  it("passes when every target is met on mature data, showing one row per target", async () => {
    const id = await seeded({ conversionMin: 0.05, cplMax: "1500" });

    const res = await h.call("GET", `/api/hypotheses/${id}/gate`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ passed: true, confidence: 0.9, maturing: { leads: 30 }, asOf: "2026-04-20" });
    expect(res.body.kpis.map((k: any) => [k.kpi, k.verdict])).toEqual([
      ["conversion", "met"],
      ["cpl", "met"],
    ]);
    expect(kpiOf(res.body, "conversion")).toMatchObject({ observed: 0.1, target: 0.05, sample: { leads: 120, won: 12 } });
    // Under the skeptical prior (4 won of 80 leads at the 5% target): P = I_{0.95}(76 + 108, 4 + 12).
    expect(kpiOf(res.body, "conversion").probability).toBeCloseTo(0.9573, 4);
  });

  it("fails while one target is not met, even with the others met", async () => {
    const id = await seeded({ conversionMin: 0.2, cplMax: "1500" });
    const { body } = await h.call("GET", `/api/hypotheses/${id}/gate`);
    expect(body.passed).toBe(false);
    expect(body.kpis.map((k: any) => [k.kpi, k.verdict])).toEqual([
      ["conversion", "not_met"],
      ["cpl", "met"],
    ]);
  });

  it("holds the hypothesis to its own confidence level", async () => {
    // 48 of 150 qualified against 26%: about 94% sure under the skeptical prior, enough at 0.9, not at 0.99.
    const strict = await seeded({ qualifiedRateMin: 0.26 }, { confidence: 0.99 });
    const { body } = await h.call("GET", `/api/hypotheses/${strict}/gate`);
    expect(body).toMatchObject({ passed: false, confidence: 0.99 });
    expect(kpiOf(body, "qualifiedRate")).toMatchObject({ verdict: "insufficient_data" });
    expect(kpiOf(body, "qualifiedRate").probability).toBeCloseTo(0.9382, 4);
  });

  it("waits for young cohorts to mature before it passes", async () => {
    const clock = await createHarness({ now: "2026-03-20T09:00:00Z" });
    const id = await newHypothesis(clock, { conversionMin: 0.05 });
    const campaign = await newCampaign(clock, id);
    await importCohorts(clock, campaign.utm, [{ day: "2026-03-10", leads: 100, won: 12, wonAfter: 5 }]);

    const young = (await clock.call("GET", `/api/hypotheses/${id}/gate`)).body;
    expect(young).toMatchObject({ passed: false, maturing: { leads: 100 }, asOf: "2026-03-20" });
    expect(kpiOf(young, "conversion")).toMatchObject({ verdict: "insufficient_data", observed: null, sample: { leads: 0 } });

    clock.setNow("2026-03-24T21:00:00Z"); // 25 March in Moscow: the 10 March cohort is 15 days old
    const mature = (await clock.call("GET", `/api/hypotheses/${id}/gate`)).body;
    expect(mature).toMatchObject({ passed: true, maturing: { leads: 0 }, asOf: "2026-03-25" });
    expect(kpiOf(mature, "conversion")).toMatchObject({ verdict: "met", observed: 0.12 });
  });

  it("says of an undecided target how many more mature leads and days a verdict needs, and whether the probe can bring them", async () => {
    // 10% observed against 8%: promising, not proven. Probe from 1 to 31 March, today 20 April: over.
    const id = await seeded({ conversionMin: 0.08 });
    const { body } = await h.call("GET", `/api/hypotheses/${id}/gate`);
    const conversion = kpiOf(body, "conversion");
    expect(conversion.verdict).toBe("insufficient_data");
    expect(conversion.decision).toMatchObject({ likely: "met", withinProbe: false });
    expect(conversion.decision.moreLeads).toBeGreaterThan(30);
    // 150 leads over 2 March - 20 April (50 days): 3 a day.
    expect(conversion.decision.days).toBe(Math.ceil(conversion.decision.moreLeads / 3));

    const longer = await seeded({ conversionMin: 0.08 }, { probe: { start: "2026-03-01", end: "2026-12-31" } });
    const open = kpiOf((await h.call("GET", `/api/hypotheses/${longer}/kpis`)).body, "conversion");
    expect(open.decision).toMatchObject({ likely: "met", moreLeads: conversion.decision.moreLeads, withinProbe: true });
  });

  it("is not for contractors, and 404s an unknown hypothesis", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05 });
    const contractor = (await h.call("POST", "/api/contractors", { name: "Агентство" })).body.id;
    const key = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor })).body.key;
    expect((await h.call("GET", `/api/hypotheses/${id}/gate`, undefined, { key })).status).toBe(403);
    expect((await h.call("GET", "/api/hypotheses/01NOSUCHHYPOTHESIS/gate")).status).toBe(404);
  });
});

describe("analysis -> rules", () => {
  it("is refused while conversion is not met, naming it with the figures", async () => {
    const id = await seeded({ conversionMin: 0.2, cplMax: "1500" });
    expect((await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "analysis" })).status).toBe(200);

    const res = await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "rules" });

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: "transition_refused" });
    expect(res.body.unmet).toEqual([
      "Targets not met (confidence 0.9, as of 2026-04-20): conversion 10% against at least 20% (probability of meeting it 0.00282).",
    ]);
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ stage: "analysis", version: 2 });
  });

  it("is refused while a target is not met even with a reason, and the refusal names the target", async () => {
    const id = await seeded({ conversionMin: 0.2, cplMax: "1500" });
    expect((await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "analysis" })).status).toBe(200);

    const res = await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "rules", reason: "We believe in it anyway" });

    expect(res.status).toBe(409);
    expect(res.body.unmet).toEqual([expect.stringMatching(/^Targets not met .*conversion 10% against at least 20%/)]);
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ stage: "analysis", version: 2 });
  });

  it("goes ahead without a reason once every target is met", async () => {
    const id = await seeded({ conversionMin: 0.05, cplMax: "1500" });
    expect((await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "analysis" })).status).toBe(200);
    expect((await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "rules" })).status).toBe(200);
  });

  it("asks for a written reason while targets are still short of data, naming them, and keeps the reason in the history", async () => {
    // 120 mature leads against minLeads 1000: neither target can be decided yet.
    const id = await seeded({ conversionMin: 0.05, cplMax: "1500", minLeads: 1000 });
    expect((await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "analysis" })).status).toBe(200);

    const refused = await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "rules" });

    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: "transition_refused", undecided: ["conversion", "cpl"] });
    expect(refused.body.unmet).toEqual([
      "Targets still undecided for lack of data (as of 2026-04-20): conversion, cpl. " +
        "Leaving analysis before they are decided needs a reason: say why in `reason`; it is kept in the history.",
    ]);
    expect(refused.body.message).toContain("conversion, cpl");
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ stage: "analysis", version: 2 });
    // A blank reason is no reason.
    expect((await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "rules", reason: "   " })).status).toBe(400);

    const reason = "Contract with the agency ends in May; we write the rules while the leads come in";
    const moved = await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "rules", reason });

    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stage: "rules", version: 3 });
    const history = (await h.call("GET", `/api/hypotheses/${id}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ version: 3, type: "transition", from: "analysis", to: "rules", reason });
  });
});
