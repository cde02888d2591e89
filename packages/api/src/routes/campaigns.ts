import { Hono } from "hono";
import { Campaigns, PlatformIdsInput } from "../../../core/src/campaign/campaign.js";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { jsonBody } from "../validate.js";

// Campaigns are created under their hypothesis (POST /api/hypotheses/{id}/campaigns); here they are read.
export const campaignRoutes = new Hono<AppEnv>()
  .use(allow("owner", "marketer", "contractor"))
  .get("/", async (c) => c.json({ items: await Campaigns.list(c.var.ctx) }))
  .get("/:id", async (c) => c.json(await Campaigns.get(c.var.ctx, c.req.param("id"))))
  // `{ids}` replaces the ad-platform campaign ids spend exports may name this campaign by.
  .put("/:id/platform-ids", allow("owner", "marketer"), async (c) => {
    const { ids } = await jsonBody(c, PlatformIdsInput);
    return c.json(await Campaigns.setPlatformIds(c.var.ctx, c.req.param("id"), ids));
  });
