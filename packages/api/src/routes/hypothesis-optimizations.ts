import { actingKey } from "@parom/core/access";
import { Hono } from "hono";
import { compareHypotheses, CompareQuery } from "@parom/core/analytics";
import { OptimizationInput, optimizationReport, Optimizations } from "@parom/core/optimization";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody, queryParams } from "../validate.js";

// Like the KPIs, these span every contractor's campaigns: owners and marketers only. Middleware
// stays per route, since this sub-app shares its mount point with the plain hypothesis routes.
const read = allow("hypotheses.read");
const write = allow("hypotheses.write");

const docs = {
  compare: describeRoute({
    summary: "Channels side by side at cohort ages 30, 60 and 90 days",
    query: CompareQuery,
    response: { description: "`{asOf, ages, minLeads, minClients, items: [{hypothesisId, title, channel, stage, ages}]}`" },
  }),
  record: describeRoute({
    summary: "Record an optimization (audience, channel, placement or process change)",
    body: OptimizationInput,
    response: { status: 201, description: "The optimization record." },
    errors: { 409: "The hypothesis is closed." },
  }),
  report: describeRoute({
    summary: "Each optimization with KPIs before and after on equal cohort windows",
    response: { description: "`{items: [record + windows, before, after, improved], asOf, confidence, maturityDays}`" },
  }),
};

/**
 * GET /compare?ids=a,b&minLeads&minClients -> channels side by side at cohort ages 30/60/90;
 * POST /:id/optimizations {area, change, startedOn} -> 201 with the record;
 * GET /:id/optimizations -> {items: [record + windows, before, after, improved], asOf, confidence, maturityDays}.
 */
export const hypothesisOptimizationRoutes = new Hono<AppEnv>()
  .get("/compare", docs.compare, read, async (c) => c.json(await compareHypotheses(c.var.ctx, queryParams(c, CompareQuery))))
  .post("/:id/optimizations", docs.record, write, async (c) => {
    const input = await jsonBody(c, OptimizationInput);
    const actor = actingKey(c.var.principal);
    return c.json(await Optimizations.record(c.var.ctx, c.req.param("id"), input, actor), 201);
  })
  .get("/:id/optimizations", docs.report, read, async (c) => c.json(await optimizationReport(c.var.ctx, c.req.param("id"))));
