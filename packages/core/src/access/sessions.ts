import { createHash, randomBytes } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";
import { queryAll } from "../db/query-all.js";
import { hashOfKey, principalByKeyHash } from "./key-lookup.js";
import type { Principal } from "./principal.js";

/*
 * Web sessions, kept server-side. The browser holds only a random session id; the table holds its
 * SHA-256 (so a leaked table does not hand out live sessions), the hash of the key it was opened
 * with, and its clocks. Each use re-checks the key, so a revoked key ends its sessions at once even
 * before `revokeForKey` has deleted them.
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
const keys = {
  session: (hash: string) => ({ pk: `SESSION#${hash}`, sk: "SESSION" }),
  // Listed by the key's id so revoking a key finds every browser signed in with it.
  byKey: (keyId: string, hash: string) => ({ gsi1pk: `SESSIONS#${keyId}`, gsi1sk: hash }),
};

export const Sessions = {
  /** Opens a session for a key that has just authenticated as `principal`; answers the id for the cookie. */
  async start(ctx: Ctx, key: string, principal: Principal): Promise<string> {
    const id = randomBytes(32).toString("base64url");
    const hash = hashOf(id);
    const now = ctx.now();
    const expiresAt = new Date(now.getTime() + SESSION_MAX_SECONDS * 1000);
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.table,
        Item: {
          ...keys.session(hash),
          ...keys.byKey(principal.keyId, hash),
          type: "session",
          keyId: principal.keyId,
          keyHash: hashOfKey(key),
          createdAt: now.toISOString(),
          lastSeenAt: now.toISOString(),
          expiresAt: expiresAt.toISOString(),
          // Expiry is enforced above; this lets a DynamoDB TTL on `ttl` clear expired items, where the table enables one.
          ttl: Math.ceil(expiresAt.getTime() / 1000),
        },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return id;
  },

  /**
   * The principal of a live session: known, not past its expiry or idle timeout, and its key still
   * valid (`ownerKey` as now configured, or a stored key not revoked). Null otherwise.
   */
  async resume(ctx: Ctx, id: string, ownerKey?: string): Promise<Principal | null> {
    if (!id || id.length > MAX_ID_LENGTH) return null;
    const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: keys.session(hashOf(id)) }));
    if (!Item) return null;
    const now = ctx.now();
    const idleSince = now.getTime() - Date.parse(Item.lastSeenAt);
    if (now.getTime() >= Date.parse(Item.expiresAt) || idleSince >= SESSION_IDLE_SECONDS * 1000) {
      await Sessions.end(ctx, id);
      return null;
    }
    const principal = await principalByKeyHash(ctx, Item.keyHash, ownerKey);
    if (!principal) {
      await Sessions.end(ctx, id);
      return null;
    }
    if (idleSince >= TOUCH_AFTER_SECONDS * 1000) {
      await ctx.doc.send(
        new UpdateCommand({
          TableName: ctx.table,
          Key: keys.session(hashOf(id)),
          UpdateExpression: "SET lastSeenAt = :now",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":now": now.toISOString() },
        }),
      ).catch((error) => {
        // Signed out in between: the next request finds no session, which is the right answer.
        if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
      });
    }
    return principal;
  },

  /** Ends one session (sign-out); ending an unknown one is not an error. */
  async end(ctx: Ctx, id: string): Promise<void> {
    if (!id || id.length > MAX_ID_LENGTH) return;
    await ctx.doc.send(new DeleteCommand({ TableName: ctx.table, Key: keys.session(hashOf(id)) }));
  },

  /** Ends every session opened with the key `keyId` (its revocation). */
  async endForKey(ctx: Ctx, keyId: string): Promise<number> {
    const items = await queryAll(ctx, {
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :p",
      ExpressionAttributeValues: { ":p": `SESSIONS#${keyId}` },
    });
    await Promise.all(items.map((item) => ctx.doc.send(new DeleteCommand({ TableName: ctx.table, Key: { pk: item.pk, sk: item.sk } }))));
    return items.length;
  },
};
