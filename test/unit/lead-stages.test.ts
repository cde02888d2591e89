import { describe, expect, it } from "vitest";
import { counterFields, type CounterField } from "../../packages/core/src/counters/cohort-counters.js";
import { ConflictError, InvalidInputError } from "../../packages/core/src/errors.js";
import { leadStages, type LeadStage, type PathStage } from "../../packages/core/src/lead-stages.js";
import { planStageChange, reachedDelta, type OutcomeState, type StageChange } from "../../packages/core/src/lead/stages.js";

const path: PathStage[] = ["new", "contacted", "qualified", "proposal", "won"];

/** Every state a lead can be in: on the path, or lost after reaching any stage short of won. */
const states: OutcomeState[] = [
  ...path.map((stage) => ({ stage, furthestStage: stage, amountKopecks: stage === "won" ? 5_000_00 : null, lostReason: null })),
  ...path.slice(0, 4).map((furthestStage) => ({ stage: "lost" as const, furthestStage, amountKopecks: null, lostReason: "too expensive" })),
];

/** A well-formed request to move to `to`. */
const changeTo = (to: LeadStage): StageChange => ({
  to,
  amountKopecks: to === "won" ? 7_500_00 : undefined,
  lostReason: to === "lost" ? "went silent" : undefined,
});

/**
 * An independent oracle: what one lead contributes to its cohort day's counters. It counts every
 * path stage up to the furthest reached, `lost` while it is lost, and its revenue while won.
 */
function contribution(state: OutcomeState): Record<CounterField, number> {
  const row = Object.fromEntries(counterFields.map((f) => [f, 0])) as Record<CounterField, number>;
  for (const stage of path.slice(0, path.indexOf(state.furthestStage) + 1)) row[stage === "new" ? "leads" : stage] = 1;
  if (state.stage === "lost") row.lost = 1;
  if (state.stage === "won") row.revenue = state.amountKopecks!;
  return row;
}

function nonZero(delta: Partial<Record<CounterField, number>>) {
  return Object.fromEntries(Object.entries(delta).filter(([, v]) => v !== 0));
}

function diff(before: OutcomeState, after: OutcomeState) {
  const a = contribution(before);
  const b = contribution(after);
  return nonZero(Object.fromEntries(counterFields.map((f) => [f, b[f] - a[f]])));
}

/** Whether a move is allowed, stated as the product rule rather than as the code's branches. */
function allowed(from: OutcomeState, to: LeadStage): boolean {
  if (from.stage === "won") return to === "won";
  if (to === "lost") return true;
  return path.indexOf(to) >= path.indexOf(from.furthestStage);
}

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
};

describe("reachedDelta", () => {
  it("counts a new lead and every stage it reached", () => {
    expect(reachedDelta(null, "new")).toEqual({ leads: 1 });
    expect(reachedDelta(null, "qualified")).toEqual({ leads: 1, contacted: 1, qualified: 1 });
    expect(reachedDelta("contacted", "won")).toEqual({ qualified: 1, proposal: 1, won: 1 });
    expect(reachedDelta("proposal", "proposal")).toEqual({});
  });
});

describe("planStageChange over every state and target", () => {
  for (const from of states) {
    for (const to of leadStages) {
      const label = `${from.stage}${from.stage === "lost" ? ` (after ${from.furthestStage})` : ""} -> ${to}`;
      it(`${label}: ${allowed(from, to) ? "moves and counts the difference exactly" : "is refused with 409"}`, () => {
        if (!allowed(from, to)) {
          const error = errorOf(() => planStageChange(from, changeTo(to)));
          expect(error).toBeInstanceOf(ConflictError);
          expect((error as ConflictError).code).toBe(from.stage === "won" ? "stage_final" : "stage_backwards");
          expect((error as ConflictError).details).toMatchObject({ from: from.stage, to });
          return;
        }
        const plan = planStageChange(from, changeTo(to));
        if (plan === null) {
          // Only a true repeat is a no-op; the counters then must not move either.
          expect(from.stage).toBe(to);
          expect(to).not.toBe("won");
          expect(to).not.toBe("lost");
          return;
        }
        expect(plan.stage).toBe(to);
        expect(nonZero(plan.counterDelta)).toEqual(diff(from, plan));
        expect(path.indexOf(plan.furthestStage)).toBeGreaterThanOrEqual(path.indexOf(from.furthestStage));
        if (to === "won") expect(plan.win).toEqual(from.stage === "won" ? { won: 0, revenue: 2_500_00 } : { won: 1, revenue: 7_500_00 });
        else expect(plan.win).toBeUndefined();
      });
    }
  }
});

