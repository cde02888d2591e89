import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import type { Ctx } from "../context.js";
import { NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import { queryAll } from "../db/query-all.js";

/** An agency or person paid to run campaigns (VK, Yandex.Direct, Google Ads, a call center). `email` receives its KPI reports. */
export type Contractor = { id: string; name: string; email: string | null; createdAt: string };

const name = z.string().trim().min(1).max(200);
const email = z.email().max(254);

export const CreateContractorInput = z.strictObject({ name, email: email.optional() });

/** PATCH: the fields given change; `email: null` removes the address. */
export const UpdateContractorInput = z
  .strictObject({ name: name.optional(), email: email.nullable().optional() })
  .refine((v) => v.name !== undefined || v.email !== undefined, { message: "name or email is required" });

export const contractorKeys = {
  item: (id: string) => ({ pk: `CONTRACTOR#${id}`, sk: "CONTRACTOR" }),
  listing: (id: string) => ({ gsi1pk: "CONTRACTORS", gsi1sk: id }),
};

export const Contractors = {
  async create(ctx: Ctx, input: z.infer<typeof CreateContractorInput>): Promise<Contractor> {
    const contractor: Contractor = { id: newId(), name: input.name, email: input.email ?? null, createdAt: ctx.now().toISOString() };
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.table,
        Item: { ...contractorKeys.item(contractor.id), ...contractorKeys.listing(contractor.id), type: "contractor", ...contractor },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return contractor;
  },

  async get(ctx: Ctx, id: string): Promise<Contractor> {
    const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: contractorKeys.item(id) }));
    if (!Item) throw new NotFoundError("contractor", id);
    return toContractor(Item);
  },

  async update(ctx: Ctx, id: string, input: z.infer<typeof UpdateContractorInput>): Promise<Contractor> {
    const changes = Object.entries(input).filter(([, value]) => value !== undefined);
    try {
      const { Attributes } = await ctx.doc.send(
        new UpdateCommand({
          TableName: ctx.table,
          Key: contractorKeys.item(id),
          UpdateExpression: `SET ${changes.map(([field]) => `#${field} = :${field}`).join(", ")}`,
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeNames: Object.fromEntries(changes.map(([field]) => [`#${field}`, field])),
          ExpressionAttributeValues: Object.fromEntries(changes.map(([field, value]) => [`:${field}`, value])),
          ReturnValues: "ALL_NEW",
        }),
      );
      return toContractor(Attributes!);
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") throw new NotFoundError("contractor", id);
      throw error;
    }
  },

  async list(ctx: Ctx): Promise<Contractor[]> {
    const items = await queryAll(ctx, {
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :p",
      ExpressionAttributeValues: { ":p": "CONTRACTORS" },
    });
    return items.map(toContractor);
  },
};

function toContractor(item: Record<string, any>): Contractor {
  return { id: item.id, name: item.name, email: item.email ?? null, createdAt: item.createdAt };
}
