import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";
import { decodeCursor, encodeCursor } from "./cursor.js";

type Query = Omit<QueryCommandInput, "TableName" | "ExclusiveStartKey" | "Limit">;

/** Every item a query matches, following DynamoDB's pages. For bounded partitions only. */
export async function queryAll(ctx: Ctx, query: Query): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
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
): Promise<{ items: Record<string, any>[]; nextCursor: string | null }> {
  const result = await ctx.doc.send(
    new QueryCommand({ ...query, TableName: ctx.table, Limit: page.limit, ExclusiveStartKey: decodeCursor(page.cursor) }),
  );
  return { items: result.Items ?? [], nextCursor: encodeCursor(result.LastEvaluatedKey) };
}
