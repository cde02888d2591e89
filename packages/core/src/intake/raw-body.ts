import { createHash } from "node:crypto";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";

/**
 * Webhook bodies stored by their content: a sender's retry (or a storm of them) with the same bytes
 * keeps one copy, and each delivery refers to it by hash. Bodies are never changed once written.
 */
const key = (hash: string) => ({ pk: `RAWBODY#${hash}`, sk: "RAWBODY" });

export const RawBodies = {
  /** SHA-256 of the bytes, hex: the body's name in the archive. */
  hashOf(body: Uint8Array): string {
    return createHash("sha256").update(body).digest("hex");
  },

  /** Stores the bytes once; storing the same bytes again writes nothing. */
  async put(ctx: Ctx, hash: string, body: Uint8Array): Promise<void> {
    try {
      await ctx.doc.send(
        new PutCommand({
          TableName: ctx.table,
          Item: { ...key(hash), type: "rawBody", body, size: body.byteLength },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
    } catch (error) {
      if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
    }
  },

  /** The bytes of each hash asked for (each read once). */
  async read(ctx: Ctx, hashes: string[]): Promise<Map<string, Uint8Array>> {
    const unique = [...new Set(hashes)];
    const bodies = await Promise.all(
      unique.map(async (hash) => {
        const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: key(hash), ConsistentRead: true }));
        return [hash, Item?.body instanceof Uint8Array ? Item.body : new Uint8Array()] as const;
      }),
    );
    return new Map(bodies);
  },
};
