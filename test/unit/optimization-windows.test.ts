import { describe, expect, it } from "vitest";
import type { DayCounters } from "../../packages/core/src/counters/cohort-counters.js";
import { comparisonWindows, optimizationEffect } from "../../packages/core/src/optimization/before-after.js";
import { addDays } from "../../packages/core/src/time.js";

function day(date: string, counts: Partial<DayCounters> = {}): DayCounters {
  return { campaignId: "camp", day: date, leads: 0, contacted: 0, qualified: 0, proposal: 0, won: 0, lost: 0, revenue: 0, spend: 0, ...counts };
}

/** `n` days from `from` with the same counters each day. */
const run = (from: string, n: number, counts: Partial<DayCounters>) => Array.from({ length: n }, (_, i) => day(addDays(from, i), counts));

describe("before/after windows of an optimization", () => {
  it("uses two equal windows reaching today when it is the only optimization", () => {
    expect(comparisonWindows("2026-03-01", { previous: null, next: null }, "2026-03-10")).toEqual({
      days: 10,
      before: { from: "2026-02-19", to: "2026-02-28" },
      after: { from: "2026-03-01", to: "2026-03-10" },
    });
  });

  it("stops the after window the day before the next optimization started", () => {
    expect(comparisonWindows("2026-03-01", { previous: null, next: "2026-03-05" }, "2026-03-30")).toEqual({
      days: 4,
      before: { from: "2026-02-25", to: "2026-02-28" },
      after: { from: "2026-03-01", to: "2026-03-04" },
    });
  });

  it("shortens both windows so that before starts no earlier than the previous optimization", () => {
    expect(comparisonWindows("2026-03-10", { previous: "2026-03-07", next: null }, "2026-03-30")).toEqual({
      days: 3,
      before: { from: "2026-03-07", to: "2026-03-09" },
      after: { from: "2026-03-10", to: "2026-03-12" },
    });
  });

  it("ignores a next optimization planned after today", () => {
    expect(comparisonWindows("2026-03-01", { previous: null, next: "2026-04-01" }, "2026-03-02")).toMatchObject({ days: 2 });
  });

  it("has no windows for a change starting after today", () => {
    expect(comparisonWindows("2026-03-11", { previous: null, next: null }, "2026-03-10")).toEqual({
      reason: "it starts on 2026-03-11, after today (2026-03-10)",
    });
  });
});

describe("optimization effect", () => {
  const base = { targets: { conversionMin: 0.05 }, maturityDays: 15, confidence: 0.9 };

  it("compares conversion on mature cohorts only and qualified rate on all, each side its own window", () => {
    // Before: 20 days at 20 leads, 1 won, 4 qualified. After: 20 days at 20 leads, 3 won, 10 qualified.
    const days = [...run("2026-01-12", 20, { leads: 20, won: 1, qualified: 4 }), ...run("2026-02-01", 20, { leads: 20, won: 3, qualified: 10 })];
    const today = "2026-02-20";
    const effect = optimizationEffect({ ...base, starts: ["2026-02-01"], startedOn: "2026-02-01", days, wins: [], today });

    expect(effect.windows).toEqual({ days: 20, before: { from: "2026-01-12", to: "2026-01-31" }, after: { from: "2026-02-01", to: "2026-02-20" } });
    // Mature after cohorts: arrived on or before 2026-02-05 (15 days before today): five days.
    expect(effect.improved!.conversion.after).toEqual({ successes: 15, trials: 100 });
    expect(effect.improved!.conversion.before).toEqual({ successes: 20, trials: 400 });
    expect(effect.after!.maturing).toEqual({ leads: 300 });
    expect(effect.improved!.qualifiedRate.after).toEqual({ successes: 200, trials: 400 });
    expect(effect.improved!.qualifiedRate.verdict).toBe("improved");
    expect(effect.improved!.conversion.probability).toBeGreaterThan(0.99);
    const conversion = effect.after!.kpis.find((row) => row.kpi === "conversion")!;
    expect(conversion).toMatchObject({ target: 0.05, observed: 0.15 });
  });

  it("cannot tell two optimizations started on the same day apart", () => {
    const effect = optimizationEffect({ ...base, starts: ["2026-02-01", "2026-02-01"], startedOn: "2026-02-01", days: [], wins: [], today: "2026-03-01" });
    expect(effect).toEqual({
      windows: null,
      reason: "another optimization started on 2026-02-01 too, so their effects cannot be told apart",
      before: null,
      after: null,
      improved: null,
    });
  });

  it("reports no probability while the after window has no mature cohort", () => {
    const days = [...run("2026-02-20", 10, { leads: 10, won: 1 }), ...run("2026-03-02", 10, { leads: 10, won: 0 })];
    const effect = optimizationEffect({ ...base, starts: ["2026-03-02"], startedOn: "2026-03-02", days, wins: [], today: "2026-03-11" });
    expect(effect.improved!.conversion).toMatchObject({ probability: null, verdict: "insufficient_data", after: { trials: 0 } });
  });
});
