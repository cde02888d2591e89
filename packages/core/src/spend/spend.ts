import { z } from "zod";
import { IdSchema } from "../db/key-limits.js";
import { isoDaySchema } from "../dates.js";
import { Campaigns, utmMatchValue } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { DomainError, NotFoundError } from "../errors.js";
import { Hypotheses } from "../hypothesis/hypothesis.js";
import { formatKopecks } from "../money.js";
import { platformCampaignFinder, platformCampaignOf, type PlatformCampaignRef } from "./platform-campaigns.js";
import type { ParsedRow, PlatformSpendRow, SpendRow } from "./spend-row.js";
import { readDaySpend, replaceDaySpend } from "./store.js";

/** A row not stored and why; an ad platform's row that reached matching also names its platform campaign. */
export type RejectedSpendRow = { row: number; errors: string[]; platformCampaign?: PlatformCampaignRef };

/**
 * `imported`: rows stored. `replaced`: of those, rows whose campaign and day already had a cost,
 * which they replaced rather than added to. Every row of the body is in `imported` or `rejected`.
 */
export type SpendImportResult = { imported: number; replaced: number; rejected: RejectedSpendRow[] };

/** A stored day of spend as the API shows it (cost as a decimal string). */
export type SpendDay = { campaignId: string; hypothesisId: string; date: string; cost: string; currency: string; updatedAt: string };

export const SpendQuery = z.strictObject({
  campaignId: IdSchema,
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
});

/** A request path may run for about 30 s; larger files are split by the sender. */
export const MAX_SPEND_ROWS = 5000;
const PARALLEL = 8;
const DEFAULT_CURRENCY = "RUB";

type Target = { campaignId: string; hypothesisId: string; currency: string } | { error: string };
type DayTotal = { campaignId: string; hypothesisId: string; date: string; costKopecks: number; currency: string; rows: number };

export const Spend = {
  /**
   * Stores parsed spend rows. A row is rejected, with sentences naming the field, when it did not
   * parse, matches no campaign (or, for an ad platform's row, several), or names a currency other
   * than its hypothesis'. Rows of one campaign and day are summed first (an export split by ad
   * group), and the sum replaces what that day held, so importing a file twice leaves the totals
   * as they were.
   */
  async import(ctx: Ctx, rows: ParsedRow[]): Promise<SpendImportResult> {
    if (rows.length > MAX_SPEND_ROWS) {
      throw new DomainError("too_many_rows", `at most ${MAX_SPEND_ROWS} rows per import; this one has ${rows.length}, split it`, "too_large");
    }
    const rejected: RejectedSpendRow[] = [];
    const days = new Map<string, DayTotal>();
    const targetOf = targets(ctx);
    await inParallel(rows, async (parsed) => {
      if ("errors" in parsed) return void rejected.push(parsed);
      const target = await targetOf(parsed.spend);
      if ("error" in target) {
        const platform = "platform" in parsed.spend ? { platformCampaign: platformCampaignOf(parsed.spend) } : {};
        return void rejected.push({ row: parsed.row, errors: [target.error], ...platform });
      }
      const key = `${target.campaignId}#${parsed.spend.date}`;
      const day = days.get(key) ?? { ...target, date: parsed.spend.date, costKopecks: 0, rows: 0 };
      day.costKopecks += parsed.spend.costKopecks;
      day.rows += 1;
      days.set(key, day);
    });

    let imported = 0;
    let replaced = 0;
    await inParallel([...days.values()], async ({ rows: count, ...day }) => {
      const previous = await replaceDaySpend(ctx, day);
      imported += count;
      if (previous !== null) replaced += count;
    });
    return { imported, replaced, rejected: rejected.sort((a, b) => a.row - b.row) };
  },

  /** A campaign's stored daily spend in [from, to], oldest first; 404 for an unknown campaign. */
  async list(ctx: Ctx, query: z.infer<typeof SpendQuery>): Promise<SpendDay[]> {
    await Campaigns.get(ctx, query.campaignId);
    const days = await readDaySpend(ctx, query.campaignId, query.from, query.to);
    return days.map(({ costKopecks, ...day }) => ({ ...day, cost: formatKopecks(costKopecks) }));
  },
};

/**
 * Finds each row's campaign and checks its currency, looking each UTM pair and hypothesis up once
 * per import and an ad platform's campaigns once per import.
 */
function targets(ctx: Ctx) {
  const campaigns = new Map<string, ReturnType<typeof Campaigns.attribute>>();
  const currencies = new Map<string, Promise<string | null>>();
  const findPlatformCampaign = platformCampaignFinder(ctx);
  const currencyOf = (hypothesisId: string) => {
    let currency = currencies.get(hypothesisId);
    if (!currency) {
      currency = Hypotheses.get(ctx, hypothesisId).then(
        (hypothesis) => (hypothesis.currency ?? DEFAULT_CURRENCY).toUpperCase(),
        (error) => (error instanceof NotFoundError ? null : Promise.reject(error)),
      );
      currencies.set(hypothesisId, currency);
    }
    return currency;
  };
  const byUtm = async (row: SpendRow): Promise<{ campaignId: string; hypothesisId: string } | { error: string }> => {
    const pair = `${utmMatchValue(row.utmSource)}\n${utmMatchValue(row.utmCampaign)}`;
    let campaign = campaigns.get(pair);
    if (!campaign) campaigns.set(pair, (campaign = Campaigns.attribute(ctx, row.utmSource, row.utmCampaign)));
    return (
      (await campaign) ?? {
        error: `utm_source "${row.utmSource}" with utm_campaign "${row.utmCampaign}" matches no campaign; add the campaign to its hypothesis first.`,
      }
    );
  };
  const byPlatform = async (row: PlatformSpendRow) => {
    const match = await findPlatformCampaign(row);
    return "error" in match ? match : { campaignId: match.campaign.id, hypothesisId: match.campaign.hypothesisId };
  };

  return async (row: SpendRow | PlatformSpendRow): Promise<Target> => {
    const attribution = "platform" in row ? await byPlatform(row) : await byUtm(row);
    if ("error" in attribution) return attribution;
    const currency = await currencyOf(attribution.hypothesisId);
    if (currency === null) return { error: `the campaign's hypothesis ${attribution.hypothesisId} does not exist.` };
    if (row.currency !== null && row.currency !== currency) {
      return { error: `currency ${row.currency} differs from the hypothesis currency ${currency}; convert the cost to ${currency}.` };
    }
    return { campaignId: attribution.campaignId, hypothesisId: attribution.hypothesisId, currency };
  };
}

/** Runs `work` over `items` with at most PARALLEL in flight (one DynamoDB client, bounded sockets). */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}
