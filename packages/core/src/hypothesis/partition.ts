import type { Ctx } from "../context.js";
import { NotFoundError } from "../errors.js";
import { ApprovalEntity, toApproval, type Approval } from "../kpi/approvals.js";
import { byStartDay, OptimizationEntity, type Optimization } from "../optimization/optimization.js";
import { HistoryEntity, HypothesisEntity, readPartition, RulesEntity } from "./entities.js";
import { toHistoryEntry, type HistoryEntry } from "./history.js";
import type { Hypothesis } from "./model.js";
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
  const items = await readPartition(ctx, id, { consistent: true });
  const read: Omit<HypothesisPartition, "hypothesis"> & { hypothesis?: Hypothesis } = { history: [], rules: [], optimizations: [], approvals: [] };
  // Sort keys come back in order, so each kind's items are in the order of their own query.
  for (const item of items) {
    if (item.type === HypothesisEntity.type) read.hypothesis = HypothesisEntity.parse(item);
    else if (item.type === HistoryEntity.type) read.history.push(toHistoryEntry(HistoryEntity.parse(item)));
    else if (item.type === RulesEntity.type) read.rules.push(toWrittenRules(RulesEntity.parse(item)));
    else if (item.type === OptimizationEntity.type) read.optimizations.push(OptimizationEntity.parse(item));
    else if (item.type === ApprovalEntity.type) read.approvals.push(toApproval(ApprovalEntity.parse(item)));
  }
  if (!read.hypothesis) throw new NotFoundError("hypothesis", id);
  return { ...read, hypothesis: read.hypothesis, optimizations: read.optimizations.sort(byStartDay) };
}
