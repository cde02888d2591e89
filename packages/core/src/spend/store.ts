import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";
import { recordSpend } from "../counters/cohort-counters.js";
import { queryAll } from "../db/query-all.js";
import { transact, TransactionCancelledError, type TransactItem } from "../db/transact.js";
import { ConflictError } from "../errors.js";

/** The ad cost of one campaign on one day: one item, replaced on re-import, never added to. */
export type StoredDaySpend = {
  campaignId: string;
  hypothesisId: string;
  date: string;
  costKopecks: number;
  currency: string;
  updatedAt: string;
};

export const spendKeys = {
  day: (campaignId: string, date: string) => ({ pk: `SPEND#${campaignId}`, sk: `DAY#${date}` }),
};

const MAX_ATTEMPTS = 10;

/**
 * Stores a day's cost in place of whatever was there, moves the day's `spend` counter by the
 * difference and marks the day's spend as recorded (an explicit 0 too), in one transaction. The put is conditional on the cost read just before, so a
 * concurrent import of the same day makes this one re-read and retry, and the counter always
 * equals the stored cost. Returns the cost replaced, or null when the day had none.
 */
export async function replaceDaySpend(ctx: Ctx, day: Omit<StoredDaySpend, "updatedAt">): Promise<number | null> {
  const key = spendKeys.day(day.campaignId, day.date);
  for (let attempt = 1; ; attempt++) {
    const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: key, ConsistentRead: true }));
    const previous = Item ? Number(Item.costKopecks) : null;
    const put: TransactItem = {
      Put: {
        TableName: ctx.table,
        Item: { ...key, type: "spend", ...day, updatedAt: ctx.now().toISOString() },
        ...(previous === null
          ? { ConditionExpression: "attribute_not_exists(pk)" }
          : { ConditionExpression: "costKopecks = :previous", ExpressionAttributeValues: { ":previous": previous } }),
      },
    };
    const delta = day.costKopecks - (previous ?? 0);
    try {
      // The counter is written even when the cost is unchanged: it marks the day's spend as recorded.
      await transact(ctx, [put, recordSpend(ctx, day.campaignId, day.date, delta)]);
      return previous;
    } catch (error) {
      if (!(error instanceof TransactionCancelledError && error.failedCondition(0))) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new ConflictError("spend_contended", `the spend of campaign ${day.campaignId} on ${day.date} kept changing during the import; send it again`);
      }
    }
  }
}

/** A campaign's stored daily costs for days in [from, to] (inclusive ISO days), oldest first. */
export async function readDaySpend(ctx: Ctx, campaignId: string, from = "0000-00-00", to = "9999-99-99"): Promise<StoredDaySpend[]> {
  const items = await queryAll(ctx, {
    KeyConditionExpression: "pk = :p AND sk BETWEEN :from AND :to",
    ExpressionAttributeValues: { ":p": spendKeys.day(campaignId, "").pk, ":from": `DAY#${from}`, ":to": `DAY#${to}` },
  });
  return items.map((item) => ({
    campaignId: item.campaignId,
    hypothesisId: item.hypothesisId,
    date: item.date,
    costKopecks: Number(item.costKopecks),
    currency: item.currency,
    updatedAt: item.updatedAt,
  }));
}
