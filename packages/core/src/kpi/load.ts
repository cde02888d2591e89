import { z } from "zod";
import { Campaigns, type Campaign } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { readCounters, type DayCounters, type WinCount } from "../counters/cohort-counters.js";
import { dayIn, isIsoDay } from "../time.js";
import { evaluateKpis, gateVerdict, judgedBy } from "./evaluate.js";
import type { GateVerdict, KpiReport } from "./model.js";
import { markTargetChanges } from "./target-changes.js";
import type { JudgingHypothesis } from "./targets.js";

const isoDay = z.string().refine(isIsoDay, "must be a real date written YYYY-MM-DD");

/** `?from&to`: the lead-arrival days a KPI answer covers, both inclusive, both optional. */
export const KpiRangeQuery = z
  .strictObject({ from: isoDay.optional(), to: isoDay.optional() })
  .refine((r) => !r.from || !r.to || !isIsoDay(r.from) || !isIsoDay(r.to) || r.to >= r.from, { message: "must not be before from", path: ["to"] });
export type KpiRange = z.output<typeof KpiRangeQuery>;

/** Day counters with their wins, and which of their campaigns are unpaid (no missing-spend rule). */
export type LoadedCounters = { days: DayCounters[]; wins: WinCount[]; unpaidCampaignIds: string[] };

/** The ids of the campaigns marked unpaid, as EvaluateInput takes them. */
export const unpaidCampaignIds = (campaigns: Campaign[]) => campaigns.filter((campaign) => !campaign.paid).map((campaign) => campaign.id);

/**
 * The day counters (with their wins) of some campaigns for cohort days in the range: one query
 * per campaign, all in flight at once. Leads are never read.
 */
export async function loadCounters(ctx: Ctx, campaigns: Campaign[], range: KpiRange = {}): Promise<LoadedCounters> {
  const perCampaign = await Promise.all(campaigns.map((campaign) => readCounters(ctx, campaign.id, range.from, range.to)));
  return { days: perCampaign.flatMap((c) => c.days), wins: perCampaign.flatMap((c) => c.wins), unpaidCampaignIds: unpaidCampaignIds(campaigns) };
}

/** KPIs of some counters judged by one hypothesis' targets, maturity and confidence, as of today. */
export function judgeCounters(ctx: Ctx, hypothesis: JudgingHypothesis, counters: Omit<LoadedCounters, "unpaidCampaignIds"> & Partial<LoadedCounters>): KpiReport {
  const report = evaluateKpis({ ...judgedBy(hypothesis, counters), asOf: dayIn(ctx.now(), ctx.timeZone), probeEnd: hypothesis.probe.end });
  return markTargetChanges(report, hypothesis);
}

async function report(ctx: Ctx, hypothesis: JudgingHypothesis, campaigns: Campaign[], range: KpiRange): Promise<KpiReport> {
  return judgeCounters(ctx, hypothesis, await loadCounters(ctx, campaigns, range));
}

/** A hypothesis' KPIs over all its campaigns. */
export async function hypothesisKpis(ctx: Ctx, hypothesis: JudgingHypothesis, range: KpiRange = {}): Promise<KpiReport> {
  return report(ctx, hypothesis, await Campaigns.listByHypothesis(ctx, hypothesis.id), range);
}

/** One campaign's KPIs, judged by its hypothesis' targets. */
export async function campaignKpis(ctx: Ctx, hypothesis: JudgingHypothesis, campaign: Campaign, range: KpiRange = {}): Promise<KpiReport> {
  return report(ctx, hypothesis, [campaign], range);
}

/** The scale-out gate of a hypothesis on all its data, as of today. */
export async function hypothesisGate(ctx: Ctx, hypothesis: JudgingHypothesis): Promise<GateVerdict> {
  return gateVerdict(await hypothesisKpis(ctx, hypothesis));
}

