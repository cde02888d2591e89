import { BatchGetCommand, type BatchGetCommandOutput } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";
import { queryAll } from "../db/query-all.js";
import type { TransactItem } from "../db/transact.js";
import { LeadEntity, wonMonthPartition, WonLeadEntity, type LeadItem } from "./keys.js";

/** BatchGetItem's limit per call. */
const BATCH = 100;

/**
 * Won leads by the day they were won, read without a scan. A won lead gets one reference item
 * under its month (WonLeadEntity) in the same transaction that makes it won; won is final,
 * so the reference never has to be taken back, and it holds only the id, so an amount correction
 * needs no second write: the lead itself is read for its current state.
 */
export const WonLeads = {
  /** The reference item to write with the change that makes `leadId` won on `wonDay`, named "wonLead". */
  reference(ctx: Ctx, leadId: string, wonDay: string): TransactItem {
    return WonLeadEntity.putItem(ctx, { leadId, wonDay }, "new", "wonLead");
  },

  /**
   * The stored leads won from `from` to `to` (ISO days, inclusive), by day won then id;
   * `toLead` (query.ts) shows them; it is not imported here so that the writers of the reference
   * (capture, outcomes) can import this module without an import cycle through query.ts.
   */
  async between(ctx: Ctx, from: string, to: string): Promise<LeadItem[]> {
    const months = monthsBetween(from, to);
    const references = (
      await Promise.all(
        months.map((month) =>
          queryAll(ctx, {
            KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
            // "~" sorts after every ULID character, so the last day's leads are all included.
            ExpressionAttributeValues: { ":pk": wonMonthPartition(`${month}-01`), ":from": from, ":to": `${to}#~` },
            ConsistentRead: true,
          }),
        ),
      )
    )
      .flat()
      .map(WonLeadEntity.parse);
    const items = await getLeads(ctx, references.map((ref) => ref.leadId));
    const byId = new Map(items.map((item) => [item.id, item]));
    return references.flatMap((ref) => byId.get(ref.leadId) ?? []);
  },
};

/** "2026-01-15".."2026-03-02" -> ["2026-01", "2026-02", "2026-03"]. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, "0")}`;
    if (current > last) return months;
    months.push(current);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

async function getLeads(ctx: Ctx, ids: string[]): Promise<LeadItem[]> {
  const items: LeadItem[] = [];
  for (let start = 0; start < ids.length; start += BATCH) {
    let keys: Record<string, unknown>[] | undefined = ids.slice(start, start + BATCH).map((id) => LeadEntity.key({ id }));
    // Not a retry on failure: DynamoDB returns what it could not read under load, and those keys are asked for again until none is left.
    for (let round = 0; keys && keys.length > 0; round++) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** round)));
      const result: BatchGetCommandOutput = await ctx.doc.send(new BatchGetCommand({ RequestItems: { [ctx.table]: { Keys: keys, ConsistentRead: true } } }));
      items.push(...(result.Responses?.[ctx.table] ?? []).map(LeadEntity.parse));
      keys = result.UnprocessedKeys?.[ctx.table]?.Keys;
    }
  }
  return items;
}
