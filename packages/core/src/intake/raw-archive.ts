import { z } from "zod";
import type { Ctx } from "../context.js";
import { bytesSchema } from "../db/bytes.js";
import { defineEntity } from "../db/entity.js";
import { tableDefinition } from "../db/table.js";
import type { CaptureMarker } from "../lead/capture.js";
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

/** What an archived call's item holds; bodies live in their own items (raw-body.ts). */
const RawDeliveryItem = z.object({
  id: z.string(),
  sourceId: z.string(),
  receivedAt: z.string(),
  contentType: z.string().nullable().default(null),
  headers: z.record(z.string(), z.string()).default({}),
  bodyHash: z.string().default(""),
  bodySize: z.number().optional(),
  /** Calls archived before bodies were shared kept theirs inline. */
  body: bytesSchema.optional(),
  // Loose: a domain error's details (its field issues, say) are kept with it as they came.
  error: z.looseObject({ error: z.string(), message: z.string() }).nullable().default(null),
  /** Absent until handled: `processed` sets it once. */
  processedAt: z.string().optional(),
});
type RawDeliveryItem = z.infer<typeof RawDeliveryItem>;

const stateOf = (item: Pick<RawDeliveryItem, "error" | "processedAt">): DeliveryState =>
  item.processedAt ? "processed" : item.error ? "quarantined" : "pending";

/** The call's state listing: PENDING from storing until it is handled, QUARANTINE while refused, none once processed. */
const listingOf = (listed: Pick<RawDeliveryItem, "error" | "processedAt"> | { state: DeliveryState }) => {
  const state = "state" in listed ? listed.state : stateOf(listed);
  return state === "pending" ? "PENDING" : state === "quarantined" ? "QUARANTINE" : null;
};

export const RawDeliveryEntity = defineEntity({
  type: "rawDelivery",
  schema: RawDeliveryItem,
  key: ({ id }: { id: string }) => ({ pk: `RAW#${id}`, sk: "RAW" }),
  patterns: {
    /** By state, oldest to newest by receipt. */
    byState: { index: "gsi1", partition: listingOf, sort: (d: Pick<RawDeliveryItem, "receivedAt" | "id">) => `${d.receivedAt}#${d.id}` },
  },
});

/** One small item per captured lead, beside the call: the call's own item never grows with its leads. */
export const RawCaptureEntity = defineEntity({
  type: "rawCapture",
  schema: z.object({ deliveryId: z.string(), index: z.number(), leadId: z.string(), at: z.string() }),
  key: ({ deliveryId, index }: { deliveryId: string; index: number }) => ({ pk: `RAW#${deliveryId}`, sk: `CAPTURED#${String(index).padStart(6, "0")}` }),
});

/** The attributes holding a call's state listing, for the updates that move it. */
const stateListing = tableDefinition.globalIndexes[RawDeliveryEntity.patterns.byState.index];

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
    await RawBodies.put(ctx, input.body);
    await RawDeliveryEntity.put(ctx, delivery, "new");
    return { ...delivery, body: input.body, processedAt: null, state: "pending" };
  },

  async get(ctx: Ctx, id: string): Promise<RawDelivery> {
    const item = await RawDeliveryEntity.get(ctx, { id }, { consistent: true });
    if (!item) throw new NotFoundError("delivery", id);
    return (await withBodies(ctx, [item]))[0]!;
  },

  /** Puts a stored call into quarantine with the parser's error (again, on a failed replay). */
  async quarantine(ctx: Ctx, delivery: Pick<RawDelivery, "id" | "receivedAt">, error: QuarantineError): Promise<void> {
    const listing = RawDeliveryEntity.patterns.byState;
    const set = { error, [stateListing.partitionKey]: listing.partition({ state: "quarantined" }), [stateListing.sortKey]: listing.sort(delivery) };
    if (!(await RawDeliveryEntity.update(ctx, { id: delivery.id }, { set }))) throw new NotFoundError("delivery", delivery.id);
  },

  /**
   * The marker `captureLead` writes with the lead of the body's lead at `index`: an item recording
   * which lead it became, whose condition fails when that lead was already captured (a replay, or
   * two at once); the marker then names the lead.
   */
  captureMarker(ctx: Ctx, deliveryId: string, index: number): CaptureMarker {
    return {
      item: (leadId) => RawCaptureEntity.putItem(ctx, { deliveryId, index, leadId, at: ctx.now().toISOString() }, "new", "captureMarker"),
      capturedLead: async () => {
        const captured = await RawCaptureEntity.get(ctx, { deliveryId, index }, { consistent: true });
        if (!captured) throw new NotFoundError("captured lead of delivery", `${deliveryId}#${index}`);
        return captured.leadId;
      },
    };
  },

  /** Marks a call handled, after all its leads, status changes and contacts: it leaves every listing. */
  async processed(ctx: Ctx, deliveryId: string): Promise<void> {
    // setIfMissing: a replay of a handled call keeps the time it was first handled.
    const changes = { setIfMissing: { processedAt: ctx.now().toISOString() }, set: { error: null }, remove: [stateListing.partitionKey, stateListing.sortKey] };
    if (!(await RawDeliveryEntity.update(ctx, { id: deliveryId }, changes))) throw new NotFoundError("delivery", deliveryId);
  },

  /** Quarantined calls, newest first. */
  async listQuarantine(ctx: Ctx, page: { cursor?: string; limit: number }): Promise<Page> {
    const result = await RawDeliveryEntity.page(ctx, "byState", { state: "quarantined" }, { ...page, newestFirst: true });
    return { items: await withBodies(ctx, result.items), nextCursor: result.nextCursor };
  },

  /**
   * Calls still pending `olderThanMs` (default STUCK_AFTER_MS) after receipt, oldest first: their
   * processing died (an error, an outage, a crash) and a replay finishes it.
   */
  async listStuck(ctx: Ctx, page: { olderThanMs?: number; cursor?: string; limit: number }): Promise<Page> {
    const cutoff = new Date(ctx.now().getTime() - (page.olderThanMs ?? STUCK_AFTER_MS)).toISOString();
    // Listed as `<receivedAt>#<id>`, and "#" sorts just below "$": calls received at the cutoff itself are included.
    const sort = { to: `${cutoff}$` };
    const result = await RawDeliveryEntity.page(ctx, "byState", { state: "pending" }, { cursor: page.cursor, limit: page.limit, sort });
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

async function withBodies(ctx: Ctx, items: RawDeliveryItem[]): Promise<RawDelivery[]> {
  const bodies = await RawBodies.read(ctx, items.flatMap((item) => (item.bodyHash ? [item.bodyHash] : [])));
  return items.map((item) => toRawDelivery(item, bodies.get(item.bodyHash)));
}

function toRawDelivery(item: RawDeliveryItem, body: Uint8Array | undefined): RawDelivery {
  const { body: inline, processedAt = null, ...rest } = item;
  const bytes = body ?? inline ?? new Uint8Array();
  return { ...rest, body: bytes, bodySize: item.bodySize ?? body?.byteLength ?? 0, processedAt, state: stateOf(item) };
}
