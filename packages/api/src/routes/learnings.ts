import { Hono } from "hono";
import { Learnings, LearningsQuery } from "@parom/core/hypothesis";
import type { AppEnv } from "../env.js";
import { describeRoute } from "../openapi/describe.js";
import { queryParams } from "../validate.js";
import { readHypotheses } from "./hypothesis-access.js";

export const learningRoutes = new Hono<AppEnv>().get(
  "/",
  readHypotheses,
  describeRoute({
    summary: "The learnings archive: closed hypotheses with their result, figures at closing and lesson, newest first",
    description:
      "`channel`: one channel exactly; `q`: text found (any case) in the title, statement or lesson. " +
      "`result` is `scaled` (closed after scale-out) or `stopped`; `gatePassed` says whether every target was met at closing; " +
      "`figures` {leads, clients, revenue, spend, cpl, cac, romi, conversion, asOf} are as they stood at closing (money in roubles, rates as fractions) and never change afterwards.",
    query: LearningsQuery,
    response: { description: "`{items: [{hypothesisId, title, statement, channel, result, closedFrom, gatePassed, figures, lesson, reason, closedAt, closedBy}]}`" },
  }),
  async (c) => c.json({ items: await Learnings.list(c.var.ctx, queryParams(c, LearningsQuery)) }),
);
