import { Hono } from "hono";
import { can } from "@parom/core/access";
import { readResults, ResultsQuery } from "@parom/core/people-results";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { queryParams } from "../validate.js";

/** The monthly results board of the sales department (people-results/board.ts). Mounted ahead of /api/people/:id. */
export const peopleResultRoutes = new Hono<AppEnv>().get(
  "/results",
  allow("results.read"),
  describeRoute({
    summary: "The month's results board of the sales department",
    description:
      "Per segment (the lead's source x its `clientType` tag, untagged its own) and per person with leads that arrived in the month and are assigned to them: " +
      "leads assigned, reached within the contact rule, median minutes to a first attempt, qualified, won, revenue (roubles, a decimal string), conversion won/assigned with its 95% interval, " +
      "the segment's best and worst conversion (among people with at least `minLeadsToCompare` leads) and each person's record month. " +
      "People are compared only within a segment. A manager sees only the segments they have leads in.",
    query: ResultsQuery,
    response: { description: "`{month, minLeadsToCompare, segments: [{sourceId, sourceName, clientType, people: [...]}]}`" },
  }),
  async (c) => {
    const principal = c.var.principal;
    const onlySegmentsOf = can(principal, "results.readAll") ? null : (principal.personId ?? "");
    return c.json(await readResults(c.var.ctx, queryParams(c, ResultsQuery), { onlySegmentsOf }));
  },
);
