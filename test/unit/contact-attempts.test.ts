import { describe, expect, it } from "vitest";
import { ConflictError } from "../../packages/core/src/errors.js";
import { planContactAttempt, timeOfDay, type TimeOfDay, type UnansweredRun } from "../../packages/core/src/lead/contact-attempts.js";
import type { LeadStage } from "../../packages/core/src/lead-stages.js";

const MOSCOW = "Europe/Moscow";

/** Feeds attempts one by one through the rule, as the store does, and returns the last plan. */
function attempts(stage: LeadStage, list: Array<{ day: string; timeOfDay: TimeOfDay | null; result?: "no_answer" | "reached" }>) {
  let run: UnansweredRun = { count: 0, days: [], timesOfDay: [] };
  let plan = null;
  for (const attempt of list) {
    plan = planContactAttempt({ stage, run }, { result: "no_answer", ...attempt });
    run = plan.run;
  }
  return plan!;
}

function refusal(fn: () => unknown): ConflictError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConflictError) return error;
    throw error;
  }
  throw new Error("expected the attempt to be refused");
}

describe("times of day in the workspace zone", () => {
  it.each([
    ["2026-03-02T03:00:00Z", "morning"], // 06:00 in Moscow
    ["2026-03-02T08:59:59Z", "morning"], // 11:59:59
    ["2026-03-02T09:00:00Z", "afternoon"], // 12:00
    ["2026-03-02T15:00:00Z", "evening"], // 18:00
    ["2026-03-02T20:59:59Z", "evening"], // 23:59:59
    ["2026-03-02T21:00:00Z", null], // 00:00: night
    ["2026-03-02T02:59:59Z", null], // 05:59:59: night
  ])("%s falls in the %s", (at, expected) => {
    expect(timeOfDay(new Date(at), MOSCOW)).toBe(expected);
  });

  it("reads the hour where the workspace is, not in UTC", () => {
    expect(timeOfDay(new Date("2026-03-02T10:00:00+03:00"), "Asia/Vladivostok")).toBe("afternoon");
  });
});

describe("the contact rule", () => {
  it("loses an open lead at the fifth unanswered attempt spread over two days and two times of day", () => {
    const plan = attempts("contacted", [
      { day: "2026-03-02", timeOfDay: "morning" },
      { day: "2026-03-02", timeOfDay: "morning" },
      { day: "2026-03-02", timeOfDay: "morning" },
      { day: "2026-03-03", timeOfDay: "morning" },
      { day: "2026-03-03", timeOfDay: "evening" },
    ]);
    expect(plan).toEqual({ run: { count: 5, days: ["2026-03-02", "2026-03-03"], timesOfDay: ["morning", "evening"] }, stageChange: "lose" });
  });

  it("keeps counting without a stage change before the fifth", () => {
    const plan = attempts("new", Array.from({ length: 4 }, () => ({ day: "2026-03-02", timeOfDay: "morning" as const })));
    expect(plan).toEqual({ run: { count: 4, days: ["2026-03-02"], timesOfDay: ["morning"] }, stageChange: null });
  });

  it("refuses a fifth attempt on one day, naming the missing days", () => {
    const four = Array.from({ length: 4 }, (_, i) => ({ day: "2026-03-02", timeOfDay: (i % 2 ? "morning" : "evening") as TimeOfDay }));
    const error = refusal(() => attempts("new", [...four, { day: "2026-03-02", timeOfDay: "afternoon" }]));
    expect(error.code).toBe("contact_attempts_not_spread");
    expect(error.details).toEqual({ missing: ["days"], days: ["2026-03-02"], timesOfDay: ["morning", "afternoon", "evening"] });
    expect(error.message).toContain("2 different days (all fell on 2026-03-02)");
  });

  it("refuses a fifth attempt at one time of day, naming it", () => {
    const days = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"];
    const error = refusal(() => attempts("qualified", days.map((day) => ({ day, timeOfDay: "afternoon" as const }))));
    expect(error.details).toMatchObject({ missing: ["timesOfDay"] });
    expect(error.message).toContain("all were in the afternoon");
  });

  it("does not count night attempts as a time of day", () => {
    const list = [
      ...Array.from({ length: 4 }, () => ({ day: "2026-03-02", timeOfDay: null })),
      { day: "2026-03-03", timeOfDay: "morning" as const },
    ];
    const error = refusal(() => attempts("new", list));
    expect(error.details).toEqual({ missing: ["timesOfDay"], days: ["2026-03-02", "2026-03-03"], timesOfDay: ["morning"] });
  });

  it("names both when both are missing", () => {
    const error = refusal(() => attempts("new", Array.from({ length: 5 }, () => ({ day: "2026-03-02", timeOfDay: null }))));
    expect(error.details).toMatchObject({ missing: ["days", "timesOfDay"] });
    expect(error.message).toContain("all were at night");
  });

  it("starts the count again once the lead is reached", () => {
    const plan = attempts("contacted", [
      ...Array.from({ length: 4 }, () => ({ day: "2026-03-02", timeOfDay: "morning" as const })),
      { day: "2026-03-02", timeOfDay: "afternoon", result: "reached" },
      { day: "2026-03-02", timeOfDay: "afternoon" },
    ]);
    expect(plan).toEqual({ run: { count: 1, days: ["2026-03-02"], timesOfDay: ["afternoon"] }, stageChange: null });
  });

  it("restores a lost lead that is reached, and only a lost one", () => {
    const reached = { day: "2026-03-04", timeOfDay: "morning" as const, result: "reached" as const };
    const run = { count: 5, days: ["2026-03-02", "2026-03-03"], timesOfDay: ["morning", "evening"] as TimeOfDay[] };
    expect(planContactAttempt({ stage: "lost", run }, reached)).toEqual({ run: { count: 0, days: [], timesOfDay: [] }, stageChange: "restore" });
    expect(planContactAttempt({ stage: "proposal", run }, reached).stageChange).toBeNull();
  });

  it("only records unanswered attempts on a won or already lost lead", () => {
    const one = Array.from({ length: 6 }, () => ({ day: "2026-03-02", timeOfDay: "morning" as const }));
    expect(attempts("lost", one)).toMatchObject({ run: { count: 6 }, stageChange: null });
    expect(attempts("won", one)).toMatchObject({ run: { count: 6 }, stageChange: null });
  });
});
