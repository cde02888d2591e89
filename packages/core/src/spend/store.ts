import { z } from "zod";
import type { Ctx } from "../context.js";
import { recordSpend } from "../counters/cohort-counters.js";
import { defineEntity } from "../db/entity.js";
import { withRetry } from "../db/retry.js";
import { transact, TransactionCancelledError } from "../db/transact.js";
import { ConflictError } from "../errors.js";

/** The ad cost of one campaign on one day: one item, replaced on re-import, never added to. */
export const DaySpendEntity = defineEntity({
  type: "spend",
  schema: z.object({
    campaignId: z.string(),
    hypothesisId: z.string(),
    date: z.string(),
    costKopecks: z.number(),
    currency: z.string(),
    updatedAt: z.string(),
  }),
  key: ({ campaignId, date }: { campaignId: string; date: string }) => ({ pk: `SPEND#${campaignId}`, sk: `DAY#${date}` }),
  partition: { of: ({ campaignId }: { campaignId: string }) => `SPEND#${campaignId}`, sortPrefix: "DAY#" },
});

export type StoredDaySpend = z.infer<typeof DaySpendEntity.schema>;

/** Re-reads of a day whose cost another import changed in between, before giving up with a 409. */
const MAX_ATTEMPTS = 10;

/**
 * Stores a day's cost in place of whatever was there, moves the day's `spend` counter by the
 * difference and marks the day's spend as recorded (an explicit 0 too), in one transaction. The put is conditional on the cost read just before, so a
 * concurrent import of the same day makes this one re-read and retry, and the counter always
 * equals the stored cost. Returns the cost replaced, or null when the day had none.
 */
export async function replaceDaySpend(ctx: Ctx, day: Omit<StoredDaySpend, "updatedAt">): Promise<number | null> {
  return withRetry(
    async () => {
      const stored = await DaySpendEntity.get(ctx, day, { consistent: true });
      const previous = stored ? stored.costKopecks : null;
      const condition = previous === null ? "new" : { expression: "costKopecks = :previous", values: { ":previous": previous } };
      const put = DaySpendEntity.putItem(ctx, { ...day, updatedAt: ctx.now().toISOString() }, condition, "daySpend");
      // The counter is written even when the cost is unchanged: it marks the day's spend as recorded.
      await transact(ctx, [put, recordSpend(ctx, day.campaignId, day.date, day.costKopecks - (previous ?? 0))]);
      return previous;
    },
    {
      attempts: MAX_ATTEMPTS,
      retryable: (error) => error instanceof TransactionCancelledError && error.failedCondition("daySpend"),
      exhausted: () => new ConflictError("spend_contended", `the spend of campaign ${day.campaignId} on ${day.date} kept changing during the import; send it again`),
    },
  );
}

/** A campaign's stored daily costs for days in [from, to] (inclusive ISO days), oldest first. */
export async function readDaySpend(ctx: Ctx, campaignId: string, from = "0000-00-00", to = "9999-99-99"): Promise<StoredDaySpend[]> {
  const sk = (date: string) => DaySpendEntity.key({ campaignId, date }).sk;
  return DaySpendEntity.inPartition(ctx, { campaignId }, { sort: { between: [sk(from), sk(to)] } });
}
