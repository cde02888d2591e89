import { ForbiddenError, NotFoundError } from "../errors.js";
import type { Principal } from "./principal.js";

/*
 * What a caller may see of things that belong to a contractor (campaigns, the contractor itself,
 * its reports). Owners and marketers see everything. A contractor key sees only its own
 * contractor's things; anything else answers exactly like an id that does not exist, so another
 * contractor's ids cannot be probed, and listings are narrowed rather than filtered afterwards.
 */

/**
 * The contractor a listing must be narrowed to, or undefined for owners and marketers.
 * @example const items = scope ? await Campaigns.listByContractor(ctx, scope) : await Campaigns.list(ctx);
 */
export function contractorScope(principal: Principal): string | undefined {
  if (principal.role !== "contractor") return undefined;
  // Keys are created bound (CreateKeyInput); an unbound contractor key must not widen to "everything".
  if (!principal.contractorId) throw new ForbiddenError("this contractor key is bound to no contractor");
  return principal.contractorId;
}

/** True when the thing belonging to `contractorId` (null: run by no contractor) is visible to `principal`. */
export function isVisible(principal: Principal, contractorId: string | null): boolean {
  const scope = contractorScope(principal);
  return scope === undefined || scope === contractorId;
}

/**
 * Throws the same NotFoundError as a missing id unless `principal` may see the thing.
 * @example assertVisible(principal, campaign.contractorId, "campaign", campaign.id);
 */
export function assertVisible(principal: Principal, contractorId: string | null, what: string, id: string): void {
  if (!isVisible(principal, contractorId)) throw new NotFoundError(what, id);
}
