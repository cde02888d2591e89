import { Hono } from "hono";
import { assertVisible, contractorScope } from "@parom/core/access";
import { Campaigns, PlatformIdsInput, UpdateCampaignInput } from "@parom/core/campaign";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody } from "../validate.js";

// Campaigns are created under their hypothesis (POST /api/hypotheses/{id}/campaigns); here they are read.
// A contractor key lists and reads only its own contractor's campaigns.
const campaign = { description: "`{id, hypothesisId, contractorId, utmSource, utmCampaign, platformCampaignIds, paid, createdAt}`" };

export const campaignRoutes = new Hono<AppEnv>()
  .use(allow("campaigns.read"))
  .get(
    "/",
    describeRoute({ summary: "List campaigns (a contractor key: its own)", response: { description: "`{items: [campaign]}`" } }),
    async (c) => {
      const scope = contractorScope(c.var.principal);
      return c.json({ items: scope ? await Campaigns.listByContractor(c.var.ctx, scope) : await Campaigns.list(c.var.ctx) });
    },
  )
  .get("/:id", describeRoute({ summary: "A campaign", response: campaign }), async (c) => {
    const campaign = await Campaigns.get(c.var.ctx, c.req.param("id"));
    assertVisible(c.var.principal, campaign.contractorId, "campaign", campaign.id);
    return c.json(campaign);
  })
  .patch(
    "/:id",
    allow("campaigns.write"),
    describeRoute({
      summary: "Mark a campaign paid or unpaid",
      description:
        "`{paid: false}` for a campaign with no ad cost to import (organic, a cold base whose cost is entered otherwise): its cost KPIs then use whatever spend was recorded. A paid campaign's CPL, CAC and ROMI stay `insufficient_data` until every day with leads has its spend recorded (0 included).",
      body: UpdateCampaignInput,
      response: campaign,
    }),
    async (c) => {
      const input = await jsonBody(c, UpdateCampaignInput);
      return c.json(await Campaigns.update(c.var.ctx, c.req.param("id"), input));
    },
  )
  // `{ids}` replaces the ad-platform campaign ids spend exports may name this campaign by.
  .put(
    "/:id/platform-ids",
    allow("campaigns.write"),
    describeRoute({ summary: "Replace the ad-platform campaign ids spend exports may know it by", body: PlatformIdsInput, response: campaign }),
    async (c) => {
      const { ids } = await jsonBody(c, PlatformIdsInput);
      return c.json(await Campaigns.setPlatformIds(c.var.ctx, c.req.param("id"), ids));
    },
  );
