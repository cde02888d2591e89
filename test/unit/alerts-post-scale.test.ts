import { describe, expect, it } from "vitest";
import { checkPostScale } from "../../packages/core/src/alerts/post-scale.js";
import type { DayCounters } from "../../packages/core/src/counters/cohort-counters.js";
import { addDays } from "../../packages/core/src/time.js";

function day(date: string, counts: Partial<DayCounters>): DayCounters {
  return { campaignId: "c", day: date, leads: 0, contacted: 0, qualified: 0, proposal: 0, won: 0, lost: 0, revenue: 0, spend: 0, ...counts };
}
const run = (from: string, n: number, counts: Partial<DayCounters>) => Array.from({ length: n }, (_, i) => day(addDays(from, i), counts));

const base = { wins: [], targets: { conversionMin: 0.05 }, maturityDays: 15, confidence: 0.9, scaledOn: "2026-03-31" };

describe("post-scale check", () => {
  it("judges only mature cohorts after the scale-out day, however good the cohorts before it were", () => {
    const days = [
      ...run("2026-03-01", 31, { leads: 50, won: 10 }), // before scale-out: 20%
      ...run("2026-04-01", 20, { leads: 50, won: 1 }), // after: 2%
    ];
    const check = checkPostScale({ ...base, days, today: "2026-05-05" });
    // Mature on 2026-05-05: cohorts up to 2026-04-20 (all 20 post-scale days).
    expect(check.cohorts).toEqual({ from: "2026-04-01", to: "2026-04-20", leads: 1000 });
    expect(check.missed).toHaveLength(1);
    expect(check.missed[0]).toMatchObject({ kpi: "conversion", verdict: "not_met", observed: 0.02, target: 0.05, sample: { leads: 1000, won: 20 } });
  });

  it("dates the miss from the day the cohort that tipped it matured", () => {
    // Five good days, then fifteen without a win: once enough bad cohorts mature, conversion misses.
    const days = [...run("2026-04-01", 5, { leads: 40, won: 3 }), ...run("2026-04-06", 15, { leads: 40, won: 0 })];
    const check = checkPostScale({ ...base, days, today: "2026-05-05" });
    const missed = check.missed[0]!;
    expect(missed.kpi).toBe("conversion");
    // Recompute by hand: the first cohort day d for which cohorts 04-01..d miss, with every later one missing too.
    const verdicts = days.map((_, i) => checkPostScale({ ...base, days: days.slice(0, i + 1), today: addDays(days[i]!.day, 15) }).missed.length > 0);
    const firstOfStreak = verdicts.lastIndexOf(false) + 1;
    expect(missed.since).toBe(addDays(days[firstOfStreak]!.day, 15));
    expect(firstOfStreak).toBeGreaterThan(5);
  });

  it("stays quiet while no post-scale cohort is mature", () => {
    const check = checkPostScale({ ...base, days: run("2026-04-01", 10, { leads: 50, won: 0 }), today: "2026-04-15" });
    expect(check).toEqual({ cohorts: null, missed: [] });
  });

  it("stays quiet while the sample is below minLeads", () => {
    const check = checkPostScale({ ...base, targets: { conversionMin: 0.05, minLeads: 500 }, days: run("2026-04-01", 5, { leads: 50, won: 0 }), today: "2026-05-01" });
    expect(check.missed).toEqual([]);
    expect(check.cohorts).toMatchObject({ leads: 250 });
  });
});
