import { Hono } from "hono";
import { QualityQuery, qualityReport } from "@parom/core/quality";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { queryParams } from "../validate.js";

/** The lead-handling audit; it reads leads, see quality/report.ts for its cost. */
export const qualityRoutes = new Hono<AppEnv>()
  .use(allow("quality.read"))
  .get(
    "/",
    describeRoute({
      summary: "Lead handling per responsible person",
      description: "Missing required tags and the median hours to a first contact, for one hypothesis or all.",
      query: QualityQuery,
      response: { description: "`{hypothesisId, people: [one per responsible person], leadsRead, asOf}`." },
    }),
    async (c) => c.json(await qualityReport(c.var.ctx, queryParams(c, QualityQuery))),
  );
