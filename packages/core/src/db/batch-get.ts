import { BatchGetCommand, type BatchGetCommandOutput } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";
import { backoffMs } from "./retry.js";

/** DynamoDB's ceiling on the keys of one BatchGet. */
export const BATCH_GET_MAX = 100;

/** The items at `keys` that exist, in chunks of BATCH_GET_MAX, in no particular order. */
export async function batchGetAll(ctx: Ctx, keys: { pk: string; sk: string }[], options: { consistent?: boolean } = {}): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let start = 0; start < keys.length; start += BATCH_GET_MAX) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(start, start + BATCH_GET_MAX);
    // Not a retry on failure: DynamoDB returns what it could not read under load, and those keys are asked for again until none is left.
    for (let round = 0; pending && pending.length > 0; round++) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, backoffMs(round, 25, 1000)));
      const result: BatchGetCommandOutput = await ctx.doc.send(
        new BatchGetCommand({ RequestItems: { [ctx.table]: { Keys: pending, ConsistentRead: options.consistent } } }),
      );
      items.push(...(result.Responses?.[ctx.table] ?? []));
      pending = result.UnprocessedKeys?.[ctx.table]?.Keys;
    }
  }
  return items;
}
