import { describe, expect, it } from "vitest";
import type { DayCounters, WinCounters } from "../../packages/core/src/counters/cohort-counters.js";
import { evaluateKpis, gateVerdict } from "../../packages/core/src/kpi/evaluate.js";
import type { KpiName, KpiReport } from "../../packages/core/src/kpi/model.js";
import { betaIncUpper } from "../../packages/core/src/stats/special.js";

const ASOF = "2025-03-31";

/** A day of counters; money in kopecks. */
function day(date: string, counts: Partial<DayCounters> = {}, campaignId = "camp-a"): DayCounters {
  return { campaignId, day: date, leads: 0, contacted: 0, qualified: 0, proposal: 0, won: 0, lost: 0, revenue: 0, spend: 0, ...counts };
}
function win(cohortDay: string, winDay: string, won = 1, revenue = 5_000_000, campaignId = "camp-a"): WinCounters {
  return { campaignId, cohortDay, winDay, won, revenue };
}
const kpi = (report: KpiReport, name: KpiName) => report.kpis.find((row) => row.kpi === name)!;

/** P(Poisson(mean) <= k), summed term by term: an oracle independent of the incomplete gamma. */
function poissonAtMost(mean: number, k: number): number {
  let term = Math.exp(-mean);
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term *= mean / (i + 1);
  }
  return sum;
}

describe("evaluateKpis", () => {
  it("adds up the counters of several campaigns on the same day", () => {
    const report = evaluateKpis({
      days: [
        day("2025-03-01", { leads: 12, qualified: 6, won: 1, spend: 600_000, revenue: 5_000_000 }, "camp-a"),
        day("2025-03-01", { leads: 8, qualified: 2, won: 1, spend: 400_050, revenue: 2_500_000 }, "camp-b"),
      ],
      wins: [],
      targets: {},
      maturityDays: 15,
      asOf: ASOF,
    });
    expect(kpi(report, "leads").observed).toBe(20);
    expect(kpi(report, "qualifiedRate").observed).toBeCloseTo(8 / 20, 12);
    expect(kpi(report, "spend").observed).toBe(10_000.5);
    expect(kpi(report, "cpl").observed).toBe(500.03);
    expect(kpi(report, "averageDeal").observed).toBe(37_500);
    expect(kpi(report, "leads").sample).toEqual({ leads: 20, qualified: 8, won: 2, spend: "10000.50", revenue: "75000.00" });
  });

  it("leaves cohorts younger than the maturity out of conversion, CAC and ROMI, and says how many leads wait", () => {
    const report = evaluateKpis({
      days: [
        day("2025-03-01", { leads: 30, won: 3, spend: 1_500_000, revenue: 9_000_000 }),
        day("2025-03-16", { leads: 20, won: 1, spend: 1_000_000, revenue: 3_000_000 }), // exactly 15 days old: mature
        day("2025-03-17", { leads: 25, won: 1, spend: 1_200_000, revenue: 3_000_000 }), // 14 days old: still maturing
      ],
      wins: [],
      targets: {},
      maturityDays: 15,
      asOf: ASOF,
    });
    expect(report.maturing).toEqual({ leads: 25 });
    expect(kpi(report, "conversion").sample.leads).toBe(50);
    expect(kpi(report, "conversion").observed).toBeCloseTo(4 / 50, 12);
    expect(kpi(report, "cac").observed).toBe(25_000 / 4);
    expect(kpi(report, "romi").observed).toBeCloseTo((120_000 - 25_000) / 25_000, 12);
    // Not the mature KPIs: everything that arrived counts.
    expect(kpi(report, "leads").observed).toBe(75);
    expect(kpi(report, "cpl").sample.leads).toBe(75);
    expect(report.asOf).toBe(ASOF);
  });

  it("reports a flat-prior posterior mean and interval beside the observed rate", () => {
    const report = evaluateKpis({ days: [day("2025-01-10", { leads: 10, won: 0 })], wins: [], targets: {}, maturityDays: 15, asOf: ASOF });
    const conversion = kpi(report, "conversion");
    expect(conversion.observed).toBe(0);
    expect(conversion.estimate).toBeCloseTo(1 / 12, 12);
    expect(conversion.interval![0]).toBeCloseTo(1 - 0.975 ** (1 / 11), 10);
    expect(conversion.target).toBeUndefined();
    expect(conversion.verdict).toBeUndefined();
  });
});

