import { describe, expect, it } from "vitest";
import { addDays, dayIn, daysBetween, isIsoDay, isSaneInstant, zonedInstant } from "../../packages/core/src/time.js";

describe("calendar days", () => {
  it("steps across month ends, leap days and years, both ways", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-03-29", 0)).toBe("2026-03-29");
    expect(addDays("2026-03-01", 365)).toBe("2027-03-01");
  });

  it("counts whole days between two days, negative when the second is earlier", () => {
    expect(daysBetween("2025-12-31", "2026-03-01")).toBe(60);
    expect(daysBetween("2026-03-01", "2025-12-31")).toBe(-60);
    expect(daysBetween("2024-02-01", "2024-03-01")).toBe(29);
    // Every day of a leap year and back again: the remembered days agree with Date arithmetic.
    for (let n = 0; n < 366; n++) {
      const day = addDays("2024-01-01", n);
      expect(day).toBe(new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
      expect(daysBetween("2024-01-01", day)).toBe(n);
    }
  });

  it("refuses to step from something that is not a day", () => {
    expect(() => addDays("not-a-day", 1)).toThrow(RangeError);
  });

  it("places an instant on the calendar day of the workspace time zone", () => {
    expect(dayIn(new Date("2025-12-31T22:30:00Z"), "Europe/Moscow")).toBe("2026-01-01");
    expect(dayIn(new Date("2025-12-31T22:30:00Z"), "UTC")).toBe("2025-12-31");
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("2024-02-29")).toBe(true);
  });

  it("takes only days and instants in the years 2000-2100 as sane", () => {
    expect(["0000-01-01", "0099-06-01", "1999-12-31", "2101-01-01"].map(isIsoDay)).toEqual([false, false, false, false]);
    expect(["2000-01-01", "2100-12-31"].map((day) => isIsoDay(day))).toEqual([true, true]);
    expect(isSaneInstant("0099-06-01T00:00:00Z")).toBe(false);
    expect(isSaneInstant("2026-01-01T02:00:00+03:00")).toBe(true);
  });
});

describe("wall-clock times in a time zone", () => {
  it("finds the instant a wall-clock time happens, at the offset in force then", () => {
    expect(zonedInstant("2026-03-02T10:15", "Europe/Moscow")?.toISOString()).toBe("2026-03-02T07:15:00.000Z");
    expect(zonedInstant("2026-03-02T10:15:30", "Europe/Moscow")?.toISOString()).toBe("2026-03-02T07:15:30.000Z");
    // Berlin: winter time (+1) before the last Sunday of March, summer time (+2) after.
    expect(zonedInstant("2026-03-28T12:00", "Europe/Berlin")?.toISOString()).toBe("2026-03-28T11:00:00.000Z");
    expect(zonedInstant("2026-03-30T12:00", "Europe/Berlin")?.toISOString()).toBe("2026-03-30T10:00:00.000Z");
    expect(zonedInstant("2026-07-01T09:00", "America/New_York")?.toISOString()).toBe("2026-07-01T13:00:00.000Z");
  });

  it("moves a time skipped by spring-forward past the change, east and west of Greenwich alike", () => {
    // Berlin skips 02:00-03:00 on 2026-03-29 and New York on 2026-03-08: 02:30 is read as 03:30 summer time in both
    // (the hand-made offset search read New York's as 01:30 winter time, an hour before the change).
    expect(zonedInstant("2026-03-29T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedInstant("2026-03-08T02:30", "America/New_York")?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("keeps the calendar day and the hour right on both sides of Berlin's March and October switches", () => {
    const berlin = (wall: string) => zonedInstant(wall, "Europe/Berlin")!;
    for (const [wall, utc] of [
      ["2026-03-29T00:30", "2026-03-28T23:30:00.000Z"],
      ["2026-03-29T01:59", "2026-03-29T00:59:00.000Z"],
      ["2026-03-29T03:00", "2026-03-29T01:00:00.000Z"],
      ["2026-03-29T23:59", "2026-03-29T21:59:00.000Z"],
      ["2026-10-25T00:30", "2026-10-24T22:30:00.000Z"],
      ["2026-10-25T03:00", "2026-10-25T02:00:00.000Z"],
      ["2026-10-25T23:59", "2026-10-25T22:59:00.000Z"],
    ] as const) {
      expect(berlin(wall).toISOString(), wall).toBe(utc);
      expect(dayIn(berlin(wall), "Europe/Berlin"), wall).toBe(wall.slice(0, 10));
    }
    // The switch days are 23 and 25 hours long, and still one calendar day each.
    expect(berlin("2026-03-30T00:00").getTime() - berlin("2026-03-29T00:00").getTime()).toBe(23 * 3_600_000);
    expect(berlin("2026-10-26T00:00").getTime() - berlin("2026-10-25T00:00").getTime()).toBe(25 * 3_600_000);
    expect(daysBetween("2026-03-28", "2026-10-26")).toBe(212);
  });

  it("says null for text that is no wall-clock time", () => {
    expect(zonedInstant("2026-03-02", "Europe/Moscow")).toBeNull();
    expect(zonedInstant("2026-13-02T10:00", "Europe/Moscow")).toBeNull();
    expect(zonedInstant("вчера", "Europe/Moscow")).toBeNull();
  });

  it("refuses a time zone that does not exist instead of answering an invalid date", () => {
    expect(() => zonedInstant("2026-03-02T10:00", "Nowhere/Atlantis")).toThrow(RangeError);
  });
});
