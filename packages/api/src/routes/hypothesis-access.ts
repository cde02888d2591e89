import type { Context } from "hono";
import { actingKey } from "@parom/core/access";
import type { Actor } from "@parom/core/hypothesis";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";

/*
 * Shared by the four sub-apps mounted at /api/hypotheses (plain, KPIs, analytics, optimizations).
 * A hypothesis spans every contractor's campaigns, so contractor keys get 403 on all of it; they read
 * their own campaigns instead (GET /api/campaigns, /api/campaigns/{id}/kpis). The sub-apps share
 * their mount point, so this middleware goes on each route, never through `.use()`.
 */
export const readHypotheses = allow("hypotheses.read");
export const writeHypotheses = allow("hypotheses.write");

/** Who changes a hypothesis, as its history records them. */
export const actorOf = (c: Context<AppEnv>): Actor => actingKey(c.var.principal);
