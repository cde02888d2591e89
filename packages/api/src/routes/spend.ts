import { Hono } from "hono";
import { chooseSpendFormat } from "../../../core/src/spend/formats/index.js";
import { Spend, SpendQuery } from "../../../core/src/spend/spend.js";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { queryParams } from "../validate.js";

/**
 * POST: a spend file (format detected from Content-Type and content, or named by `?format=`)
 * -> `{imported, replaced, rejected: [{row, errors}]}`; `row` is the 1-based data row for CSV, the
 * 0-based index in `rows` for JSON. GET `?campaignId=&from=&to=`: a campaign's stored daily spend.
 */
export const spendRoutes = new Hono<AppEnv>()
  .use(allow("owner", "marketer"))
  .post("/", async (c) => {
    const text = await c.req.text();
    const format = chooseSpendFormat({ contentType: c.req.header("content-type") ?? "", text }, c.req.query("format"));
    return c.json(await Spend.import(c.var.ctx, format.parse(text)));
  })
  .get("/", async (c) => c.json({ items: await Spend.list(c.var.ctx, queryParams(c, SpendQuery)) }));
