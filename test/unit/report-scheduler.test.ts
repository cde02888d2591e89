import { describe, expect, it } from "vitest";
import { nextFireTime, zonedTime } from "../../packages/local/src/scheduler.js";

describe("when npm start next sends reports", () => {
  it("sends the weekly report on the next Monday at 09:00 Moscow time (06:00 UTC)", () => {
    // Wednesday 4 March 2026.
    expect(nextFireTime("weekly", new Date("2026-03-04T10:00:00Z"), "Europe/Moscow").toISOString()).toBe("2026-03-09T06:00:00.000Z");
  });

  it("still fires the same Monday when started before 09:00, and not again once it has fired", () => {
    expect(nextFireTime("weekly", new Date("2026-03-09T05:59:59Z"), "Europe/Moscow").toISOString()).toBe("2026-03-09T06:00:00.000Z");
    expect(nextFireTime("weekly", new Date("2026-03-09T06:00:00Z"), "Europe/Moscow").toISOString()).toBe("2026-03-16T06:00:00.000Z");
  });

  it("counts the weekday in the workspace zone, not in UTC", () => {
    // Monday 9 March 01:00 Moscow is still Sunday in UTC: the fire time is eight hours later that Monday.
    expect(nextFireTime("weekly", new Date("2026-03-08T22:00:00Z"), "Europe/Moscow").toISOString()).toBe("2026-03-09T06:00:00.000Z");
  });

  it("sends the monthly report on the 1st at 09:00, across a year end", () => {
    expect(nextFireTime("monthly", new Date("2026-03-02T06:00:00Z"), "Europe/Moscow").toISOString()).toBe("2026-04-01T06:00:00.000Z");
    expect(nextFireTime("monthly", new Date("2026-12-01T06:00:00Z"), "Europe/Moscow").toISOString()).toBe("2027-01-01T06:00:00.000Z");
    expect(nextFireTime("monthly", new Date("2026-02-28T12:00:00Z"), "Europe/Moscow").toISOString()).toBe("2026-03-01T06:00:00.000Z");
  });

  it("follows daylight saving time in zones that have it", () => {
    // Berlin: CET (+1) before 29 March 2026, CEST (+2) after.
    expect(nextFireTime("weekly", new Date("2026-03-25T12:00:00Z"), "Europe/Berlin").toISOString()).toBe("2026-03-30T07:00:00.000Z");
    expect(nextFireTime("weekly", new Date("2026-03-18T12:00:00Z"), "Europe/Berlin").toISOString()).toBe("2026-03-23T08:00:00.000Z");
    expect(zonedTime("2026-07-01", 9, "America/New_York").toISOString()).toBe("2026-07-01T13:00:00.000Z");
  });
});
