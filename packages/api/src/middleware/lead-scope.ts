import { createMiddleware } from "hono/factory";
import { Leads } from "@parom/core/lead";
import type { AppEnv } from "../env.js";

/**
 * Mounted on every route under `/api/leads/{id}`: a manager's key gets the 404 of a missing lead
 * for a lead not assigned to them, before any permission or body is looked at, so another's lead
 * answers exactly like an id that does not exist. Those who see every lead pass without a read.
 */
export const ownLeadOnly = createMiddleware<AppEnv>(async (c, next) => {
  await Leads.assertVisible(c.var.ctx, c.var.principal, c.req.param("id")!);
  await next();
});
