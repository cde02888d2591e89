import { Campaigns } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { readCounters, readLostReasons, type DayCounters, type LostReasonCounters, type WinCounters } from "../counters/cohort-counters.js";
import { Hypotheses, type Hypothesis } from "../hypothesis/hypothesis.js";
import { dayIn } from "../time.js";

/** Everything the analytics of one hypothesis are computed from: its campaigns' counters, never its leads. */
export type HypothesisCounters = {
  hypothesis: Hypothesis;
  days: DayCounters[];
  wins: WinCounters[];
  lostReasons: LostReasonCounters[];
  /** Today in the workspace time zone. */
  asOf: string;
};

/**
 * Reads the counters of every campaign of a hypothesis (404 for an unknown one). `lostReasons` only
 * when asked, since only the funnel needs them.
 */
export async function readHypothesisCounters(ctx: Ctx, hypothesisId: string, options: { lostReasons?: boolean } = {}): Promise<HypothesisCounters> {
  const hypothesis = await Hypotheses.get(ctx, hypothesisId);
  const campaigns = await Campaigns.listByHypothesis(ctx, hypothesisId);
  const perCampaign = await Promise.all(
    campaigns.map(async (campaign) => {
      const [{ days, wins }, lostReasons] = await Promise.all([
        readCounters(ctx, campaign.id),
        options.lostReasons ? readLostReasons(ctx, campaign.id) : Promise.resolve([]),
      ]);
      return { days, wins, lostReasons };
    }),
  );
  return {
    hypothesis,
    days: perCampaign.flatMap((c) => c.days),
    wins: perCampaign.flatMap((c) => c.wins),
    lostReasons: perCampaign.flatMap((c) => c.lostReasons),
    asOf: dayIn(ctx.now(), ctx.timeZone),
  };
}
