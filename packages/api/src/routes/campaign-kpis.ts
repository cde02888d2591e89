import { Hono } from "hono";
import { assertVisible } from "@parom/core/access";
import { Campaigns } from "@parom/core/campaign";
import { Hypotheses } from "@parom/core/hypothesis";
import { campaignKpis, KpiRangeQuery } from "@parom/core/kpi";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { queryParams } from "../validate.js";

/** GET /:id/kpis?from&to -> the campaign's KPIs against its hypothesis' targets (same shape as a hypothesis'). */
export const campaignKpiRoutes = new Hono<AppEnv>().get(
  "/:id/kpis",
  allow("campaigns.read"),
  describeRoute({
    summary: "A campaign's KPIs against its hypothesis' targets",
    query: KpiRangeQuery,
    response: { description: "As a hypothesis' KPIs: `{kpis, maturing: {leads}, asOf, confidence}`." },
  }),
  async (c) => {
    const range = queryParams(c, KpiRangeQuery);
    const { ctx, principal } = c.var;
    const campaign = await Campaigns.get(ctx, c.req.param("id"));
    assertVisible(principal, campaign.contractorId, "campaign", campaign.id);
    return c.json(await campaignKpis(ctx, await Hypotheses.get(ctx, campaign.hypothesisId), campaign, range));
  },
);
