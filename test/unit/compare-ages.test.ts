import { describe, expect, it } from "vitest";
import { figuresAtAge } from "../../packages/core/src/analytics/compare.js";
import type { DayCounters, WinCounters } from "../../packages/core/src/counters/cohort-counters.js";

const ASOF = "2026-06-30";
const thresholds = { minLeads: 30, minClients: 5 };

function day(date: string, counts: Partial<DayCounters>): DayCounters {
  return { campaignId: "c", day: date, leads: 0, contacted: 0, qualified: 0, proposal: 0, won: 0, lost: 0, revenue: 0, spend: 0, ...counts };
}
const win = (cohortDay: string, winDay: string, won: number, revenue: number): WinCounters => ({ campaignId: "c", cohortDay, winDay, won, revenue });

describe("figures at equal cohort age", () => {
  // Cohorts 90, 60 and 30 days old (2026-04-01, 05-01, 05-31), 100 leads and 10 000.00 spend each.
  const days = [
    day("2026-04-01", { leads: 100, spend: 1_000_000 }),
    day("2026-05-01", { leads: 100, spend: 1_000_000 }),
    day("2026-05-31", { leads: 100, spend: 1_000_000 }),
    day("2026-06-20", { leads: 100, spend: 1_000_000 }), // 10 days old: in no age
  ];
  const wins = [
    win("2026-04-01", "2026-04-20", 5, 500_000), // 19 days after arrival
    win("2026-04-01", "2026-05-25", 5, 1_000_000), // 54 days
    win("2026-04-01", "2026-06-25", 2, 400_000), // 85 days
    win("2026-05-01", "2026-05-10", 6, 600_000), // 9 days
    win("2026-05-31", "2026-06-29", 5, 500_000), // 29 days
  ];

  it("counts only cohorts old enough and only what they won within that many days", () => {
    const at30 = figuresAtAge(days, wins, ASOF, 30, thresholds);
    expect(at30.cohorts).toEqual({ first: "2026-04-01", last: "2026-05-31", days: 3 });
    expect(at30.sample).toEqual({ leads: 300, won: 16, spend: "30000.00", revenue: "16000.00" });
    expect(at30.revenuePerLead).toEqual({ value: 53.33, status: "ok" });
    expect(at30.revenuePerClient).toEqual({ value: 1000, status: "ok" });
    expect(at30.cac).toEqual({ value: 1875, status: "ok" });

    const at60 = figuresAtAge(days, wins, ASOF, 60, thresholds);
    expect(at60.sample).toEqual({ leads: 200, won: 16, spend: "20000.00", revenue: "21000.00" });

    const at90 = figuresAtAge(days, wins, ASOF, 90, thresholds);
    expect(at90.sample).toEqual({ leads: 100, won: 12, spend: "10000.00", revenue: "19000.00" });
    expect(at90.revenuePerLead.value).toBe(190);
  });

  it("shows insufficient_data for a channel too young to have cohorts of that age", () => {
    const young = [day("2026-06-10", { leads: 500, spend: 5_000_000 })];
    const at30 = figuresAtAge(young, [win("2026-06-10", "2026-06-12", 50, 9_000_000)], ASOF, 30, thresholds);
    expect(at30).toEqual({
      age: 30,
      cohorts: null,
      sample: { leads: 0, won: 0, spend: "0.00", revenue: "0.00" },
      revenuePerLead: { value: null, status: "insufficient_data" },
      revenuePerClient: { value: null, status: "insufficient_data" },
      cac: { value: null, status: "insufficient_data" },
    });
  });

  it("gives revenue per lead but not per client when there are leads enough and clients too few", () => {
    const at30 = figuresAtAge([day("2026-05-01", { leads: 40, spend: 400_000 })], [win("2026-05-01", "2026-05-03", 2, 3_000_000)], ASOF, 30, thresholds);
    expect(at30.revenuePerLead).toEqual({ value: 750, status: "ok" });
    expect(at30.revenuePerClient.status).toBe("insufficient_data");
    expect(at30.cac.status).toBe("insufficient_data");
  });
});
