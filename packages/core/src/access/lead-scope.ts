import { ForbiddenError, NotFoundError } from "../errors.js";
import type { Principal } from "./principal.js";

/*
 * Which leads a caller may see. A manager's key sees only the leads assigned to its person; a lead
 * of another person, or of nobody, answers exactly like an id that does not exist (the same
 * NotFoundError as a missing lead), so lead ids cannot be probed. Listings are narrowed to the
 * person's own listing (`byAssignee`) rather than filtered afterwards. The head of sales, the owner
 * and marketers see every lead (contractors hold no lead permission at all).
 */

/**
 * The person whose leads alone `principal` sees, or undefined when it sees every lead.
 * @example const scope = leadScope(principal); scope ? byAssignee(scope) : all()
 */
export function leadScope(principal: Principal): string | undefined {
  if (principal.role !== "manager") return undefined;
  // Keys are created bound (CreateKeyInput); an unbound manager key must not widen to "every lead".
  if (!principal.personId) throw new ForbiddenError("this manager key is bound to no person");
  return principal.personId;
}

/** True when `lead` (assigned to `assigneeId`, absent or null: to nobody) is visible to `principal`. */
export function isLeadVisible(principal: Principal, lead: { assigneeId?: string | null }): boolean {
  const scope = leadScope(principal);
  return scope === undefined || scope === (lead.assigneeId ?? null);
}

/**
 * Throws the NotFoundError of a missing lead, named by the id asked for, unless `principal` may see `lead`.
 * @example assertLeadVisible(principal, item, c.req.param("id"));
 */
export function assertLeadVisible(principal: Principal, lead: { assigneeId?: string | null }, askedId: string): void {
  if (!isLeadVisible(principal, lead)) throw new NotFoundError("lead", askedId);
}
