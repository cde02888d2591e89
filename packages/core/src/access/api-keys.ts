import { randomBytes } from "node:crypto";
import { PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { IdSchema } from "../db/key-limits.js";
import type { Ctx } from "../context.js";
import { NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import { queryAll } from "../db/query-all.js";
import { hashOfKey, keyItemKey, principalByKeyHash } from "./key-lookup.js";
import { roles, type Principal } from "./principal.js";
import { Sessions } from "./sessions.js";

export { OWNER_KEY_ID } from "./key-lookup.js";

export const CreateKeyInput = z
  .strictObject({ role: z.enum(roles), contractorId: IdSchema.optional() })
  .refine((v) => (v.role === "contractor") === (v.contractorId !== undefined), {
    message: "contractorId is required for the contractor role and only for it",
    path: ["contractorId"],
  });
export type CreateKeyInput = z.infer<typeof CreateKeyInput>;

export type ApiKeyInfo = { id: string; role: Principal["role"]; contractorId?: string; createdAt: string; revokedAt?: string };

const hashOf = hashOfKey;
const keys = {
  secret: keyItemKey,
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
    return principalByKeyHash(ctx, hashOf(secret), ownerKey);
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
    // The browsers signed in with it are signed out too (each use re-checks the key as well).
    await Sessions.endForKey(ctx, id);
    return toInfo(Attributes!);
  },
};

function toInfo(item: Record<string, any>): ApiKeyInfo {
  return { id: item.id, role: item.role, contractorId: item.contractorId, createdAt: item.createdAt, revokedAt: item.revokedAt };
}
