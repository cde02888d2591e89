import { describe, expect, it } from "vitest";
import type { DayCounters } from "../../packages/core/src/counters/cohort-counters.js";
import { evaluateKpis } from "../../packages/core/src/kpi/evaluate.js";
import type { KpiName, KpiReport } from "../../packages/core/src/kpi/model.js";
import { judge, type Evidence } from "../../packages/core/src/kpi/judgement.js";
import { costMeetsProbability, rateMeetsProbability } from "../../packages/core/src/stats/skeptical.js";
import { betaCdfByIntegration, gammaCdfByIntegration } from "../support/quadrature.js";

const ASOF = "2026-04-20";
const kpi = (report: KpiReport, name: KpiName) => report.kpis.find((row) => row.kpi === name)!;

/** Leads spread evenly over `days` cohort days ending `endsDaysBefore` days before ASOF, with `won` of them won. */
function cohorts(days: number, leadsPerDay: number, wonPerDay: number, spendPerDay = 0, endsDaysBefore = 20): DayCounters[] {
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(Date.parse(`${ASOF}T00:00:00Z`) - (endsDaysBefore + i) * 86_400_000).toISOString().slice(0, 10);
    return { campaignId: "c", day, leads: leadsPerDay, contacted: 0, qualified: 0, proposal: 0, won: wonPerDay, lost: 0, revenue: 0, spend: spendPerDay, spendRecorded: true };
  });
}

describe("the skeptical prior", () => {
  it("is a Beta prior centred on a rate target, worth four successes", () => {
    // Prior Beta(4, 76) at a 5% target; 9 won of 120 gives Beta(13, 187).
    expect(rateMeetsProbability(9, 120, 0.05)).toBeCloseTo(1 - betaCdfByIntegration(13, 187)(0.05), 4);
    expect(rateMeetsProbability(0, 0, 0.05)).toBeCloseTo(1 - betaCdfByIntegration(4, 76)(0.05), 4);
    // Before any lead, the prior alone says a coin flip, a little under it (Beta's median sits below its mean).
    expect(rateMeetsProbability(0, 0, 0.05)).toBeGreaterThan(0.4);
    expect(rateMeetsProbability(0, 0, 0.05)).toBeLessThan(0.5);
  });

  it("is a Gamma prior centred on a cost target, worth four events bought at the target", () => {
    // CPL target 800: prior Gamma(4, 3 200) on leads per rouble; 30 leads for 21 000 gives Gamma(34, 24 200).
    // P(λ >= 1 / 800) with λ · 24 200 ~ Gamma(34, 1).
    expect(costMeetsProbability(30, 21_000, 800)).toBeCloseTo(1 - gammaCdfByIntegration(34)(24_200 / 800), 4);
  });

  it("keeps a first lucky deal from passing: 1 won of 3 leads is 33%, far from proven at a 5% target", () => {
    expect(rateMeetsProbability(1, 3, 0.05)).toBeLessThan(0.7);
    expect(rateMeetsProbability(20, 200, 0.05)).toBeGreaterThan(0.99);
  });
});

describe("judge", () => {
  const evidence = (over: Partial<Evidence>): Evidence => ({
    target: 0.05,
    direction: "min",
    leads: 500,
    won: 30,
    wonPerLead: 0.06,
    observedMeets: true,
    probabilityAfter: () => 0.95,
    ...over,
  });

  it("never calls a target met while the figure in the sample misses it", () => {
    expect(judge(evidence({}), {}, 0.9).verdict).toBe("met");
    expect(judge(evidence({ observedMeets: false }), {}, 0.9).verdict).toBe("insufficient_data");
  });

  it("withholds a verdict below minLeads or minClients, whatever the probability", () => {
    expect(judge(evidence({}), { minLeads: 501 }, 0.9).verdict).toBe("insufficient_data");
    expect(judge(evidence({}), { minClients: 31 }, 0.9).verdict).toBe("insufficient_data");
    expect(judge(evidence({ probabilityAfter: () => 0.02, observedMeets: false }), { minLeads: 500 }, 0.9).verdict).toBe("not_met");
  });
});

