import { OWNER_KEY_ID, type Principal } from "@parom/core/access";
import type { Messages } from "./i18n/index.js";

/**
 * Who acted, as a page names them: the key's or person's name; the owner's key and entries kept
 * before keys had names by their role, in the page's language.
 * @example actorLabel(t, { keyId: "01J...", role: "manager", name: "Анна" }) // "Анна"
 */
export function actorLabel(t: Messages, actor: Pick<Principal, "keyId" | "role" | "name">): string {
  if (actor.keyId === OWNER_KEY_ID || !actor.name) return t.role[actor.role];
  return actor.name;
}
