import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Ctx } from "../context.js";
import { queryAll, queryPage } from "../db/query-all.js";
import { NotFoundError } from "../errors.js";

/** What a listing shows of a kept reconciliation: everything but the per-client arrays. */
export type ReconciliationSummary = {
  id: string;
  createdAt: string;
  /** `key:<api key id>` of whoever posted the file. */
  createdBy: string;
  /** The won leads compared: those won on these days (inclusive). */
  period: { from: string; to: string };
  encoding: string;
  totals: { accountingClients: number; crmWon: number; matched: number };
};

/**
 * Where reconciliations live. The head item holds the summary and sits in the listing (gsi1, by
 * id = time); the arrays are gzipped JSON split into parts under the same partition, because a
 * 5 MB accounting file's result can pass DynamoDB's 400 KB item limit.
 */
export const reconciliationKeys = {
  head: (id: string) => ({ pk: `RECONCILIATION#${id}`, sk: "HEAD" }),
  part: (id: string, index: number) => ({ pk: `RECONCILIATION#${id}`, sk: `PART#${String(index).padStart(4, "0")}` }),
  listing: (id: string) => ({ gsi1pk: "RECONCILIATIONS", gsi1sk: id }),
};

/** Bytes per part: well under the item limit, leaving room for the keys. */
const PART_BYTES = 350_000;

export const ReconciliationStore = {
  /**
   * Keeps a reconciliation. The parts go first and the head last, so a reader that finds the head
   * finds every part; a crash in between leaves only unlisted parts behind, never half a result.
   */
  async save(ctx: Ctx, summary: ReconciliationSummary, details: object): Promise<void> {
    const packed = gzipSync(JSON.stringify(details));
    const parts: Buffer[] = [];
    for (let start = 0; start < packed.length; start += PART_BYTES) parts.push(packed.subarray(start, start + PART_BYTES));
    await Promise.all(
      parts.map((data, index) =>
        ctx.doc.send(
          new PutCommand({
            TableName: ctx.table,
            Item: { ...reconciliationKeys.part(summary.id, index), type: "reconciliationPart", data },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        ),
      ),
    );
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.table,
        Item: { ...reconciliationKeys.head(summary.id), ...reconciliationKeys.listing(summary.id), type: "reconciliation", parts: parts.length, ...summary },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  },

  /** The summary and the details as saved; 404 for an id never saved. */
  async load(ctx: Ctx, id: string): Promise<{ summary: ReconciliationSummary; details: Record<string, unknown> }> {
    const items = await queryAll(ctx, {
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": reconciliationKeys.head(id).pk },
      ConsistentRead: true,
    });
    const head = items.find((item) => item.sk === "HEAD");
    if (!head) throw new NotFoundError("reconciliation", id);
    // Parts sort by their zero-padded index, which Query already returns in order.
    const parts = items.filter((item) => item.sk.startsWith("PART#")).map((item) => item.data as Uint8Array);
    return { summary: toSummary(head), details: JSON.parse(gunzipSync(Buffer.concat(parts)).toString("utf8")) };
  },

  /** Newest first, one index query per page. */
  async list(ctx: Ctx, page: { cursor?: string; limit: number }): Promise<{ items: ReconciliationSummary[]; nextCursor: string | null }> {
    const result = await queryPage(
      ctx,
      {
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :p",
        ExpressionAttributeValues: { ":p": reconciliationKeys.listing("").gsi1pk },
        ScanIndexForward: false,
      },
      page,
    );
    return { items: result.items.map(toSummary), nextCursor: result.nextCursor };
  },
};

function toSummary(item: Record<string, any>): ReconciliationSummary {
  return { id: item.id, createdAt: item.createdAt, createdBy: item.createdBy, period: item.period, encoding: item.encoding, totals: item.totals };
}