describe("cost targets at the edges", () => {
  const cpl = (leads: number, spend: number) =>
    kpi(evaluateKpis({ days: cohorts(1, leads, 0, spend), wins: [], targets: { cplMax: 100_000 }, maturityDays: 15, asOf: ASOF }), "cpl");

  it("finds spend that brought no lead at all failing, once it is well past a few leads' worth", () => {
    // 5 000 spent, no lead, CPL target 1 000: P = P(Poisson((4 000 + 5 000) / 1 000) <= 3) = 0.021.
    expect(cpl(0, 500_000)).toMatchObject({ observed: null, verdict: "not_met" });
  });

  it("finds a ROMI target of -100% or lower met as soon as a deal and its spend are known", () => {
    const days = cohorts(1, 10, 1, 100_000).map((row) => ({ ...row, revenue: 10_000 }));
    const romi = kpi(evaluateKpis({ days, wins: [], targets: { romiMin: -1 }, maturityDays: 15, asOf: ASOF }), "romi");
    expect(romi).toMatchObject({ probability: 1, verdict: "met" });
  });

  it("takes leads recorded at no cost as free: an explicit 0 is a cost", () => {
    expect(cpl(30, 0)).toMatchObject({ observed: 0, probability: 1, verdict: "met" });
  });
});

describe("time to a decision", () => {
  it("says how many more mature leads a promising conversion needs, and that many more really decide it", () => {
    // 30 days of 10 leads, 6% won; conversion target 5%.
    const report = evaluateKpis({ days: cohorts(30, 10, 0.6), wins: [], targets: { conversionMin: 0.05 }, maturityDays: 15, asOf: ASOF });
    const row = kpi(report, "conversion");
    expect(row.verdict).toBe("insufficient_data");
    expect(row.decision).toMatchObject({ likely: "met", withinProbe: null });
    const more = row.decision!.moreLeads!;
    expect(more).toBeGreaterThan(100);

    const after = (extraLeads: number) =>
      kpi(
        evaluateKpis({ days: cohorts(30 + extraLeads / 10, 10, 0.6), wins: [], targets: { conversionMin: 0.05 }, maturityDays: 15, asOf: ASOF }),
        "conversion",
      ).verdict;
    expect(after(Math.ceil(more / 10) * 10)).toBe("met");
    expect(after(Math.floor((0.9 * more) / 10) * 10)).toBe("insufficient_data");
  });

  it("counts the days at the current daily rate, and says when the probe window cannot hold the leads still to come", () => {
    // 10 days of 10 leads a day, the last one today; CPL 900 against a target of 1 000.
    const days = cohorts(10, 10, 0, 9_000_00, 0);
    const targets = { cplMax: 100_000 };
    const open = kpi(evaluateKpis({ days, wins: [], targets, maturityDays: 15, asOf: ASOF, probeEnd: "2026-12-31" }), "cpl").decision!;
    expect(open.likely).toBe("met");
    expect(open.days).toBe(Math.ceil(open.moreLeads! / 10));
    expect(open.withinProbe).toBe(true);
    const ending = kpi(evaluateKpis({ days, wins: [], targets, maturityDays: 15, asOf: ASOF, probeEnd: "2026-04-22" }), "cpl").decision!;
    expect(ending.moreLeads).toBe(open.moreLeads);
    expect(ending.withinProbe).toBe(false);
  });

  it("heads for not met when the figure misses, and sees no verdict when it sits on the target", () => {
    const missing = kpi(evaluateKpis({ days: cohorts(20, 10, 0.4), wins: [], targets: { conversionMin: 0.05 }, maturityDays: 15, asOf: ASOF }), "conversion");
    expect(missing.decision).toMatchObject({ likely: "not_met" });
    const onTarget = kpi(evaluateKpis({ days: cohorts(20, 10, 0.5), wins: [], targets: { conversionMin: 0.05 }, maturityDays: 15, asOf: ASOF }), "conversion");
    expect(onTarget.decision).toEqual({ likely: null, moreLeads: null, days: null, withinProbe: null });
  });

  it("is given only for undecided targets", () => {
    const decided = kpi(evaluateKpis({ days: cohorts(60, 20, 2), wins: [], targets: { conversionMin: 0.05 }, maturityDays: 15, asOf: ASOF }), "conversion");
    expect(decided.verdict).toBe("met");
    expect(decided.decision).toBeUndefined();
  });
});
