import { Campaigns, type Campaign } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { Hypotheses } from "../hypothesis/hypothesis.js";
import { campaignKpis } from "../kpi/load.js";
import type { KpiReport } from "../kpi/model.js";

/**
 * KPIs of each of a contractor's campaigns (and nobody else's), each judged by its own
 * hypothesis' targets, maturity and confidence: a contractor may work for several hypotheses.
 * `from`/`to` are lead-arrival days, inclusive; campaigns come in creation order.
 * @example await kpisForContractor(ctx, contractorId, "2026-03-01", "2026-03-31")
 */
export async function kpisForContractor(
  ctx: Ctx,
  contractorId: string,
  from?: string,
  to?: string,
): Promise<{ campaign: Campaign; report: KpiReport }[]> {
  const campaigns = await Campaigns.listByContractor(ctx, contractorId);
  const hypothesisIds = [...new Set(campaigns.map((campaign) => campaign.hypothesisId))];
  const hypotheses = new Map((await Promise.all(hypothesisIds.map((id) => Hypotheses.get(ctx, id)))).map((h) => [h.id, h]));
  return Promise.all(
    campaigns.map(async (campaign) => ({ campaign, report: await campaignKpis(ctx, hypotheses.get(campaign.hypothesisId)!, campaign, { from, to }) })),
  );
}
