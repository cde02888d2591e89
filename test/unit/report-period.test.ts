import { describe, expect, it } from "vitest";
import { previousPeriod, rangeBefore } from "../../packages/core/src/report/period.js";

const MOSCOW = "Europe/Moscow";

describe("the period a scheduled report covers", () => {
  it("is the previous Monday-Sunday week when run on Monday morning", () => {
    // Monday 2 March 2026, 09:00 Moscow.
    expect(previousPeriod("weekly", new Date("2026-03-02T06:00:00Z"), MOSCOW)).toEqual({
      period: "weekly",
      from: "2026-02-23",
      to: "2026-03-01",
      periodKey: "weekly:2026-02-23",
    });
  });

  it("is still the week before when run late on Sunday, and counts the day in the workspace zone", () => {
    // Sunday 8 March 23:30 Moscow is still Sunday there although it is 20:30 UTC.
    expect(previousPeriod("weekly", new Date("2026-03-08T20:30:00Z"), MOSCOW)).toMatchObject({ from: "2026-02-23", to: "2026-03-01" });
    // Monday 9 March 00:30 Moscow is Sunday 21:30 UTC: the new week has begun in Moscow.
    expect(previousPeriod("weekly", new Date("2026-03-08T21:30:00Z"), MOSCOW)).toMatchObject({ from: "2026-03-02", to: "2026-03-08" });
  });

  it("is the previous calendar month, whatever its length", () => {
    expect(previousPeriod("monthly", new Date("2026-03-01T06:00:00Z"), MOSCOW)).toEqual({
      period: "monthly",
      from: "2026-02-01",
      to: "2026-02-28",
      periodKey: "monthly:2026-02",
    });
    expect(previousPeriod("monthly", new Date("2026-01-01T06:00:00Z"), MOSCOW)).toMatchObject({ from: "2025-12-01", to: "2025-12-31", periodKey: "monthly:2025-12" });
    expect(previousPeriod("monthly", new Date("2024-03-15T12:00:00Z"), MOSCOW)).toMatchObject({ from: "2024-02-01", to: "2024-02-29" });
  });

  it("compares with the period of equal length just before", () => {
    expect(rangeBefore({ from: "2026-03-09", to: "2026-03-15" })).toEqual({ from: "2026-03-02", to: "2026-03-08" });
    expect(rangeBefore({ from: "2026-02-01", to: "2026-02-28" })).toEqual({ from: "2026-01-04", to: "2026-01-31" });
    expect(rangeBefore({ from: "2026-03-01", to: "2026-03-01" })).toEqual({ from: "2026-02-28", to: "2026-02-28" });
  });
});
