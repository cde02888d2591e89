import { Campaigns } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { Hypotheses } from "../hypothesis/hypothesis.js";
import { Optimizations, type Optimization } from "../hypothesis/optimizations.js";
import { judgedBy } from "../kpi/evaluate.js";
import { loadCounters } from "../kpi/load.js";
import { addDays, dayIn, daysBetween } from "../time.js";
import { optimizationEffect, type Effect } from "./before-after.js";

export type OptimizationReport = {
  items: (Optimization & Effect)[];
  asOf: string;
  confidence: number;
  maturityDays: number;
};

/**
 * Every optimization of a hypothesis with its KPIs before and after (see before-after.ts for the
 * windows). Reads the optimizations, the campaigns and their counters: never leads.
 */
export async function optimizationReport(ctx: Ctx, hypothesisId: string): Promise<OptimizationReport> {
  const hypothesis = await Hypotheses.get(ctx, hypothesisId);
  const [optimizations, campaigns] = await Promise.all([Optimizations.list(ctx, hypothesisId), Campaigns.listByHypothesis(ctx, hypothesisId)]);
  const today = dayIn(ctx.now(), ctx.timeZone);
  const base = { asOf: today, confidence: hypothesis.confidence, maturityDays: hypothesis.maturityDays };
  if (optimizations.length === 0) return { items: [], ...base };

  // No window reaches further back than the earliest start minus its longest possible after window.
  const earliest = optimizations[0]!.startedOn;
  const from = addDays(earliest, -Math.max(1, daysBetween(earliest, today) + 1));
  const counters = judgedBy(hypothesis, await loadCounters(ctx, campaigns, { from, to: today }));
  const starts = optimizations.map((o) => o.startedOn);
  const items = optimizations.map((optimization) => ({
    ...optimization,
    ...optimizationEffect({ ...counters, starts, startedOn: optimization.startedOn, today }),
  }));
  return { items, ...base };
}
