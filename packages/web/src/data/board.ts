import { type Campaign, Campaigns } from "@parom/core/campaign";
import type { Ctx } from "@parom/core";
import { type DayCounters, readDays } from "@parom/core/counters";
import { Hypotheses } from "@parom/core/hypothesis";
import type { Hypothesis } from "@parom/core/hypothesis";
import { gateVerdict, judgeCounters, loadCounters, missingSpendDays } from "@parom/core/kpi";
import type { GateVerdict } from "@parom/core/kpi";

/** Leads and spend (kopecks) summed over day counters: exact integers, never floats. */
export type Totals = { leads: number; spend: number };

const sumDays = (days: DayCounters[]): Totals =>
  days.reduce((sum, day) => ({ leads: sum.leads + day.leads, spend: sum.spend + day.spend }), { leads: 0, spend: 0 });

/** A hypothesis on the board: its totals so far and, unless closed, its scale-out gate as of today. */
export type BoardCard = {
  hypothesis: Hypothesis;
  totals: Totals;
  gate: GateVerdict | null;
  /** Days with leads of a paid campaign and no recorded spend: the spend total leaves them out. */
  spendMissing: string[];
};

/**
 * Every hypothesis with its counters: the hypotheses and all campaigns (two queries), then one
 * counter query per campaign, all in flight at once. Leads themselves are never read.
 */
export async function boardCards(ctx: Ctx): Promise<BoardCard[]> {
  const [hypotheses, campaigns] = await Promise.all([Hypotheses.list(ctx), Campaigns.list(ctx)]);
  return Promise.all(
    hypotheses.map(async (hypothesis) => {
      const counters = await loadCounters(ctx, campaigns.filter((c) => c.hypothesisId === hypothesis.id));
      const gate = hypothesis.stage === "closed" ? null : gateVerdict(judgeCounters(ctx, hypothesis, counters));
      return { hypothesis, totals: sumDays(counters.days), gate, spendMissing: missingSpendDays(counters.days, counters.unpaidCampaignIds) };
    }),
  );
}

/** Each campaign's totals so far, by campaign id (one counter query per campaign). */
export async function campaignTotals(ctx: Ctx, campaigns: Campaign[]): Promise<Map<string, Totals>> {
  const totals = await Promise.all(campaigns.map(async (campaign) => [campaign.id, sumDays(await readDays(ctx, campaign.id))] as const));
  return new Map(totals);
}
