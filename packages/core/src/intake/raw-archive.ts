import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";
import { queryPage } from "../db/query-all.js";
import type { TransactItem } from "../db/transact.js";
import { NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import { declaredCharset, displayText } from "../text/charset.js";

/**
 * Every webhook call exactly as it arrived, stored before anything tries to understand it, so that
 * no lead is lost to a parser bug: an unparseable call waits in quarantine and can be replayed.
 */
export type RawDelivery = {
  id: string;
  sourceId: string;
  receivedAt: string;
  contentType: string | null;
  headers: Record<string, string>;
  /** The body bytes as received (a sender's stray non-UTF-8 byte is kept for a fixed parser). */
  body: Uint8Array;
  /** What the parser said when it refused the body; null once a replay succeeds. */
  error: QuarantineError | null;
  processedAt: string | null;
  /** The lead captured from each lead of the body, by its position: a replay never captures one twice. */
  leads: Record<string, string>;
};

/** The error answer the sender got, kept with the quarantined body. */
export type QuarantineError = { error: string; message: string; issues?: unknown };

// Credentials a sender might add by habit have no business in an archive people browse.
const withheldHeaders = new Set(["authorization", "cookie", "proxy-authorization"]);

const keys = {
  item: (id: string) => ({ pk: `RAW#${id}`, sk: "RAW" }),
  /** Present only while quarantined: the quarantine list is this index, newest first. */
  quarantine: (receivedAt: string, id: string) => ({ gsi1pk: "QUARANTINE", gsi1sk: `${receivedAt}#${id}` }),
};

export const RawArchive = {
  /** Stores a call before it is parsed. */
  async store(ctx: Ctx, input: { sourceId: string; headers: Record<string, string>; body: Uint8Array }): Promise<RawDelivery> {
    const headers = Object.fromEntries(Object.entries(input.headers).filter(([name]) => !withheldHeaders.has(name.toLowerCase())));
    const delivery: RawDelivery = {
      id: newId(),
      sourceId: input.sourceId,
      receivedAt: ctx.now().toISOString(),
      contentType: headers["content-type"] ?? null,
      headers,
      body: input.body,
      error: null,
      processedAt: null,
      leads: {},
    };
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.table,
        Item: { ...keys.item(delivery.id), type: "rawDelivery", ...delivery },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return delivery;
  },

  async get(ctx: Ctx, id: string): Promise<RawDelivery> {
    const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: keys.item(id), ConsistentRead: true }));
    if (!Item) throw new NotFoundError("quarantined delivery", id);
    return toRawDelivery(Item);
  },

  /** Puts a stored call into quarantine with the parser's error (again, on a failed replay). */
  async quarantine(ctx: Ctx, delivery: Pick<RawDelivery, "id" | "receivedAt">, error: QuarantineError): Promise<void> {
    const listing = keys.quarantine(delivery.receivedAt, delivery.id);
    await ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: keys.item(delivery.id),
        UpdateExpression: "SET #error = :e, gsi1pk = :p, gsi1sk = :s",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: { "#error": "error" },
        ExpressionAttributeValues: { ":e": error, ":p": listing.gsi1pk, ":s": listing.gsi1sk },
      }),
    );
  },

  /**
   * A transaction item recording that the body's lead at `index` became `leadId`, which also marks the
   * call processed and out of quarantine, in the same write as the lead. Its condition fails when that
   * lead was already captured (a concurrent replay).
   */
  leadCaptured(ctx: Ctx, deliveryId: string, index: number, leadId: string): TransactItem {
    return {
      Update: {
        TableName: ctx.table,
        Key: keys.item(deliveryId),
        UpdateExpression: "SET processedAt = if_not_exists(processedAt, :now), #error = :null, #leads.#i = :lead REMOVE gsi1pk, gsi1sk",
        ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(#leads.#i)",
        ExpressionAttributeNames: { "#error": "error", "#leads": "leads", "#i": String(index) },
        ExpressionAttributeValues: { ":now": ctx.now().toISOString(), ":null": null, ":lead": leadId },
      },
    };
  },

  /** Marks a call handled when it created no lead (a test, duplicates only, status changes). */
  async processed(ctx: Ctx, deliveryId: string): Promise<void> {
    await ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: keys.item(deliveryId),
        UpdateExpression: "SET processedAt = if_not_exists(processedAt, :now), #error = :null REMOVE gsi1pk, gsi1sk",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: { "#error": "error" },
        ExpressionAttributeValues: { ":now": ctx.now().toISOString(), ":null": null },
      }),
    );
  },

  /** Quarantined calls, newest first. */
  async listQuarantine(ctx: Ctx, page: { cursor?: string; limit: number }): Promise<{ items: RawDelivery[]; nextCursor: string | null }> {
    const result = await queryPage(
      ctx,
      { IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :p", ExpressionAttributeValues: { ":p": "QUARANTINE" }, ScanIndexForward: false },
      page,
    );
    return { items: result.items.map(toRawDelivery), nextCursor: result.nextCursor };
  },

  /** True while the call waits in quarantine. */
  isQuarantined(delivery: RawDelivery): boolean {
    return delivery.error !== null;
  },
};

/**
 * The body for people to read on the quarantine list, in its declared charset. Lossy on purpose (an
 * invalid byte shows as U+FFFD, an unknown charset as UTF-8): the parsers never read this, they
 * decode strictly (receive.ts), so a body shown with U+FFFD is one that was refused.
 */
export function bodyText(delivery: Pick<RawDelivery, "body" | "contentType">): string {
  return displayText(delivery.body, declaredCharset(delivery.contentType));
}

function toRawDelivery(item: Record<string, any>): RawDelivery {
  return {
    id: item.id,
    sourceId: item.sourceId,
    receivedAt: item.receivedAt,
    contentType: item.contentType ?? null,
    headers: item.headers ?? {},
    body: item.body instanceof Uint8Array ? item.body : new Uint8Array(),
    error: item.error ?? null,
    processedAt: item.processedAt ?? null,
    leads: item.leads ?? {},
  };
}
