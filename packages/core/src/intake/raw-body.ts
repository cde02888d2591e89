import { createHash } from "node:crypto";
import { z } from "zod";
import type { Ctx } from "../context.js";
import { bytesSchema } from "../db/bytes.js";
import { defineEntity } from "../db/entity.js";

/** SHA-256 of the bytes, hex: the body's name in the archive. */
const hashOf = (body: Uint8Array) => createHash("sha256").update(body).digest("hex");

/**
 * Webhook bodies stored by their content: a sender's retry (or a storm of them) with the same bytes
 * keeps one copy, and each delivery refers to it by hash. Bodies are never changed once written.
 * The item holds no hash attribute: a put names the body by its bytes, a read by the hash.
 */
export const RawBodyEntity = defineEntity({
  type: "rawBody",
  schema: z.object({ body: bytesSchema.default(() => new Uint8Array()), size: z.number() }),
  key: (named: { hash: string } | { body: Uint8Array }) => ({ pk: `RAWBODY#${"hash" in named ? named.hash : hashOf(named.body)}`, sk: "RAWBODY" }),
});

export const RawBodies = {
  hashOf,

  /** Stores the bytes once; storing the same bytes again writes nothing. */
  async put(ctx: Ctx, body: Uint8Array): Promise<void> {
    await RawBodyEntity.put(ctx, { body, size: body.byteLength }, "new");
  },

  /** The bytes of each hash asked for (each read once). */
  async read(ctx: Ctx, hashes: string[]): Promise<Map<string, Uint8Array>> {
    const unique = [...new Set(hashes)];
    const bodies = await Promise.all(
      unique.map(async (hash) => [hash, (await RawBodyEntity.get(ctx, { hash }, { consistent: true }))?.body ?? new Uint8Array()] as const),
    );
    return new Map(bodies);
  },
};
