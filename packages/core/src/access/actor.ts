import { z } from "zod";
import type { Ctx } from "../context.js";
import { ApiKeys } from "./api-keys.js";
import { OWNER_KEY_ID } from "./key-lookup.js";
import type { Principal } from "./principal.js";

/**
 * How a history records who acted: `actor` is the key (`key:<id>`, stable, what older items hold)
 * and `actorName` the key's name or its person's name, what pages show instead of the id.
 * @example actorOf({ keyId: "01J...", role: "manager", name: "Анна" }) // { actor: "key:01J...", actorName: "Анна" }
 */
export function actorOf(principal: Principal): { actor: string; actorName?: string } {
  return { actor: `key:${principal.keyId}`, ...(principal.name ? { actorName: principal.name } : {}) };
}

/**
 * The key that acted as hypothesis histories, approvals and optimizations keep it: its id, role
 * and name (items written before keys had names hold no name, and pages show the role for them).
 */
export function actingKey(principal: Principal): { keyId: string; role: Principal["role"]; name?: string } {
  return { keyId: principal.keyId, role: principal.role, ...(principal.name ? { name: principal.name } : {}) };
}

/**
 * Names for actors an older history item kept only as `key:<id>`: "owner" for the owner's key from
 * the environment, a stored key's name where it has one. The keys are read (one query) only when a
 * stored key is among `actors`; CRMs and keys without a name get no name.
 * @example await keyNamesOf(ctx, ["key:env:OWNER_API_KEY", "crm:01J..."]) // Map { "key:env:OWNER_API_KEY" => "owner" }
 */
export async function keyNamesOf(ctx: Ctx, actors: string[]): Promise<Map<string, string>> {
  const owner = `key:${OWNER_KEY_ID}`;
  const names = new Map<string, string>(actors.includes(owner) ? [[owner, "owner"]] : []);
  if (!actors.some((actor) => actor.startsWith("key:") && actor !== owner)) return names;
  for (const key of await ApiKeys.list(ctx)) if (key.name) names.set(`key:${key.id}`, key.name);
  return names;
}

/** The attributes of `loggedKey`, for the schemas of the access logs (contact views, exports). */
export const loggedKeyFields = { keyId: z.string(), name: z.string().nullable() };

/** The key that acted as the access logs keep it: its id and its name (a person's name for a manager's or head of sales' key), null for an unnamed key. */
export function loggedKey(principal: Principal): { keyId: string; name: string | null } {
  return { keyId: principal.keyId, name: principal.name ?? null };
}
