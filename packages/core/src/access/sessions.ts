import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { hashOfKey, principalByKeyHash } from "./key-lookup.js";
import type { Principal } from "./principal.js";

/*
 * Web sessions, kept server-side. The browser holds only a random session id; the table holds its
 * SHA-256 (so a leaked table does not hand out live sessions), the hash of the key it was opened
 * with, and its clocks. Each use re-checks the key, so a revoked key ends its sessions at once even
 * before `endForKey` has deleted them.
 */

/** A session lives at most this long after sign-in, however busy. */
export const SESSION_MAX_SECONDS = 7 * 24 * 3600;
/** ...and ends after this long without a request. */
export const SESSION_IDLE_SECONDS = 12 * 3600;
// Saving lastSeenAt at every page would be a write per read; a few minutes of slack is harmless.
const TOUCH_AFTER_SECONDS = 5 * 60;
/** Longest session id we look up (ours are 43 characters); anything longer is not ours. */
const MAX_ID_LENGTH = 64;

const hashOf = (id: string) => createHash("sha256").update(id).digest("hex");
const SESSION_PREFIX = "SESSION#";

/**
 * A session under the hash of its id, listed by the key it was opened with so revoking a key finds
 * every browser signed in with it. The hash is kept only in `pk` (and the listing's sort key), so
 * `pk` is one of the item's attributes.
 */
const SessionEntity = defineEntity({
  type: "session",
  schema: z.object({
    pk: z.string(),
    keyId: z.string(),
    keyHash: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    ttl: z.number(),
  }),
  key: (ids: { hash: string } | { pk: string }) => ({ pk: "pk" in ids ? ids.pk : `${SESSION_PREFIX}${ids.hash}`, sk: "SESSION" }),
  patterns: {
    byKey: { index: "gsi1", partition: ({ keyId }: { keyId: string }) => `SESSIONS#${keyId}`, sort: (session: { pk: string }) => session.pk.slice(SESSION_PREFIX.length) },
  },
});

export const Sessions = {
  /** Opens a session for a key that has just authenticated as `principal`; answers the id for the cookie. */
  async start(ctx: Ctx, key: string, principal: Principal): Promise<string> {
    const id = randomBytes(32).toString("base64url");
    const now = ctx.now();
    const expiresAt = new Date(now.getTime() + SESSION_MAX_SECONDS * 1000);
    await SessionEntity.put(
      ctx,
      {
        pk: SessionEntity.key({ hash: hashOf(id) }).pk,
        keyId: principal.keyId,
        keyHash: hashOfKey(key),
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
        // Expiry is enforced in `resume`; this lets a DynamoDB TTL on `ttl` clear expired items, where the table enables one.
        ttl: Math.ceil(expiresAt.getTime() / 1000),
      },
      "new",
    );
    return id;
  },

  /**
   * The principal of a live session: known, not past its expiry or idle timeout, and its key still
   * valid (`ownerKey` as now configured, or a stored key not revoked). Null otherwise.
   */
  async resume(ctx: Ctx, id: string, ownerKey?: string): Promise<Principal | null> {
    if (!id || id.length > MAX_ID_LENGTH) return null;
    const session = await SessionEntity.get(ctx, { hash: hashOf(id) });
    if (!session) return null;
    const now = ctx.now();
    const idleSince = now.getTime() - Date.parse(session.lastSeenAt);
    if (now.getTime() >= Date.parse(session.expiresAt) || idleSince >= SESSION_IDLE_SECONDS * 1000) {
      await Sessions.end(ctx, id);
      return null;
    }
    const principal = await principalByKeyHash(ctx, session.keyHash, ownerKey);
    if (!principal) {
      await Sessions.end(ctx, id);
      return null;
    }
    if (idleSince >= TOUCH_AFTER_SECONDS * 1000) {
      // Signed out in between: the update's condition fails, and the next request finds no session, which is the right answer.
      await SessionEntity.update(ctx, session, { set: { lastSeenAt: now.toISOString() } });
    }
    return principal;
  },

  /** Ends one session (sign-out); ending an unknown one is not an error. */
  async end(ctx: Ctx, id: string): Promise<void> {
    if (!id || id.length > MAX_ID_LENGTH) return;
    await SessionEntity.remove(ctx, { hash: hashOf(id) });
  },

  /** Ends every session opened with the key `keyId` (its revocation). */
  async endForKey(ctx: Ctx, keyId: string): Promise<number> {
    const sessions = await SessionEntity.all(ctx, "byKey", { keyId });
    await Promise.all(sessions.map((session) => SessionEntity.remove(ctx, session)));
    return sessions.length;
  },
};
