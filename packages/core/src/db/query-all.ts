import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";
import { decodeCursor, encodeCursor, invalidCursor, type CursorShape } from "./cursor.js";

type Query = Omit<QueryCommandInput, "TableName" | "ExclusiveStartKey" | "Limit">;

/** Every item a query matches, following DynamoDB's pages. For bounded partitions only. */
export async function queryAll(ctx: Ctx, query: Query): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await ctx.doc.send(new QueryCommand({ ...query, TableName: ctx.table, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** One page of a query, with an opaque cursor for the next (null on the last page). */
export async function queryPage(
  ctx: Ctx,
  query: Query,
  page: { cursor?: string; limit: number },
): Promise<{ items: Record<string, unknown>[]; nextCursor: string | null }> {
  const ExclusiveStartKey = decodeCursor(page.cursor, shapeOf(query));
  try {
    const result = await ctx.doc.send(new QueryCommand({ ...query, TableName: ctx.table, Limit: page.limit, ExclusiveStartKey }));
    return { items: result.Items ?? [], nextCursor: encodeCursor(result.LastEvaluatedKey) };
  } catch (error) {
    // A well-formed key outside the query's sort-key range: DynamoDB refuses it, and so do we, as invalid input.
    if (ExclusiveStartKey && (error as Error).name === "ValidationException") throw invalidCursor("it is outside this listing");
    throw error;
  }
}

/** The index and partition a query reads, from its key condition's leading `attr = :value`. */
function shapeOf(query: Query): CursorShape {
  const match = /^\s*(\w+)\s*=\s*(:\w+)/.exec(query.KeyConditionExpression ?? "");
  const partition = match ? { attribute: match[1]!, value: query.ExpressionAttributeValues?.[match[2]!] } : undefined;
  return { index: query.IndexName, partition };
}
