import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { roles, type Principal } from "./principal.js";

/** The key id of the owner key from the environment (`OWNER_API_KEY`), which has no stored item. */
export const OWNER_KEY_ID = "env:OWNER_API_KEY";

/** Only the SHA-256 of a key is stored (keys and sessions alike); the key itself is shown once, at creation. */
export const hashOfKey = (secret: string) => createHash("sha256").update(secret).digest("hex");

/**
 * A stored API key, under the hash of its secret and listed with all keys by id. The hash is kept
 * only in `pk`, so `pk` is one of the item's attributes: revoking by id reads it back from the listing.
 */
export const ApiKeyEntity = defineEntity({
  type: "apiKey",
  schema: z.object({
    pk: z.string(),
    id: z.string(),
    role: z.enum(roles),
    /** Absent on keys created before keys had names. */
    name: z.string().optional(),
    contractorId: z.string().optional(),
    personId: z.string().optional(),
    createdAt: z.string(),
    revokedAt: z.string().optional(),
  }),
  key: (ids: { hash: string } | { pk: string }) => ({ pk: "pk" in ids ? ids.pk : `APIKEY#${ids.hash}`, sk: "APIKEY" }),
  patterns: {
    all: { index: "gsi1", partition: (_: object) => "APIKEYS", sort: (key: { id: string }) => key.id },
  },
});

/** The principal behind a key given by its hash: the configured owner key, or a stored key not revoked. */
export async function principalByKeyHash(ctx: Ctx, hash: string, ownerKey?: string): Promise<Principal | null> {
  if (ownerKey && timingSafeEqual(Buffer.from(hash), Buffer.from(hashOfKey(ownerKey)))) return { keyId: OWNER_KEY_ID, role: "owner", name: "owner" };
  const key = await ApiKeyEntity.get(ctx, { hash });
  if (!key || key.revokedAt) return null;
  return { keyId: key.id, role: key.role, name: key.name, contractorId: key.contractorId, personId: key.personId };
}
