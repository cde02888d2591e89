import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import type { Ctx } from "../context.js";
import { NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import { queryAll } from "../db/query-all.js";

/** An agency or person paid to run campaigns (VK, Yandex.Direct, Google Ads, a call center). */
export type Contractor = { id: string; name: string; createdAt: string };

export const CreateContractorInput = z.strictObject({ name: z.string().trim().min(1).max(200) });

export const contractorKeys = {
  item: (id: string) => ({ pk: `CONTRACTOR#${id}`, sk: "CONTRACTOR" }),
  listing: (id: string) => ({ gsi1pk: "CONTRACTORS", gsi1sk: id }),
};

export const Contractors = {
  async create(ctx: Ctx, input: z.infer<typeof CreateContractorInput>): Promise<Contractor> {
    const contractor: Contractor = { id: newId(), name: input.name, createdAt: ctx.now().toISOString() };
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
  return { id: item.id, name: item.name, createdAt: item.createdAt };
}
