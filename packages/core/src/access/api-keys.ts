import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import type { Ctx } from "../context.js";
import { NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import { queryAll } from "../db/query-all.js";
import { roles, type Principal } from "./principal.js";

export const CreateKeyInput = z
  .strictObject({ role: z.enum(roles), contractorId: z.string().min(1).optional() })
  .refine((v) => (v.role === "contractor") === (v.contractorId !== undefined), {
    message: "contractorId is required for the contractor role and only for it",
    path: ["contractorId"],
  });
export type CreateKeyInput = z.infer<typeof CreateKeyInput>;

export type ApiKeyInfo = { id: string; role: Principal["role"]; contractorId?: string; createdAt: string; revokedAt?: string };

/** The key id of the owner key from the environment (`OWNER_API_KEY`), which has no stored item. */
export const OWNER_KEY_ID = "env:OWNER_API_KEY";

// Only the SHA-256 of a key is stored; the key itself is shown once, at creation.
const hashOf = (secret: string) => createHash("sha256").update(secret).digest("hex");
const keys = {
  secret: (hash: string) => ({ pk: `APIKEY#${hash}`, sk: "APIKEY" }),
  listing: (id: string) => ({ gsi1pk: "APIKEYS", gsi1sk: id }),
};

export const ApiKeys = {
  async create(ctx: Ctx, input: CreateKeyInput): Promise<{ id: string; key: string }> {
    const id = newId();
    const key = `prm_${randomBytes(24).toString("base64url")}`;
    const item: ApiKeyInfo = { id, role: input.role, contractorId: input.contractorId, createdAt: ctx.now().toISOString() };
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.table,
        Item: { ...keys.secret(hashOf(key)), ...keys.listing(id), type: "apiKey", ...item },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return { id, key };
  },

  /** The principal behind a presented key, or null when it is unknown or revoked. */
  async authenticate(ctx: Ctx, secret: string, ownerKey?: string): Promise<Principal | null> {
    if (ownerKey && sameSecret(secret, ownerKey)) return { keyId: OWNER_KEY_ID, role: "owner" };
    const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: keys.secret(hashOf(secret)) }));
    if (!Item || Item.revokedAt) return null;
    return { keyId: Item.id, role: Item.role, contractorId: Item.contractorId };
  },

  async list(ctx: Ctx): Promise<ApiKeyInfo[]> {
    const items = await queryAll(ctx, {
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :p",
      ExpressionAttributeValues: { ":p": "APIKEYS" },
    });
    return items.map(toInfo);
  },

  async revoke(ctx: Ctx, id: string): Promise<ApiKeyInfo> {
    const page = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.table,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :p AND gsi1sk = :id",
        ExpressionAttributeValues: { ":p": "APIKEYS", ":id": id },
      }),
    );
    const found = page.Items?.[0];
    if (!found) throw new NotFoundError("API key", id);
    const { Attributes } = await ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: { pk: found.pk, sk: found.sk },
        UpdateExpression: "SET revokedAt = if_not_exists(revokedAt, :now)",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeValues: { ":now": ctx.now().toISOString() },
        ReturnValues: "ALL_NEW",
      }),
    );
    return toInfo(Attributes!);
  },
};

function toInfo(item: Record<string, any>): ApiKeyInfo {
  return { id: item.id, role: item.role, contractorId: item.contractorId, createdAt: item.createdAt, revokedAt: item.revokedAt };
}

function sameSecret(a: string, b: string): boolean {
  const [ha, hb] = [Buffer.from(hashOf(a)), Buffer.from(hashOf(b))];
  return timingSafeEqual(ha, hb);
}
