import type { Ctx } from "@parom/core";
import { type DayCounters, type LostReasonCounters, readAllCounters, type WinCounters } from "@parom/core/counters";
import type { Approval, Optimization } from "@parom/core/hypothesis";
import type { GateVerdict, KpiReport } from "@parom/core/kpi";
import { gateVerdict, judgeCounters, unpaidCampaignIds } from "@parom/core/kpi";
import type { HypothesisPageData } from "../data.js";

/** What the decision sections of the hypothesis page show, read once per page. */
export type DecisionData = {
  days: DayCounters[];
  wins: WinCounters[];
  /** Campaigns marked unpaid: their days need no recorded spend. */
  unpaidCampaignIds: string[];
  lostReasons: LostReasonCounters[];
  /** Today in the workspace time zone: what maturity is judged against. */
  asOf: string;
  report: KpiReport;
  gate: GateVerdict;
  optimizations: Optimization[];
  /** Oldest first. */
  approvals: Approval[];
};

const loaded = new WeakMap<HypothesisPageData, Promise<DecisionData>>();

/**
 * The counters of the page's campaigns (days, wins and lost reasons: one query per campaign),
 * all in flight at once; optimizations and approvals came with the page's partition read. KPIs, gate,
 * cohorts, funnel, forecast and before/after are computed from these in memory, so the sections
 * share one read instead of each calling the API's verbs (which would read the counters six times).
 * Memoized per page render: every section asks, the first one reads.
 */
export function decisionData(ctx: Ctx, page: HypothesisPageData): Promise<DecisionData> {
  let data = loaded.get(page);
  if (!data) loaded.set(page, (data = load(ctx, page)));
  return data;
}

async function load(ctx: Ctx, { hypothesis, campaigns, optimizations, approvals }: HypothesisPageData): Promise<DecisionData> {
  const perCampaign = await Promise.all(campaigns.map((c) => readAllCounters(ctx, c.id)));
  const days = perCampaign.flatMap((c) => c.days);
  const wins = perCampaign.flatMap((c) => c.wins);
  const unpaid = unpaidCampaignIds(campaigns);
  const report = judgeCounters(ctx, hypothesis, { days, wins, unpaidCampaignIds: unpaid });
  return { days, wins, unpaidCampaignIds: unpaid, lostReasons: perCampaign.flatMap((c) => c.lostReasons), asOf: report.asOf, report, gate: gateVerdict(report), optimizations, approvals };
}
