import { Hono } from "hono";
import { listAlerts } from "../../../core/src/alerts/alerts.js";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";

/** GET / -> {items: [scaled-out hypotheses whose mature post-scale cohorts miss a target], checked, asOf}. */
export const alertRoutes = new Hono<AppEnv>().get("/", allow("owner", "marketer"), async (c) => c.json(await listAlerts(c.var.ctx)));
