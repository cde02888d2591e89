import { randomBytes } from "node:crypto";
import { z } from "zod";
import { IdSchema } from "../db/key-limits.js";
import type { Ctx } from "../context.js";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import { ApiKeyEntity, hashOfKey, principalByKeyHash } from "./key-lookup.js";
import { namedPeople } from "../people/managers.js";
import { personRoles } from "../people/person.js";
import { roles, type Principal, type Role } from "./principal.js";
import { Sessions } from "./sessions.js";

export { OWNER_KEY_ID } from "./key-lookup.js";

const isPersonRole = (role: Role) => (personRoles as readonly Role[]).includes(role);

/**
 * `POST /api/keys`. A contractor key names its contractor, a manager's or head of sales' key its
 * person; `name` is what histories show for whoever acts with the key (a person's key defaults to
 * the person's name).
 */
export const CreateKeyInput = z
  .strictObject({ role: z.enum(roles), name: z.string().trim().min(1).max(200).optional(), contractorId: IdSchema.optional(), personId: IdSchema.optional() })
  .refine((v) => (v.role === "contractor") === (v.contractorId !== undefined), {
    message: "contractorId is required for the contractor role and only for it",
    path: ["contractorId"],
  })
  .refine((v) => isPersonRole(v.role) === (v.personId !== undefined), {
    message: "personId is required for the manager and sales_head roles and only for them",
    path: ["personId"],
  });
export type CreateKeyInput = z.infer<typeof CreateKeyInput>;

export type ApiKeyInfo = { id: string; role: Role; name?: string; contractorId?: string; personId?: string; createdAt: string; revokedAt?: string };

export const ApiKeys = {
  /**
   * `formId`: the id the page's form was rendered with, so that submitting that form again (a reload of
   * the page that showed the secret) is refused with `key_already_made` instead of making a second key.
   */
  async create(ctx: Ctx, input: CreateKeyInput, { formId }: { formId?: string } = {}): Promise<{ id: string; key: string; name?: string }> {
    let name = input.name;
    if (input.personId !== undefined) {
      const person = (await namedPeople(ctx, [{ id: input.personId, path: "personId" }]))[0]!;
      if (person.role !== input.role) {
        throw new InvalidInputError(`person ${person.id} is a ${person.role}, not a ${input.role}`, [{ path: "role", message: `the person is a ${person.role}` }]);
      }
      name ??= person.name;
    }
    if (formId !== undefined && (await keyById(ctx, formId))) {
      throw new ConflictError("key_already_made", "a key was already made from this form; its secret was shown once", { id: formId });
    }
    const id = formId ?? newId();
    const key = `prm_${randomBytes(24).toString("base64url")}`;
    const { pk } = ApiKeyEntity.key({ hash: hashOfKey(key) });
    const createdAt = ctx.now().toISOString();
    await ApiKeyEntity.put(ctx, { pk, id, role: input.role, name, contractorId: input.contractorId, personId: input.personId, createdAt }, "new");
    return { id, key, ...(name !== undefined ? { name } : {}) };
  },

  /** The principal behind a presented key, or null when it is unknown or revoked. */
  async authenticate(ctx: Ctx, secret: string, ownerKey?: string): Promise<Principal | null> {
    return principalByKeyHash(ctx, hashOfKey(secret), ownerKey);
  },

  async list(ctx: Ctx): Promise<ApiKeyInfo[]> {
    return (await ApiKeyEntity.all(ctx, "all", {})).map(infoOf);
  },

  async revoke(ctx: Ctx, id: string): Promise<ApiKeyInfo> {
    const found = await keyById(ctx, id);
    if (!found) throw new NotFoundError("API key", id);
    // The first revocation's time stays: revoking again changes nothing and answers the key as it is.
    const revoked =
      (await ApiKeyEntity.update(ctx, found, { set: { revokedAt: ctx.now().toISOString() } }, { expression: "attribute_exists(pk) AND attribute_not_exists(revokedAt)" })) ??
      (await ApiKeyEntity.get(ctx, found, { consistent: true }))!;
    // The browsers signed in with it are signed out too (each use re-checks the key as well).
    await Sessions.endForKey(ctx, id);
    return infoOf(revoked);
  },
};

async function keyById(ctx: Ctx, id: string) {
  const [found] = await ApiKeyEntity.all(ctx, "all", {}, { sort: { between: [id, id] } });
  return found;
}

/** What the API shows of a key: everything but where it is stored (its hash). */
function infoOf({ pk: _pk, ...info }: z.infer<typeof ApiKeyEntity.schema>): ApiKeyInfo {
  return info;
}