describe("verdicts on targets", () => {
  const conversionAfter = (won: number, targets = {}) =>
    kpi(
      evaluateKpis({
        days: [day("2025-01-01", { leads: 900, won, spend: 9_000_000 })],
        wins: [],
        targets: { conversionMin: 0.05, ...targets },
        maturityDays: 15,
        asOf: ASOF,
      }),
      "conversion",
    );

  it("is met, not met or undecided by the probability of reaching the target", () => {
    const strong = conversionAfter(63);
    // The skeptical prior: Beta with mean 5% holding 4 won (of 80 leads), then 63 won of 900.
    expect(strong.probability).toBeCloseTo(betaIncUpper(0.05, 4 + 63, 76 + 837), 12);
    expect(strong.probability).toBeGreaterThan(0.9);
    expect(strong).toMatchObject({ target: 0.05, direction: "min", verdict: "met" });
    expect(conversionAfter(27)).toMatchObject({ verdict: "not_met" });
    expect(conversionAfter(27).probability).toBeLessThan(0.1);
    const close = conversionAfter(46);
    expect(close.probability).toBeGreaterThan(0.1);
    expect(close.probability).toBeLessThan(0.9);
    expect(close.verdict).toBe("insufficient_data");
  });

  it("follows the hypothesis confidence level", () => {
    const report = evaluateKpis({
      days: [day("2025-01-01", { leads: 900, won: 55 })],
      wins: [],
      targets: { conversionMin: 0.05 },
      maturityDays: 15,
      asOf: ASOF,
      confidence: 0.95,
    });
    const conversion = kpi(report, "conversion");
    expect(conversion.probability).toBeGreaterThan(0.9);
    expect(conversion.probability).toBeLessThan(0.95);
    expect(conversion.verdict).toBe("insufficient_data");
    expect(report.confidence).toBe(0.95);
  });

  it("withholds a verdict below the minimum leads or clients, whatever the probability", () => {
    expect(conversionAfter(63, { minLeads: 1_000 }).verdict).toBe("insufficient_data");
    expect(conversionAfter(27, { minLeads: 1_000 }).verdict).toBe("insufficient_data");
    expect(conversionAfter(63, { minClients: 64 }).verdict).toBe("insufficient_data");
    expect(conversionAfter(63, { minLeads: 900, minClients: 63 }).verdict).toBe("met");
  });

  it("is not carried to met by a lucky first lead", () => {
    // One lead, not won: a flat prior said P(conversion >= 5%) = 0.95² = 0.9025; the skeptical prior weighs one lead as little.
    const conversion = kpi(
      evaluateKpis({ days: [day("2025-01-01", { leads: 1 })], wins: [], targets: { conversionMin: 0.05 }, maturityDays: 15, asOf: ASOF }),
      "conversion",
    );
    expect(conversion.probability).toBeCloseTo(betaIncUpper(0.05, 4, 77), 12);
    expect(conversion.probability).toBeLessThan(0.5);
    expect(conversion.verdict).toBe("insufficient_data");
    // One won of two: 50% observed, yet far from proven.
    const lucky = kpi(
      evaluateKpis({ days: [day("2025-01-01", { leads: 2, won: 1 })], wins: [], targets: { conversionMin: 0.05 }, maturityDays: 15, asOf: ASOF }),
      "conversion",
    );
    expect(lucky.probability).toBeLessThan(0.9);
    expect(lucky.verdict).toBe("insufficient_data");
  });

  it("judges cost targets in roubles from the Poisson model", () => {
    const report = evaluateKpis({
      days: [day("2025-01-01", { leads: 25, won: 0, spend: 1_000_000 })],
      wins: [],
      targets: { cplMax: 60_000, cacMax: 300_000 },
      maturityDays: 15,
      asOf: ASOF,
    });
    const cpl = kpi(report, "cpl");
    expect(cpl).toMatchObject({ target: 600, direction: "max", observed: 400, estimate: 400 });
    // The skeptical prior adds 4 leads bought at the target 600: P(CPL <= 600) = P(Poisson((10 000 + 2 400) / 600) <= 25 + 4 - 1).
    expect(cpl.probability).toBeCloseTo(poissonAtMost(12_400 / 600, 28), 10);
    expect(cpl.verdict).toBe("met");
    // 10 000 spent, no client, CAC target 3 000, plus 4 clients at 3 000: P(CAC <= 3 000) = P(Poisson(22 000 / 3 000) <= 3) = 0.066.
    const cac = kpi(report, "cac");
    expect(cac.observed).toBeNull();
    expect(cac.probability).toBeCloseTo(poissonAtMost(22_000 / 3_000, 3), 12);
    expect(cac.verdict).toBe("not_met");
  });

  it("judges ROMI from won per rouble times the average deal", () => {
    const report = evaluateKpis({
      days: [day("2025-01-01", { leads: 600, won: 24, spend: 40_000_000, revenue: 120_000_000 })],
      wins: [],
      targets: { romiMin: 1 },
      maturityDays: 15,
      asOf: ASOF,
    });
    const romi = kpi(report, "romi");
    expect(romi.observed).toBeCloseTo(2, 12);
    expect(romi.interval![0]).toBeLessThan(2);
    expect(romi.interval![1]).toBeGreaterThan(2);
    // ROMI >= 100% <=> CAC <= averageDeal / 2 = 25 000 roubles.
    const asCac = evaluateKpis({
      days: [day("2025-01-01", { leads: 600, won: 24, spend: 40_000_000, revenue: 120_000_000 })],
      wins: [],
      targets: { cacMax: 2_500_000 },
      maturityDays: 15,
      asOf: ASOF,
    });
    expect(romi.probability).toBeCloseTo(kpi(asCac, "cac").probability!, 12);
    expect(romi.verdict).toBe("met");
  });

  it("has nothing to say without leads or spend", () => {
    const report = evaluateKpis({ days: [], wins: [], targets: { conversionMin: 0.05, cplMax: 60_000, romiMin: 0 }, maturityDays: 15, asOf: ASOF });
    for (const name of ["conversion", "cpl", "romi"] as const) {
      expect(kpi(report, name)).toMatchObject({ observed: null, interval: null, verdict: "insufficient_data" });
      expect(kpi(report, name).probability).toBeUndefined();
    }
  });
});