describe("planStageChange rules", () => {
  const fresh: OutcomeState = { stage: "new", furthestStage: "new", amountKopecks: null, lostReason: null };

  it("counts a jump from new straight to won in every stage it passed", () => {
    const plan = planStageChange(fresh, { to: "won", amountKopecks: 100_00 });
    expect(plan).toMatchObject({ stage: "won", furthestStage: "won", amountKopecks: 100_00 });
    expect(plan!.counterDelta).toEqual({ contacted: 1, qualified: 1, proposal: 1, won: 1, revenue: 100_00 });
  });

  it("treats the same stage again as a no-op, including won with the same amount and lost with the same reason", () => {
    expect(planStageChange({ ...fresh, stage: "qualified", furthestStage: "qualified" }, { to: "qualified" })).toBeNull();
    expect(planStageChange({ ...fresh, stage: "won", furthestStage: "won", amountKopecks: 10_00 }, { to: "won", amountKopecks: 10_00 })).toBeNull();
    expect(planStageChange({ ...fresh, stage: "lost", lostReason: "crm_status_143" }, { to: "lost", lostReason: "crm_status_143" })).toBeNull();
  });

  it("corrects a won deal's revenue by the difference only", () => {
    const won: OutcomeState = { stage: "won", furthestStage: "won", amountKopecks: 10_000_00, lostReason: null };
    const plan = planStageChange(won, { to: "won", amountKopecks: 9_000_50 });
    expect(plan).toMatchObject({ stage: "won", amountKopecks: 9_000_50, counterDelta: { revenue: -999_50 }, win: { won: 0, revenue: -999_50 } });
  });

  it("keeps a new reason for a lead already lost without counting it lost twice", () => {
    const lost: OutcomeState = { stage: "lost", furthestStage: "contacted", amountKopecks: null, lostReason: "no budget" };
    const plan = planStageChange(lost, { to: "lost", lostReason: "chose a competitor" });
    expect(plan).toMatchObject({ stage: "lost", furthestStage: "contacted", lostReason: "chose a competitor", counterDelta: {} });
  });

  it("keeps a person's reason when a CRM later reports the same lead lost", () => {
    const lost: OutcomeState = { stage: "lost", furthestStage: "contacted", amountKopecks: null, lostReason: "no budget" };
    expect(planStageChange(lost, { to: "lost", lostReason: "crm_status_143", lostReasonIsDefault: true })).toBeNull();
    const open: OutcomeState = { ...lost, stage: "contacted", lostReason: null };
    expect(planStageChange(open, { to: "lost", lostReason: "crm_status_143", lostReasonIsDefault: true })).toMatchObject({ lostReason: "crm_status_143" });
  });

  it("restores a lost lead to its furthest stage, uncounting it as lost", () => {
    const lost: OutcomeState = { stage: "lost", furthestStage: "proposal", amountKopecks: null, lostReason: "no budget" };
    expect(planStageChange(lost, { to: "proposal" })).toEqual({
      stage: "proposal",
      furthestStage: "proposal",
      amountKopecks: null,
      lostReason: null,
      counterDelta: { lost: -1 },
    });
    const error = errorOf(() => planStageChange(lost, { to: "contacted" })) as ConflictError;
    expect(error.details).toEqual({ from: "lost", to: "contacted", furthestStage: "proposal" });
    expect(error.message).toMatch(/restored to proposal or a later stage/);
  });

  it("names both stages when a lead is asked to move back", () => {
    const error = errorOf(() => planStageChange({ ...fresh, stage: "proposal", furthestStage: "proposal" }, { to: "contacted" })) as ConflictError;
    expect(error.kind).toBe("conflict");
    expect(error.code).toBe("stage_backwards");
    expect(error.details).toMatchObject({ from: "proposal", to: "contacted" });
  });

  it("refuses won without a positive amount and lost without a reason, naming the field", () => {
    for (const [change, field] of [
      [{ to: "won" }, "amount"],
      [{ to: "won", amountKopecks: 0 }, "amount"],
      [{ to: "won", amountKopecks: -100 }, "amount"],
      [{ to: "lost" }, "lostReason"],
      [{ to: "lost", lostReason: "   " }, "lostReason"],
      [{ to: "qualified", amountKopecks: 100 }, "amount"],
      [{ to: "contacted", lostReason: "why" }, "lostReason"],
    ] as [StageChange, string][]) {
      const error = errorOf(() => planStageChange(fresh, change));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((i) => i.path)).toEqual([field]);
    }
  });

  it("checks the request's shape before the lead's state, so a bad won request on a won lead is a 400", () => {
    const won: OutcomeState = { stage: "won", furthestStage: "won", amountKopecks: 10_00, lostReason: null };
    expect(errorOf(() => planStageChange(won, { to: "won" }))).toBeInstanceOf(InvalidInputError);
  });
});
