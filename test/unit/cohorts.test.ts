import { describe, expect, it } from "vitest";
import { cohortOf, cohortTable, periodsBetween } from "../../packages/core/src/analytics/cohorts.js";
import type { DayCounters, WinCounters } from "../../packages/core/src/counters/cohort-counters.js";

function day(date: string, counts: Partial<DayCounters> = {}): DayCounters {
  return { campaignId: "camp-a", day: date, leads: 0, contacted: 0, qualified: 0, proposal: 0, won: 0, lost: 0, revenue: 0, spend: 0, ...counts };
}
const win = (cohortDay: string, winDay: string, won = 1, revenue = 1_000_000): WinCounters => ({ campaignId: "camp-a", cohortDay, winDay, won, revenue });

describe("cohort keys", () => {
  it("names calendar months with their first and last days, February of a leap year included", () => {
    expect(cohortOf("2024-02-17", "month")).toEqual({ key: "2024-02", start: "2024-02-01", end: "2024-02-29" });
    expect(cohortOf("2025-12-31", "month")).toEqual({ key: "2025-12", start: "2025-12-01", end: "2025-12-31" });
  });

  it("names ISO weeks by the year of their Thursday, Monday to Sunday", () => {
    // 2026-01-01 is a Thursday: its week starts on Monday 2025-12-29 and is week 1 of 2026.
    expect(cohortOf("2025-12-29", "week")).toEqual({ key: "2026-W01", start: "2025-12-29", end: "2026-01-04" });
    expect(cohortOf("2026-01-04", "week").key).toBe("2026-W01");
    expect(cohortOf("2026-01-05", "week")).toEqual({ key: "2026-W02", start: "2026-01-05", end: "2026-01-11" });
    // 2021-01-01 is a Friday: it still belongs to 2020's last week, W53.
    expect(cohortOf("2021-01-03", "week").key).toBe("2020-W53");
    expect(cohortOf("2026-03-02", "week").key).toBe("2026-W10");
  });
});

describe("periods since arrival", () => {
  it("counts whole weeks of age", () => {
    expect(periodsBetween("2026-01-05", "2026-01-11", "week")).toBe(0);
    expect(periodsBetween("2026-01-05", "2026-01-12", "week")).toBe(1);
    expect(periodsBetween("2026-01-05", "2026-02-02", "week")).toBe(4);
  });

  it("counts whole calendar months of age, as an age in months", () => {
    expect(periodsBetween("2026-01-15", "2026-02-14", "month")).toBe(0);
    expect(periodsBetween("2026-01-15", "2026-02-15", "month")).toBe(1);
    expect(periodsBetween("2026-01-31", "2026-02-28", "month")).toBe(1);
    expect(periodsBetween("2025-11-30", "2026-03-01", "month")).toBe(3);
    expect(periodsBetween("2026-02-01", "2026-01-31", "month")).toBeLessThan(0);
  });
});

describe("cohort table", () => {
  it("adds up each month's leads and spend and accumulates its wins by month of age", () => {
    const table = cohortTable({
      days: [
        day("2026-01-03", { leads: 10, won: 2, revenue: 3_000_000, spend: 500_000 }),
        day("2026-01-20", { leads: 5, won: 1, revenue: 1_000_000, spend: 250_000 }),
        day("2026-02-10", { leads: 8, spend: 400_000 }),
      ],
      wins: [win("2026-01-03", "2026-01-10", 1, 2_000_000), win("2026-01-03", "2026-02-05", 1, 1_000_000), win("2026-01-20", "2026-03-01", 1, 1_000_000)],
      by: "month",
      asOf: "2026-03-10",
      maturityDays: 15,
    });

    expect(table.cohorts.map((row) => row.cohort)).toEqual(["2026-01", "2026-02"]);
    const [january, february] = table.cohorts;
    expect(january).toMatchObject({ start: "2026-01-01", end: "2026-01-31", leads: 15, spend: "7500.00", won: 3, revenue: "40000.00", cac: "2500.00", romi: 4.3333, immature: false });
    // Jan 3 -> Feb 5 is 1 month old, Jan 20 -> Mar 1 is 1 month old too; the oldest lead is 2 months old now.
    expect(january!.periods).toEqual([
      { period: 0, won: 1, revenue: "20000.00", immature: false },
      { period: 1, won: 3, revenue: "40000.00", immature: true },
      { period: 2, won: 3, revenue: "40000.00", immature: true },
    ]);
    expect(february).toMatchObject({ leads: 8, won: 0, cac: null, romi: -1, immature: false });
    // Feb 10 is one month old on Mar 10: its first month has elapsed, its second has not.
    expect(february!.periods).toEqual([
      { period: 0, won: 0, revenue: "0.00", immature: false },
      { period: 1, won: 0, revenue: "0.00", immature: true },
    ]);
  });

  it("treats a cohort still running as arriving today: nothing in it is mature", () => {
    const table = cohortTable({
      days: [day("2026-03-02", { leads: 4, spend: 100_000 })],
      wins: [],
      by: "week",
      asOf: "2026-03-30",
      maturityDays: 15,
    });
    expect(table.cohorts[0]).toMatchObject({ cohort: "2026-W10", immature: false });
    expect(table.cohorts[0]!.periods.map((cell) => cell.immature)).toEqual([false, false, false, false, true]);

    const running = cohortTable({ days: [day("2026-03-02", { leads: 4 })], wins: [], by: "week", asOf: "2026-03-08", maturityDays: 0 });
    expect(running.cohorts[0]).toMatchObject({ immature: false, romi: null, cac: null });
    expect(running.cohorts[0]!.periods).toEqual([{ period: 0, won: 0, revenue: "0.00", immature: true }]);
  });

  it("marks CAC and ROMI immature while the cohort's youngest day is under maturityDays old", () => {
    const table = cohortTable({
      days: [day("2026-02-02", { leads: 3 }), day("2026-02-20", { leads: 2 })],
      wins: [],
      by: "month",
      asOf: "2026-03-06",
      maturityDays: 15,
    });
    expect(table.cohorts[0]!.immature).toBe(true);
    expect(cohortTable({ days: [day("2026-02-02", { leads: 3 }), day("2026-02-20", { leads: 2 })], wins: [], by: "month", asOf: "2026-03-07", maturityDays: 15 }).cohorts[0]!.immature).toBe(false);
  });
});