describe("days to win and deal size", () => {
  it("takes the median delay from mature cohorts only, with an order-statistic interval", () => {
    const wins = [
      ...Array.from({ length: 5 }, () => win("2025-02-01", "2025-02-06")), // 5 days
      ...Array.from({ length: 6 }, () => win("2025-02-01", "2025-02-11")), // 10 days
      ...Array.from({ length: 9 }, () => win("2025-02-02", "2025-02-22")), // 20 days
      win("2025-03-25", "2025-03-26"), // a young cohort's quick win: left out
    ];
    const report = evaluateKpis({ days: [day("2025-02-01", { leads: 100, won: 20 })], wins, targets: {}, maturityDays: 15, asOf: ASOF });
    const days = kpi(report, "medianDaysToWin");
    expect(days.observed).toBe(10);
    // n = 20: P(Binomial(20, 1/2) <= 5) = 0.0207 <= 2.5% < P(<= 6), so [x_(6), x_(15)] = [10, 20].
    expect(days.interval).toEqual([10, 20]);
  });

  it("brackets the average deal with the spread between the days' counters", () => {
    const days = [
      day("2025-02-01", { leads: 10, won: 1, revenue: 4_000_000 }),
      day("2025-02-03", { leads: 10, won: 1, revenue: 6_000_000 }),
      day("2025-02-05", { leads: 20, won: 2, revenue: 10_000_000 }),
      day("2025-02-06", { leads: 5 }),
    ];
    const report = evaluateKpis({ days, wins: [], targets: {}, maturityDays: 15, asOf: ASOF });
    const deal = kpi(report, "averageDeal");
    expect(deal.observed).toBe(50_000);
    // Ratio 50 000; residuals -10 000, 10 000, 0 roubles; se = sqrt(3/2 · 2e8) / 4 = 4330.13.
    expect(deal.interval![0]).toBeCloseTo(50_000 - 1.96 * 4330.127, 1);
    expect(deal.interval![1]).toBeCloseTo(50_000 + 1.96 * 4330.127, 1);
  });
});

describe("gateVerdict", () => {
  const gate = (won: number, leads: number, targets: Parameters<typeof evaluateKpis>[0]["targets"]) =>
    gateVerdict(evaluateKpis({ days: [day("2025-01-01", { leads, won, spend: 10_000_000 })], wins: [], targets, maturityDays: 15, asOf: ASOF }));

  it("passes only when every target is met, with one row per target", () => {
    const passed = gate(63, 900, { conversionMin: 0.05, cplMax: 20_000 });
    expect(passed.passed).toBe(true);
    expect(passed.kpis.map((row) => row.kpi)).toEqual(["conversion", "cpl"]);
    expect(passed.confidence).toBe(0.9);
    expect(passed.asOf).toBe(ASOF);

    const cplMissed = gate(63, 900, { conversionMin: 0.05, cplMax: 10_000 });
    expect(cplMissed.passed).toBe(false);
    expect(cplMissed.kpis.find((row) => row.kpi === "cpl")?.verdict).toBe("not_met");
  });

  it("does not pass with undecided targets or with no target at all", () => {
    expect(gate(46, 900, { conversionMin: 0.05 }).passed).toBe(false);
    expect(gate(63, 900, {}).passed).toBe(false);
    expect(gate(63, 900, {}).kpis).toEqual([]);
  });
});
