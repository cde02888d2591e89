import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { IdSchema } from "../db/key-limits.js";
import { transact, TransactionCancelledError } from "../db/transact.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { newId } from "../ids.js";

/*
 * The people of the sales department. A `manager` is a lead manager (reaches new leads) or an
 * account manager (keeps clients); a `sales_head` checks their work. Keys bound to a person act as
 * that person (access/api-keys.ts); `crmUserIds` are their user ids in amoCRM, so a deal the CRM
 * assigns to them is theirs here too (one person per CRM user id).
 */

export const personRoles = ["manager", "sales_head"] as const;
export const managerDuties = ["leads", "accounts"] as const;

const name = z.string().trim().min(1).max(200);
const crmUserIds = z
  .array(IdSchema)
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, { message: "each CRM user id once" });

/** `POST /api/people`. `duty` says whether a manager reaches new leads or keeps clients (default `leads`). */
export const CreatePersonInput = z.strictObject({
  name,
  role: z.enum(personRoles),
  duty: z.enum(managerDuties).optional(),
  email: z.email().max(254).optional(),
  crmUserIds: crmUserIds.optional(),
});
export type CreatePersonInput = z.infer<typeof CreatePersonInput>;

export const PersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(personRoles),
  /** Managers only; null for a head of sales. */
  duty: z.enum(managerDuties).nullable().default(null),
  email: z.string().nullable().default(null),
  crmUserIds: z.array(z.string()).default([]),
  createdAt: z.string(),
});
export type Person = z.infer<typeof PersonSchema>;

export const PersonEntity = defineEntity({
  type: "person",
  schema: PersonSchema,
  key: ({ id }: { id: string }) => ({ pk: `PERSON#${id}`, sk: "PERSON" }),
  patterns: {
    all: { index: "gsi1", partition: (_: object) => "PEOPLE", sort: (p: { id: string }) => p.id },
  },
});

/** A CRM user id claimed by one person: how a CRM's `responsible_user_id` finds its person. */
export const CrmUserEntity = defineEntity({
  type: "crmUser",
  schema: z.object({ crmUserId: z.string(), personId: z.string() }),
  key: ({ crmUserId }: { crmUserId: string }) => ({ pk: `CRMUSER#${crmUserId}`, sk: "CRMUSER" }),
});

export const People = {
  async create(ctx: Ctx, input: CreatePersonInput): Promise<Person> {
    const person: Person = {
      id: newId(),
      name: input.name,
      role: input.role,
      duty: input.role === "manager" ? (input.duty ?? "leads") : null,
      email: input.email ?? null,
      crmUserIds: input.crmUserIds ?? [],
      createdAt: ctx.now().toISOString(),
    };
    try {
      await transact(ctx, [
        PersonEntity.putItem(ctx, person, "new", "person"),
        ...person.crmUserIds.map((crmUserId) => CrmUserEntity.putItem(ctx, { crmUserId, personId: person.id }, "new", `crmUser:${crmUserId}`)),
      ]);
    } catch (error) {
      if (!(error instanceof TransactionCancelledError)) throw error;
      const taken = person.crmUserIds.filter((id) => error.failedCondition(`crmUser:${id}`));
      if (taken.length) throw new ConflictError("crm_user_taken", `CRM user ${taken.join(", ")} already belongs to another person`, { crmUserIds: taken });
      throw error;
    }
    return person;
  },

  async get(ctx: Ctx, id: string): Promise<Person> {
    const person = await PersonEntity.get(ctx, { id });
    if (!person) throw new NotFoundError("person", id);
    return person;
  },

  async list(ctx: Ctx): Promise<Person[]> {
    return PersonEntity.all(ctx, "all", {});
  },

  /** The person a CRM user id belongs to, or null when nobody claimed it. */
  async byCrmUserId(ctx: Ctx, crmUserId: string): Promise<Person | null> {
    const claim = await CrmUserEntity.get(ctx, { crmUserId });
    return claim ? ((await PersonEntity.get(ctx, { id: claim.personId })) ?? null) : null;
  },
};
