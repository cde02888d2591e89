import { Campaigns } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { readAllCounters, type DayCounters, type LostReasonCounters, type WinCounters } from "../counters/cohort-counters.js";
import { Hypotheses } from "../hypothesis/hypothesis.js";
import type { Hypothesis } from "../hypothesis/model.js";
import { unpaidCampaignIds } from "../kpi/load.js";
import { dayIn } from "../time.js";

/** Everything the analytics of one hypothesis are computed from: its campaigns' counters, never its leads. */
export type HypothesisCounters = {
  hypothesis: Hypothesis;
  days: DayCounters[];
  wins: WinCounters[];
  lostReasons: LostReasonCounters[];
  /** Campaigns marked unpaid: their days need no recorded spend (kpi/spend-coverage.ts). */
  unpaidCampaignIds: string[];
  /** Today in the workspace time zone. */
  asOf: string;
};

/** Reads the counters of every campaign of a hypothesis, one query each (404 for an unknown hypothesis). */
export async function readHypothesisCounters(ctx: Ctx, hypothesisId: string): Promise<HypothesisCounters> {
  const [hypothesis, campaigns] = await Promise.all([Hypotheses.get(ctx, hypothesisId), Campaigns.listByHypothesis(ctx, hypothesisId)]);
  const perCampaign = await Promise.all(campaigns.map((campaign) => readAllCounters(ctx, campaign.id)));
  return {
    hypothesis,
    days: perCampaign.flatMap((c) => c.days),
    wins: perCampaign.flatMap((c) => c.wins),
    lostReasons: perCampaign.flatMap((c) => c.lostReasons),
    unpaidCampaignIds: unpaidCampaignIds(campaigns),
    asOf: dayIn(ctx.now(), ctx.timeZone),
  };
}
