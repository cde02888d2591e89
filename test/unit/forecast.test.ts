import { describe, expect, it } from "vitest";
import { forecast } from "../../packages/core/src/analytics/forecast.js";
import type { DayCounters } from "../../packages/core/src/counters/cohort-counters.js";

const ASOF = "2026-03-31";

function day(date: string, counts: Partial<DayCounters> = {}): DayCounters {
  return { campaignId: "camp-a", day: date, leads: 0, contacted: 0, qualified: 0, proposal: 0, won: 0, lost: 0, revenue: 0, spend: 0, ...counts };
}

/** 400 mature leads for 200 000.00 (CPL 500.00), 160 qualified, 20 won at 30 000.00 each. */
const matureDays = [
  day("2026-01-10", { leads: 250, qualified: 100, won: 12, spend: 12_500_000, revenue: 36_000_000 }),
  day("2026-02-05", { leads: 150, qualified: 60, won: 8, spend: 7_500_000, revenue: 24_000_000 }),
];
const BUDGET = 100_000_000; // 1 000 000.00

describe("waterfall forecast", () => {
  it("gives the same answer for the same data, and another for other data", () => {
    const first = forecast({ days: matureDays, budget: BUDGET, asOf: ASOF, maturityDays: 15 });
    const second = forecast({ days: structuredClone(matureDays), budget: BUDGET, asOf: ASOF, maturityDays: 15 });
    expect(second).toEqual(first);

    const more = forecast({ days: [...matureDays, day("2026-02-06", { leads: 1, spend: 50_000 })], budget: BUDGET, asOf: ASOF, maturityDays: 15 });
    expect(more.status === "ok" && first.status === "ok" && more.simulation.seed !== first.simulation.seed).toBe(true);
  });

  it("agrees with the posterior means: leads = budget / CPL, then the qualified and win rates, revenue at the average deal", () => {
    const result = forecast({ days: matureDays, budget: BUDGET, asOf: ASOF, maturityDays: 15 });
    if (result.status !== "ok") throw new Error(result.reason);
    // E[λ] = (1 + 400) / 20 000 000 kopecks; E[q] = 161 / 402; E[w] = 21 / 162.
    const leads = (BUDGET * 401) / 20_000_000;
    const qualified = (leads * 161) / 402;
    const won = (qualified * 21) / 162;
    expect(result.leads.expected / leads).toBeCloseTo(1, 1.7);
    expect(result.qualified.expected / qualified).toBeCloseTo(1, 1.7);
    expect(result.won.expected / won).toBeCloseTo(1, 1.5);
    expect(Number(result.revenue.expected) / (won * 30_000)).toBeCloseTo(1, 1.5);
    expect(result.romi.expected).toBeCloseTo((won * 3_000_000 - BUDGET) / BUDGET, 1);
    expect(result.basis).toEqual({
      leads: 400,
      qualified: 160,
      won: 20,
      spend: "200000.00",
      revenue: "600000.00",
      cpl: "500.00",
      qualifiedRate: 0.4,
      winRate: 0.125,
      averageDeal: "30000.00",
    });
    expect(result).toMatchObject({ budget: "1000000.00", level: 0.8, simulation: { runs: 10_000 } });
  });

  it("brackets each expected figure by its 80% interval, narrowing down the waterfall", () => {
    const result = forecast({ days: matureDays, budget: BUDGET, asOf: ASOF, maturityDays: 15 });
    if (result.status !== "ok") throw new Error(result.reason);
    for (const band of [result.leads, result.qualified, result.won, result.romi]) {
      expect(band.interval[0]).toBeLessThan(band.expected);
      expect(band.expected).toBeLessThan(band.interval[1]);
    }
    expect(Number(result.revenue.interval[0])).toBeLessThan(Number(result.revenue.expected));
    expect(Number(result.revenue.expected)).toBeLessThan(Number(result.revenue.interval[1]));
    expect(result.leads.interval[0]).toBeGreaterThan(result.qualified.interval[1]);
    expect(result.qualified.interval[0]).toBeGreaterThan(result.won.interval[1]);
    // Counts come from simulated outcomes, so their bounds are whole.
    expect(result.won.interval.every(Number.isInteger)).toBe(true);
  });

  it("widens the interval when the same rates rest on fewer leads", () => {
    const small = [day("2026-01-10", { leads: 40, qualified: 16, won: 2, spend: 2_000_000, revenue: 6_000_000 })];
    const few = forecast({ days: small, budget: BUDGET, asOf: ASOF, maturityDays: 15 });
    const many = forecast({ days: matureDays, budget: BUDGET, asOf: ASOF, maturityDays: 15 });
    if (few.status !== "ok" || many.status !== "ok") throw new Error("expected forecasts");
    const width = (band: { interval: [number, number]; expected: number }) => (band.interval[1] - band.interval[0]) / band.expected;
    expect(width(few.won)).toBeGreaterThan(1.5 * width(many.won));
  });

  it("uses mature cohort days only, and says how many leads it left out", () => {
    const young = day("2026-03-25", { leads: 90, qualified: 0, spend: 90_000_000 });
    const withYoung = forecast({ days: [...matureDays, young], budget: BUDGET, asOf: ASOF, maturityDays: 15 });
    const without = forecast({ days: matureDays, budget: BUDGET, asOf: ASOF, maturityDays: 15 });
    expect(withYoung.maturing).toEqual({ leads: 90 });
    expect({ ...withYoung, maturing: null }).toEqual({ ...without, maturing: null });
  });

  it("answers insufficient_data with the reason when the mature data cannot carry a forecast", () => {
    const run = (days: DayCounters[]) => forecast({ days, budget: BUDGET, asOf: ASOF, maturityDays: 15 });
    expect(run([])).toMatchObject({ status: "insufficient_data", reason: "no leads yet" });
    expect(run([day("2026-03-20", { leads: 50, qualified: 20, won: 3, spend: 1_000_000, revenue: 900_000 })])).toMatchObject({
      status: "insufficient_data",
      reason: expect.stringContaining("no mature leads"),
      maturing: { leads: 50 },
    });
    expect(run([day("2026-01-10", { leads: 50, qualified: 20, won: 3, revenue: 900_000 })])).toMatchObject({ reason: expect.stringContaining("no spend") });
    expect(run([day("2026-01-10", { leads: 50, qualified: 20, spend: 1_000_000 })])).toMatchObject({
      reason: expect.stringContaining("no deal won"),
      basis: { leads: 50, won: 0, cpl: "200.00", averageDeal: null },
    });
  });
});
