import { z } from "zod";
import type { Ctx } from "../context.js";
import { NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import { defineEntity } from "../db/entity.js";

/** An agency or person paid to run campaigns (VK, Yandex.Direct, Google Ads, a call center). `email` receives its KPI reports. */
export type Contractor = { id: string; name: string; email: string | null; createdAt: string };

const name = z.string().trim().min(1).max(200);
const email = z.email().max(254);

export const CreateContractorInput = z.strictObject({ name, email: email.optional() });

/** PATCH: the fields given change; `email: null` removes the address. */
export const UpdateContractorInput = z
  .strictObject({ name: name.optional(), email: email.nullable().optional() })
  .refine((v) => v.name !== undefined || v.email !== undefined, { message: "name or email is required" });

/** A contractor as stored: one item, listed with all contractors. */
export const ContractorEntity = defineEntity({
  type: "contractor",
  schema: z.object({ id: z.string(), name: z.string(), email: z.string().nullable().default(null), createdAt: z.string() }),
  key: ({ id }: { id: string }) => ({ pk: `CONTRACTOR#${id}`, sk: "CONTRACTOR" }),
  patterns: {
    all: { index: "gsi1", partition: (_: object) => "CONTRACTORS", sort: (c: { id: string }) => c.id },
  },
});

export const Contractors = {
  async create(ctx: Ctx, input: z.infer<typeof CreateContractorInput>): Promise<Contractor> {
    const contractor: Contractor = { id: newId(), name: input.name, email: input.email ?? null, createdAt: ctx.now().toISOString() };
    await ContractorEntity.put(ctx, contractor, "new");
    return contractor;
  },

  async get(ctx: Ctx, id: string): Promise<Contractor> {
    const contractor = await ContractorEntity.get(ctx, { id });
    if (!contractor) throw new NotFoundError("contractor", id);
    return contractor;
  },

  async update(ctx: Ctx, id: string, input: z.infer<typeof UpdateContractorInput>): Promise<Contractor> {
    const contractor = await ContractorEntity.update(ctx, { id }, { set: input });
    if (!contractor) throw new NotFoundError("contractor", id);
    return contractor;
  },

  async list(ctx: Ctx): Promise<Contractor[]> {
    return ContractorEntity.all(ctx, "all", {});
  },
};
