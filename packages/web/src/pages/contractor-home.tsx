import type { Context } from "hono";
import { Campaigns } from "@parom/core/campaign";
import { ForbiddenError } from "@parom/core";
import { Hypotheses } from "@parom/core/hypothesis";
import { DataTable } from "../components/table.js";
import { campaignTotals } from "../data/board.js";
import type { WebEnv } from "../env.js";
import { Page } from "../layout.js";
import { viewOf } from "../view.js";

/**
 * A contractor's start page: its own campaigns and nothing else (the API lets it read only those
 * campaigns' figures). The contractor report page will take this place.
 */
export async function contractorHomePage(c: Context<WebEnv>) {
  const v = await viewOf(c);
  const { ctx, principal } = c.var;
  // Keys are created bound to a contractor; an unbound one must not widen to everything.
  if (!principal.contractorId) throw new ForbiddenError("this contractor key is bound to no contractor");
  const campaigns = await Campaigns.listByContractor(ctx, principal.contractorId);
  const hypothesisIds = [...new Set(campaigns.map((campaign) => campaign.hypothesisId))];
  const [totals, hypotheses] = await Promise.all([campaignTotals(ctx, campaigns), Promise.all(hypothesisIds.map((id) => Hypotheses.get(ctx, id)))]);
  // Spend is kept in the currency of the campaign's hypothesis.
  const currency = new Map(hypotheses.map((h) => [h.id, h.currency]));
  return c.html(
    <Page v={v} title={v.t.contractorHome.title}>
      <p>{v.t.contractorHome.intro}</p>
      <DataTable
        rows={campaigns}
        empty={v.t.contractorHome.empty}
        columns={[
          { head: v.t.hypothesis.utmSource, cell: (campaign) => v.t.words.channel(campaign.utmSource) },
          { head: v.t.hypothesis.utmCampaign, cell: (campaign) => campaign.utmCampaign },
          { head: v.t.board.leads, num: true, cell: (campaign) => v.fmt.number(totals.get(campaign.id)?.leads ?? 0) },
          { head: v.t.board.spend, num: true, cell: (campaign) => v.fmt.kopecks(totals.get(campaign.id)?.spend ?? 0, currency.get(campaign.hypothesisId)) },
        ]}
      />
    </Page>,
  );
}
