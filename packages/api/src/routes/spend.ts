import { Hono } from "hono";
import { chooseSpendFormat, Spend, SpendImportQuery, SpendQuery } from "@parom/core/spend";
import { declaredCharset, decodeText } from "@parom/core/text";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { queryParams } from "../validate.js";

/**
 * POST: a spend file (format detected from Content-Type and content, or named by `?format=`;
 * `?moneyInMicros=true|false` for an ad platform's export) -> `{imported, replaced, rejected:
 * [{row, errors, platformCampaign?}]}`; `row` is the 1-based data row under the header for CSV
 * and the platforms' exports, the 0-based index in `rows` for JSON. GET `?campaignId=&from=&to=`:
 * a campaign's stored daily spend.
 */
export const spendRoutes = new Hono<AppEnv>()
  .use(allow("spend.manage"))
  .post(
    "/",
    describeRoute({
      summary: "Import daily ad spend",
      description:
        "A CSV or JSON file of `date, utm_source, utm_campaign, cost, currency?` rows, or an ad platform's export (Yandex.Direct " +
        "report TSV, Google Ads campaign report, VK Ads statistics) matched to campaigns by utm_campaign or platform campaign id. " +
        "The format is detected from Content-Type and content unless `?format=` names it. A day already imported is replaced. " +
        "The body is read in the `charset` its Content-Type declares (e.g. `text/csv; charset=windows-1251` for Excel's Russian CSV), " +
        "UTF-8 without one; bytes not valid in it, or an unknown charset, are a 400.",
      query: SpendImportQuery,
      bodies: {
        "text/csv": { description: "A header row, then a row per campaign and day.", example: "date,utm_source,utm_campaign,cost\n2026-03-01,vk,spring,1500.50" },
        "application/json": { example: { rows: [{ date: "2026-03-01", utm_source: "vk", utm_campaign: "spring", cost: "1500.50" }] } },
        "text/plain": { description: "An ad platform's export as downloaded (tab- or comma-separated)." },
      },
      response: { description: "`{imported, replaced, rejected: [{row, errors, platformCampaign?}]}`." },
    }),
    async (c) => {
      const query = queryParams(c, SpendImportQuery);
      // Read strictly in the declared charset (UTF-8 without one): a campaign named in U+FFFD matches nothing.
      const text = decodeText(new Uint8Array(await c.req.arrayBuffer()), declaredCharset(c.req.header("content-type")));
      const format = chooseSpendFormat({ contentType: c.req.header("content-type") ?? "", text }, query.format);
      return c.json(await Spend.import(c.var.ctx, format.parse(text, { moneyInMicros: query.moneyInMicros })));
    },
  )
  .get(
    "/",
    describeRoute({
      summary: "A campaign's stored daily spend",
      query: SpendQuery,
      response: { description: "`{items: [{campaignId, hypothesisId, date, cost, currency, updatedAt}]}`, one per day." },
    }),
    async (c) => c.json({ items: await Spend.list(c.var.ctx, queryParams(c, SpendQuery)) }),
  );
