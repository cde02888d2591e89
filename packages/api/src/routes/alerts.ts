import { Hono } from "hono";
import { listAlerts } from "@parom/core/alerts";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";

/** GET / -> {items: [scaled-out hypotheses whose mature post-scale cohorts miss a target], checked, asOf}. */
export const alertRoutes = new Hono<AppEnv>().get(
  "/",
  allow("alerts.read"),
  describeRoute({
    summary: "Scaled-out hypotheses whose mature post-scale cohorts miss a target",
    response: {
      description: "`{items: [{hypothesisId, title, channel, scaledAt, scaledOn, cohorts, missed}], checked, asOf}`; `checked` counts those scaled out.",
    },
  }),
  async (c) => c.json(await listAlerts(c.var.ctx)),
);
