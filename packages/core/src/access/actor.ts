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
