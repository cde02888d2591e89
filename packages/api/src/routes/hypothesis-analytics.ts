import { Hono } from "hono";
import { z } from "zod";
import { cohortTable, forecast, funnel, readHypothesisCounters } from "@parom/core/analytics";
import { positiveKopecks } from "@parom/core";
import type { AppEnv } from "../env.js";
import { describeRoute } from "../openapi/describe.js";
import { queryParams } from "../validate.js";
import { readHypotheses } from "./hypothesis-access.js";

const CohortsQuery = z.strictObject({ by: z.enum(["month", "week"]).default("month") });
const NoQuery = z.strictObject({});

const ForecastQuery = z.strictObject({
  budget: z
    .string({ error: "is required: the budget to forecast, e.g. budget=1000000" })
    .transform(positiveKopecks),
});

/** Cohorts, funnel and forecast of a hypothesis, all read from its campaigns' counters. */
export const hypothesisAnalyticsRoutes = new Hono<AppEnv>()
  .get(
    "/:id/cohorts",
    readHypotheses,
    describeRoute({
      summary: "Cohort table by month or ISO week of arrival",
      query: CohortsQuery,
      response: { description: "Rows of leads, clients, revenue, spend, CAC and ROMI by cohort and age; immature cells are marked." },
    }),
    async (c) => {
      const { by } = queryParams(c, CohortsQuery);
      const { hypothesis, days, wins, unpaidCampaignIds, asOf } = await readHypothesisCounters(c.var.ctx, c.req.param("id"));
      return c.json({ hypothesisId: hypothesis.id, ...cohortTable({ days, wins, by, asOf, maturityDays: hypothesis.maturityDays, unpaidCampaignIds }) });
    },
  )
  .get(
    "/:id/funnel",
    readHypotheses,
    describeRoute({
      summary: "Funnel: stages reached, step rates, the largest drop-off and lost reasons",
      query: NoQuery,
      response: { description: "`{hypothesisId, ...}` the funnel across all campaigns." },
    }),
    async (c) => {
      queryParams(c, NoQuery);
      const { hypothesis, days, lostReasons, asOf } = await readHypothesisCounters(c.var.ctx, c.req.param("id"));
      return c.json({ hypothesisId: hypothesis.id, ...funnel({ days, lostReasons, asOf, maturityDays: hypothesis.maturityDays }) });
    },
  )
  .get(
    "/:id/forecast",
    readHypotheses,
    describeRoute({
      summary: "What a budget would bring: a waterfall from mature cohorts with 80% intervals",
      query: ForecastQuery,
      response: { description: "The waterfall, or `insufficient_data` with its reasons." },
    }),
    async (c) => {
      const { budget } = queryParams(c, ForecastQuery);
      const { hypothesis, days, unpaidCampaignIds, asOf } = await readHypothesisCounters(c.var.ctx, c.req.param("id"));
      return c.json({ hypothesisId: hypothesis.id, ...forecast({ days, budget, asOf, maturityDays: hypothesis.maturityDays, unpaidCampaignIds }) });
    },
  );
