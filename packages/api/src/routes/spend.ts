import { Hono } from "hono";
import { chooseSpendFormat, SpendImportQuery } from "../../../core/src/spend/formats/index.js";
import { Spend, SpendQuery } from "../../../core/src/spend/spend.js";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { queryParams } from "../validate.js";

/**
 * POST: a spend file (format detected from Content-Type and content, or named by `?format=`;
 * `?moneyInMicros=true|false` for an ad platform's export) -> `{imported, replaced, rejected:
 * [{row, errors, platformCampaign?}]}`; `row` is the 1-based data row under the header for CSV
 * and the platforms' exports, the 0-based index in `rows` for JSON. GET `?campaignId=&from=&to=`:
 * a campaign's stored daily spend.
 */
export const spendRoutes = new Hono<AppEnv>()
  .use(allow("owner", "marketer"))
  .post("/", async (c) => {
    const query = queryParams(c, SpendImportQuery);
    const text = await c.req.text();
    const format = chooseSpendFormat({ contentType: c.req.header("content-type") ?? "", text }, query.format);
    return c.json(await Spend.import(c.var.ctx, format.parse(text, { moneyInMicros: query.moneyInMicros })));
  })
  .get("/", async (c) => c.json({ items: await Spend.list(c.var.ctx, queryParams(c, SpendQuery)) }));
