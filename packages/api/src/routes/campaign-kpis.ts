import { Hono } from "hono";
import { assertVisible } from "../../../core/src/access/visibility.js";
import { Campaigns } from "../../../core/src/campaign/campaign.js";
import { Hypotheses } from "../../../core/src/hypothesis/hypothesis.js";
import { campaignKpis, KpiRangeQuery } from "../../../core/src/kpi/load.js";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { queryParams } from "../validate.js";

/** GET /:id/kpis?from&to -> the campaign's KPIs against its hypothesis' targets (same shape as a hypothesis'). */
const kpisDoc = describeRoute({
  summary: "A campaign's KPIs against its hypothesis' targets",
  query: KpiRangeQuery,
  response: { description: "As a hypothesis' KPIs: `{kpis, maturing: {leads}, asOf, confidence}`." },
});

export const campaignKpiRoutes = new Hono<AppEnv>().get("/:id/kpis", kpisDoc, allow("campaigns.read"), async (c) => {
  const range = queryParams(c, KpiRangeQuery);
  const { ctx, principal } = c.var;
  const campaign = await Campaigns.get(ctx, c.req.param("id"));
  assertVisible(principal, campaign.contractorId, "campaign", campaign.id);
  return c.json(await campaignKpis(ctx, await Hypotheses.get(ctx, campaign.hypothesisId), campaign, range));
});
