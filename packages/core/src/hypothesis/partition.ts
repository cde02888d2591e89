import type { Ctx } from "../context.js";
import { readCollection } from "../db/collection.js";
import { NotFoundError } from "../errors.js";
import { ApprovalEntity, toApproval, type Approval } from "./approvals.js";
import { HistoryEntity, HypothesisEntity, hypothesisPartition, RulesEntity } from "./entities.js";
import { toHistoryEntry, type HistoryEntry } from "./history.js";
import type { Hypothesis } from "./model.js";
import { byStartDay, OptimizationEntity, type Optimization } from "./optimizations.js";
import { toWrittenRules, type WrittenRules } from "./rules.js";

/** A hypothesis with everything kept in its partition, each list in the order its own verb gives. */
export type HypothesisPartition = {
  hypothesis: Hypothesis;
  /** Oldest first. */
  history: HistoryEntry[];
  /** Oldest first; the last is the current one. */
  rules: WrittenRules[];
  /** By start day. */
  optimizations: Optimization[];
  /** Oldest first. */
  approvals: Approval[];
};

/**
 * The hypothesis, its history, rules, optimizations and approvals in one strongly consistent
 * Query of its partition, for a page that shows all of them (instead of a GetItem and four
 * Queries). Every item there is one of these, and each grows only by a person's action.
 * Throws NotFoundError when there is no such hypothesis.
 */
export async function readHypothesisPartition(ctx: Ctx, id: string): Promise<HypothesisPartition> {
  // Sort keys come back in order, so each kind's items are in the order of their own query.
  const read = await readCollection(
    ctx,
    hypothesisPartition({ hypothesisId: id }),
    { hypothesis: HypothesisEntity, history: HistoryEntity, rules: RulesEntity, optimizations: OptimizationEntity, approvals: ApprovalEntity },
    { consistent: true },
  );
  const [hypothesis] = read.hypothesis;
  if (!hypothesis) throw new NotFoundError("hypothesis", id);
  return {
    hypothesis,
    history: read.history.map(toHistoryEntry),
    rules: read.rules.map(toWrittenRules),
    optimizations: read.optimizations.sort(byStartDay),
    approvals: read.approvals.map(toApproval),
  };
}
