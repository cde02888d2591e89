import { Hono } from "hono";
import { QualityQuery, qualityReport } from "../../../core/src/quality/report.js";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { queryParams } from "../validate.js";

/** The lead-handling audit; it reads leads, see quality/report.ts for its cost. */
export const qualityRoutes = new Hono<AppEnv>()
  .use(allow("owner", "marketer"))
  .get("/", async (c) => c.json(await qualityReport(c.var.ctx, queryParams(c, QualityQuery))));
