import type { Ctx } from "../context.js";
import { queryAll } from "../db/query-all.js";
import { NotFoundError } from "../errors.js";
import { approvalKeys, toApproval, type Approval } from "../kpi/approvals.js";
import { byStartDay, optimizationKeys, toOptimization, type Optimization } from "../optimization/optimization.js";
import { toHistoryEntry, type HistoryEntry } from "./history.js";
import { toHypothesis } from "./hypothesis.js";
import type { Hypothesis } from "./model.js";
import { hypothesisKeys } from "./keys.js";
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
  const { pk, sk } = hypothesisKeys.item(id);
  const items = await queryAll(ctx, { KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": pk }, ConsistentRead: true });
  const read: Omit<HypothesisPartition, "hypothesis"> & { hypothesis?: Hypothesis } = { history: [], rules: [], optimizations: [], approvals: [] };
  // Sort keys come back in order, so each prefix's items are in the order of their own query.
  for (const item of items) {
    const key: string = item.sk;
    if (key === sk) read.hypothesis = toHypothesis(item);
    else if (key.startsWith(hypothesisKeys.historyPrefix)) read.history.push(toHistoryEntry(item));
    else if (key.startsWith(hypothesisKeys.rulesPrefix)) read.rules.push(toWrittenRules(item));
    else if (key.startsWith(optimizationKeys.prefix)) read.optimizations.push(toOptimization(item));
    else if (key.startsWith(approvalKeys.prefix)) read.approvals.push(toApproval(item));
  }
  if (!read.hypothesis) throw new NotFoundError("hypothesis", id);
  return { ...read, hypothesis: read.hypothesis, optimizations: read.optimizations.sort(byStartDay) };
}
