import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";
import { queryPage } from "../db/query-all.js";
import type { TransactItem } from "../db/transact.js";
import { NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import { declaredCharset, displayText } from "../text/charset.js";
import { RawBodies } from "./raw-body.js";

/** How long a stored call may stay unprocessed before it counts as stuck (its processing died). */
export const STUCK_AFTER_MS = 5 * 60_000;

/**
 * Every webhook call exactly as it arrived, stored before anything tries to understand it, so that
 * no lead is lost to a parser bug or an outage: an unparseable call waits in quarantine, a call whose
 * processing died stays pending (stuck after STUCK_AFTER_MS), and both can be replayed.
 */
export type RawDelivery = {
  id: string;
  sourceId: string;
  receivedAt: string;
  contentType: string | null;
  headers: Record<string, string>;
  /** The body bytes as received (a sender's stray non-UTF-8 byte is kept for a fixed parser). */
  body: Uint8Array;
  /** SHA-256 of the body: identical bodies are stored once (raw-body.ts). */
  bodyHash: string;
  bodySize: number;
  /** What the parser said when it refused the body; null once a replay succeeds. */
  error: QuarantineError | null;
  /** Set once every lead, status change and contact of the call was handled. */
  processedAt: string | null;
  state: DeliveryState;
};

/** Exactly one at a time: stored and not yet handled, refused by the parser, or handled. */
export type DeliveryState = "pending" | "quarantined" | "processed";

/** The error answer the sender got, kept with the quarantined body. */
export type QuarantineError = { error: string; message: string; issues?: unknown };

type Page = { items: RawDelivery[]; nextCursor: string | null };

// Credentials a sender might add by habit have no business in an archive people browse.
const withheldHeaders = new Set(["authorization", "cookie", "proxy-authorization"]);

const keys = {
  item: (id: string) => ({ pk: `RAW#${id}`, sk: "RAW" }),
  /** One small item per captured lead, beside the call: the call's own item never grows with its leads. */
  captured: (id: string, index: number) => ({ pk: `RAW#${id}`, sk: `CAPTURED#${String(index).padStart(6, "0")}` }),
  /**
   * The call's state listing on gsi1, oldest to newest by receipt: PENDING from storing until it is
   * handled, QUARANTINE while refused, none once processed.
   */
  listing: (state: "PENDING" | "QUARANTINE", receivedAt: string, id: string) => ({ gsi1pk: state, gsi1sk: `${receivedAt}#${id}` }),
};

export const RawArchive = {
  /** Stores a call before it is parsed: its body once per distinct content, the call itself as pending. */
  async store(ctx: Ctx, input: { sourceId: string; headers: Record<string, string>; body: Uint8Array }): Promise<RawDelivery> {
    const headers = Object.fromEntries(Object.entries(input.headers).filter(([name]) => !withheldHeaders.has(name.toLowerCase())));
    const bodyHash = RawBodies.hashOf(input.body);
    const delivery = {
      id: newId(),
      sourceId: input.sourceId,
      receivedAt: ctx.now().toISOString(),
      contentType: headers["content-type"] ?? null,
      headers,
      bodyHash,
      bodySize: input.body.byteLength,
      error: null,
    };
    // The body first: a call never refers to a body that is not there.
    await RawBodies.put(ctx, bodyHash, input.body);
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.table,
        Item: { ...keys.item(delivery.id), ...keys.listing("PENDING", delivery.receivedAt, delivery.id), type: "rawDelivery", ...delivery },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return { ...delivery, body: input.body, processedAt: null, state: "pending" };
  },

  async get(ctx: Ctx, id: string): Promise<RawDelivery> {
    const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: keys.item(id), ConsistentRead: true }));
    if (!Item) throw new NotFoundError("delivery", id);
    return (await withBodies(ctx, [Item]))[0]!;
  },

  /** Puts a stored call into quarantine with the parser's error (again, on a failed replay). */
  async quarantine(ctx: Ctx, delivery: Pick<RawDelivery, "id" | "receivedAt">, error: QuarantineError): Promise<void> {
    const listing = keys.listing("QUARANTINE", delivery.receivedAt, delivery.id);
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
   * A transaction item recording that the body's lead at `index` became `leadId`, written with the
   * lead. Its condition fails when that lead was already captured (a replay, or two at once): the
   * marker then names the lead (`capturedLead`).
   */
  leadCaptured(ctx: Ctx, deliveryId: string, index: number, leadId: string): TransactItem {
    return {
      Put: {
        TableName: ctx.table,
        Item: { ...keys.captured(deliveryId, index), type: "rawCapture", deliveryId, index, leadId, at: ctx.now().toISOString() },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    };
  },

  /** The lead captured from the body's lead at `index`. */
  async capturedLead(ctx: Ctx, deliveryId: string, index: number): Promise<string> {
    const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: keys.captured(deliveryId, index), ConsistentRead: true }));
    if (!Item) throw new NotFoundError("captured lead of delivery", `${deliveryId}#${index}`);
    return Item.leadId;
  },

  /** Marks a call handled, after all its leads, status changes and contacts: it leaves every listing. */
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
  async listQuarantine(ctx: Ctx, page: { cursor?: string; limit: number }): Promise<Page> {
    const result = await queryPage(
      ctx,
      { IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :p", ExpressionAttributeValues: { ":p": "QUARANTINE" }, ScanIndexForward: false },
      page,
    );
    return { items: await withBodies(ctx, result.items), nextCursor: result.nextCursor };
  },

  /**
   * Calls still pending `olderThanMs` (default STUCK_AFTER_MS) after receipt, oldest first: their
   * processing died (an error, an outage, a crash) and a replay finishes it.
   */
  async listStuck(ctx: Ctx, page: { olderThanMs?: number; cursor?: string; limit: number }): Promise<Page> {
    const cutoff = new Date(ctx.now().getTime() - (page.olderThanMs ?? STUCK_AFTER_MS)).toISOString();
    const result = await queryPage(
      ctx,
      {
        IndexName: "gsi1",
        // "$" sorts right after "#": calls received at the cutoff itself are included.
        KeyConditionExpression: "gsi1pk = :p AND gsi1sk < :before",
        ExpressionAttributeValues: { ":p": "PENDING", ":before": `${cutoff}$` },
        ScanIndexForward: true,
      },
      { cursor: page.cursor, limit: page.limit },
    );
    return { items: await withBodies(ctx, result.items), nextCursor: result.nextCursor };
  },

  /** True when the call is pending and was received at least `olderThanMs` ago. */
  isStuck(ctx: Ctx, delivery: RawDelivery, olderThanMs = STUCK_AFTER_MS): boolean {
    return delivery.state === "pending" && Date.parse(delivery.receivedAt) <= ctx.now().getTime() - olderThanMs;
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

async function withBodies(ctx: Ctx, items: Record<string, any>[]): Promise<RawDelivery[]> {
  const bodies = await RawBodies.read(ctx, items.map((item) => item.bodyHash).filter((hash): hash is string => typeof hash === "string"));
  return items.map((item) => toRawDelivery(item, bodies.get(item.bodyHash)));
}

function toRawDelivery(item: Record<string, any>, body: Uint8Array | undefined): RawDelivery {
  const processedAt = item.processedAt ?? null;
  const error = item.error ?? null;
  return {
    id: item.id,
    sourceId: item.sourceId,
    receivedAt: item.receivedAt,
    contentType: item.contentType ?? null,
    headers: item.headers ?? {},
    // Calls archived before bodies were shared kept theirs inline.
    body: body ?? (item.body instanceof Uint8Array ? item.body : new Uint8Array()),
    bodyHash: item.bodyHash ?? "",
    bodySize: item.bodySize ?? body?.byteLength ?? 0,
    error,
    processedAt,
    state: processedAt ? "processed" : error ? "quarantined" : "pending",
  };
}
