import { Hono } from "hono";
import { compareHypotheses, CompareQuery } from "@parom/core/analytics";
import { OptimizationInput, Optimizations } from "@parom/core/hypothesis";
import { optimizationReport } from "@parom/core/optimization";
import type { AppEnv } from "../env.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody, queryParams } from "../validate.js";
import { actorOf, readHypotheses, writeHypotheses } from "./hypothesis-access.js";

/**
 * GET /compare?ids=a,b&minLeads&minClients -> channels side by side at cohort ages 30/60/90;
 * POST /:id/optimizations {area, change, startedOn} -> 201 with the record;
 * GET /:id/optimizations -> {items: [record + windows, before, after, improved], asOf, confidence, maturityDays}.
 */
export const hypothesisOptimizationRoutes = new Hono<AppEnv>()
  .get(
    "/compare",
    readHypotheses,
    describeRoute({
      summary: "Channels side by side at cohort ages 30, 60 and 90 days",
      query: CompareQuery,
      response: { description: "`{asOf, ages, minLeads, minClients, items: [{hypothesisId, title, channel, stage, ages}]}`" },
    }),
    async (c) => c.json(await compareHypotheses(c.var.ctx, queryParams(c, CompareQuery))),
  )
  .post(
    "/:id/optimizations",
    writeHypotheses,
    describeRoute({
      summary: "Record an optimization (audience, channel, placement or process change)",
      body: OptimizationInput,
      response: { status: 201, description: "The optimization record." },
      errors: { 409: "The hypothesis is closed." },
    }),
    async (c) => {
      const input = await jsonBody(c, OptimizationInput);
      return c.json(await Optimizations.record(c.var.ctx, c.req.param("id"), input, actorOf(c)), 201);
    },
  )
  .get(
    "/:id/optimizations",
    readHypotheses,
    describeRoute({
      summary: "Each optimization with KPIs before and after on equal cohort windows",
      response: { description: "`{items: [record + windows, before, after, improved], asOf, confidence, maturityDays}`" },
    }),
    async (c) => c.json(await optimizationReport(c.var.ctx, c.req.param("id"))),
  );
