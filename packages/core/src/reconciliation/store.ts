import { gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";
import type { Ctx } from "../context.js";
import { bytesSchema } from "../db/bytes.js";
import { readCollection } from "../db/collection.js";
import { defineEntity } from "../db/entity.js";
import { NotFoundError } from "../errors.js";

const Summary = z.object({
  id: z.string(),
  createdAt: z.string(),
  /** `key:<api key id>` of whoever posted the file. */
  createdBy: z.string(),
  /** The won leads compared: those won on these days (inclusive). */
  period: z.object({ from: z.string(), to: z.string() }),
  encoding: z.string(),
  totals: z.object({ accountingClients: z.number(), crmWon: z.number(), matched: z.number() }),
});

/** What a listing shows of a kept reconciliation: everything but the per-client arrays. */
export type ReconciliationSummary = z.infer<typeof Summary>;

/*
 * Where reconciliations live. The head item holds the summary and sits in the listing (by id =
 * time); the arrays are gzipped JSON split into parts under the same partition, because a 5 MB
 * accounting file's result can pass DynamoDB's 400 KB item limit.
 */
const partition = (id: string) => `RECONCILIATION#${id}`;
const HEAD = "HEAD";
const PART = "PART#";

export const ReconciliationEntity = defineEntity({
  type: "reconciliation",
  schema: Summary.extend({ parts: z.number() }),
  key: ({ id }: { id: string }) => ({ pk: partition(id), sk: HEAD }),
  partition: { of: ({ id }: { id: string }) => partition(id), sortKey: HEAD },
  patterns: {
    all: { index: "gsi1", partition: (_: object) => "RECONCILIATIONS", sort: (r: { id: string }) => r.id },
  },
});

/** One part of the gzipped details. The item holds only its bytes, so the put names its key. */
export const ReconciliationPartEntity = defineEntity({
  type: "reconciliationPart",
  schema: z.object({ data: bytesSchema }),
  key: ({ id, index }: { id: string; index: number }) => ({ pk: partition(id), sk: `${PART}${String(index).padStart(4, "0")}` }),
  partition: { of: ({ id }: { id: string }) => partition(id), sortPrefix: PART },
});

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
    // A part holds only its bytes, so its key is given beside them; a fresh id's parts never exist yet.
    await Promise.all(
      parts.map(async (data, index) => {
        if (!(await ReconciliationPartEntity.put(ctx, { data }, "new", { id: summary.id, index }))) throw new Error(`reconciliation ${summary.id} part ${index} exists already`);
      }),
    );
    await ReconciliationEntity.put(ctx, { ...summary, parts: parts.length }, "new");
  },

  /** The summary and the details as saved; 404 for an id never saved. */
  async load(ctx: Ctx, id: string): Promise<{ summary: ReconciliationSummary; details: Record<string, unknown> }> {
    // Parts sort by their zero-padded index, which Query already returns in order.
    const { head: [head], parts } = await readCollection(ctx, partition(id), { head: ReconciliationEntity, parts: ReconciliationPartEntity }, { consistent: true });
    if (!head) throw new NotFoundError("reconciliation", id);
    return { summary: toSummary(head), details: JSON.parse(gunzipSync(Buffer.concat(parts.map((part) => part.data))).toString("utf8")) };
  },

  /** Newest first, one index query per page. */
  async list(ctx: Ctx, page: { cursor?: string; limit: number }): Promise<{ items: ReconciliationSummary[]; nextCursor: string | null }> {
    const result = await ReconciliationEntity.page(ctx, "all", {}, { ...page, newestFirst: true });
    return { items: result.items.map(toSummary), nextCursor: result.nextCursor };
  },
};

const toSummary = ({ parts: _parts, ...summary }: z.infer<typeof ReconciliationEntity.schema>): ReconciliationSummary => summary;
