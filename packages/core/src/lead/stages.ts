import type { CounterField } from "../counters/cohort-counters.js";
import { ConflictError, InvalidInputError, type FieldIssue } from "../errors.js";
import { pathStages, rank, type LeadStage, type PathStage } from "../lead-stages.js";

/**
 * The "reached" counters a lead adds when its furthest stage on the path moves from `from`
 * to `to` (a lead that jumps from new to won reached contacted, qualified and proposal too).
 * `from` null means a lead that did not exist yet, which adds `leads`.
 */
export function reachedDelta(from: PathStage | null, to: PathStage): Partial<Record<CounterField, number>> {
  const delta: Partial<Record<CounterField, number>> = {};
  const start = from === null ? 0 : rank(from) + 1;
  for (let i = start; i <= rank(to); i++) {
    const stage = pathStages[i]!;
    delta[stage === "new" ? "leads" : stage] = 1;
  }
  return delta;
}

/** Where a lead stands, as far as its deal outcome goes. */
export type OutcomeState = {
  stage: LeadStage;
  furthestStage: PathStage;
  amountKopecks: number | null;
  lostReason: string | null;
};

/** A requested move: the target stage, the deal amount for `won`, the reason for `lost`. */
export type StageChange = {
  to: LeadStage;
  amountKopecks?: number | null;
  lostReason?: string | null;
  /** The reason only says where the loss came from (a CRM status): a lead already lost keeps its own. */
  lostReasonIsDefault?: boolean;
};

/** What a change does: the lead's new state and the counters to add on its campaign and cohort day. */
export type StagePlan = OutcomeState & {
  counterDelta: Partial<Record<CounterField, number>>;
  /** The win counters to add for the day the deal was won (a correction adds only the revenue difference). */
  win?: { won: number; revenue: number };
};

/**
 * Plans moving a lead to `change.to`, or returns null when the lead is already there (a repeat,
 * e.g. a redelivered CRM webhook). Leads only move forward on the path; a lost lead can be
 * restored to its furthest stage or later; a won deal is final except for correcting its amount.
 * @example planStageChange({stage: "new", furthestStage: "new", amountKopecks: null, lostReason: null}, {to: "qualified"})
 *   // -> {stage: "qualified", furthestStage: "qualified", counterDelta: {contacted: 1, qualified: 1}, ...}
 */
export function planStageChange(lead: OutcomeState, change: StageChange): StagePlan | null {
  const to = change.to;
  const amount = change.amountKopecks ?? null;
  const reason = change.lostReason?.trim() || null;
  checkChangeShape(to, amount, reason);

  if (lead.stage === "won") {
    if (to !== "won") throw new ConflictError("stage_final", `the deal is won, which is final; it cannot move to ${to}`, { from: "won", to });
    const difference = amount! - (lead.amountKopecks ?? 0);
    if (difference === 0) return null;
    return { ...lead, amountKopecks: amount, counterDelta: { revenue: difference }, win: { won: 0, revenue: difference } };
  }

  if (to === "lost") {
    if (lead.stage === "lost" && (lead.lostReason === reason || change.lostReasonIsDefault)) return null;
    // A new reason for a lead already lost is kept, but it is still one lost lead.
    return { ...lead, stage: "lost", lostReason: reason, counterDelta: lead.stage === "lost" ? {} : { lost: 1 } };
  }

  if (lead.stage === to) return null;
  if (rank(to) < rank(lead.furthestStage)) {
    const message =
      lead.stage === "lost"
        ? `the lead was lost after reaching ${lead.furthestStage}; it can be restored to ${lead.furthestStage} or a later stage, not ${to}`
        : `a lead never moves back: it is at ${lead.stage} and cannot return to ${to}`;
    throw new ConflictError("stage_backwards", message, { from: lead.stage, to, furthestStage: lead.furthestStage });
  }

  const counterDelta = reachedDelta(lead.furthestStage, to);
  if (lead.stage === "lost") counterDelta.lost = -1;
  const plan: StagePlan = { stage: to, furthestStage: to, amountKopecks: null, lostReason: null, counterDelta };
  if (to === "won") {
    plan.amountKopecks = amount;
    counterDelta.revenue = amount!;
    plan.win = { won: 1, revenue: amount! };
  }
  return plan;
}

function checkChangeShape(to: LeadStage, amount: number | null, reason: string | null): void {
  const issues: FieldIssue[] = [];
  if (to === "won" && (amount === null || amount <= 0)) issues.push({ path: "amount", message: "a won deal needs its amount, greater than zero" });
  if (to !== "won" && amount !== null) issues.push({ path: "amount", message: "an amount goes only with the won stage" });
  if (to === "lost" && reason === null) issues.push({ path: "lostReason", message: "a lost lead needs the reason it was lost" });
  if (to !== "lost" && reason !== null) issues.push({ path: "lostReason", message: "a lost reason goes only with the lost stage" });
  if (issues.length > 0) throw new InvalidInputError(issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
}
