import { describe, expect, it } from "vitest";
import { workingMinutesBefore, workingMinutesBetween } from "../../packages/core/src/working-hours.js";

const at = (iso: string) => new Date(iso);

describe("working hours (Mon-Fri 09:00-18:00 Moscow)", () => {
  it("counts only the working part of a span", () => {
    expect(workingMinutesBetween(at("2026-03-02T08:00:00+03:00"), at("2026-03-02T11:00:00+03:00"))).toBe(120);
    expect(workingMinutesBetween(at("2026-03-02T17:30:00+03:00"), at("2026-03-02T23:00:00+03:00"))).toBe(30);
    expect(workingMinutesBetween(at("2026-03-06T17:00:00+03:00"), at("2026-03-09T10:00:00+03:00"))).toBe(120);
    expect(workingMinutesBetween(at("2026-03-07T10:00:00+03:00"), at("2026-03-08T20:00:00+03:00"))).toBe(0);
    expect(workingMinutesBetween(at("2026-03-03T10:00:00+03:00"), at("2026-03-02T10:00:00+03:00"))).toBe(0);
  });

  it("finds the instant a given number of working minutes back, across an evening and a weekend", () => {
    expect(workingMinutesBefore(at("2026-03-09T10:30:00+03:00"), 120).toISOString()).toBe(at("2026-03-06T17:30:00+03:00").toISOString());
    expect(workingMinutesBefore(at("2026-03-10T21:00:00+03:00"), 60).toISOString()).toBe(at("2026-03-10T17:00:00+03:00").toISOString());
    expect(workingMinutesBefore(at("2026-03-10T09:00:00+03:00"), 540).toISOString()).toBe(at("2026-03-09T09:00:00+03:00").toISOString());
  });
});
