import { createHash, timingSafeEqual } from "node:crypto";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";
import type { Principal } from "./principal.js";

/** The key id of the owner key from the environment (`OWNER_API_KEY`), which has no stored item. */
export const OWNER_KEY_ID = "env:OWNER_API_KEY";

/** Only the SHA-256 of a key is stored (keys and sessions alike); the key itself is shown once, at creation. */
export const hashOfKey = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Where the key with this hash is stored. */
export const keyItemKey = (hash: string) => ({ pk: `APIKEY#${hash}`, sk: "APIKEY" });

/** The principal behind a key given by its hash: the configured owner key, or a stored key not revoked. */
export async function principalByKeyHash(ctx: Ctx, hash: string, ownerKey?: string): Promise<Principal | null> {
  if (ownerKey && timingSafeEqual(Buffer.from(hash), Buffer.from(hashOfKey(ownerKey)))) return { keyId: OWNER_KEY_ID, role: "owner" };
  const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: keyItemKey(hash) }));
  if (!Item || Item.revokedAt) return null;
  return { keyId: Item.id, role: Item.role, contractorId: Item.contractorId };
}
