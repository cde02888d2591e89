import type { Principal } from "./principal.js";

/**
 * How a history records who acted: `actor` is the key (`key:<id>`, stable, what older items hold)
 * and `actorName` the key's name or its person's name, what pages show instead of the id.
 * @example actorOf({ keyId: "01J...", role: "manager", name: "Анна" }) // { actor: "key:01J...", actorName: "Анна" }
 */
export function actorOf(principal: Principal): { actor: string; actorName?: string } {
  return { actor: `key:${principal.keyId}`, ...(principal.name ? { actorName: principal.name } : {}) };
}
