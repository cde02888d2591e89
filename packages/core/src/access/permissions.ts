import type { Principal, Role } from "./principal.js";

const team = ["owner", "marketer"] as const satisfies readonly Role[];
const everyone = ["owner", "marketer", "contractor"] as const satisfies readonly Role[];
/** Those who work leads: the team, and the sales department (a manager only their own leads, `lead-scope.ts`). */
const leadWorkers = ["owner", "marketer", "manager", "sales_head"] as const satisfies readonly Role[];
const salesLead = ["owner", "sales_head"] as const satisfies readonly Role[];

/**
 * Who may do what: the one table both the API's `allow` and the web pages' guards read, so a page
 * and the route behind it cannot disagree. A contractor's permissions are further narrowed to
 * their own rows by `visibility.ts`, a manager's to the leads assigned to them.
 */
export const permissions = {
  "keys.manage": ["owner"],
  "scale.approve": ["owner"],
  "hypotheses.read": team,
  "hypotheses.write": team,
  "campaigns.read": everyone,
  "campaigns.write": team,
  "contractors.read": everyone,
  "contractors.manage": team,
  "reports.read": everyone,
  "reports.run": team,
  "outbox.read": team,
  "alerts.read": team,
  "sources.manage": team,
  "tags.manage": team,
  "leads.read": leadWorkers,
  "leads.work": leadWorkers,
  "leads.import": team,
  "leads.assign": salesLead,
  "leads.export": ["owner"],
  "contacts.log.read": ["owner"],
  /** Contact details in lead lists; the others (marketers) see them masked (lead/contact-mask.ts). */
  "contacts.list": ["owner", "manager", "sales_head"],
  /** Opens a lead's whole contact without an access-log entry (a manager only their own leads). */
  "contacts.view.unlogged": ["owner", "manager"],
  "people.read": ["owner", "marketer", "sales_head"],
  "people.manage": ["owner"],
  "assignment.manage": salesLead,
  "callbacks.work": salesLead,
  "results.read": ["owner", "sales_head", "manager"],
  /** Every segment of the results board; without it, only the segments of one's own leads. */
  "results.readAll": salesLead,
  "quality.read": ["owner", "marketer", "sales_head"],
  "quality.review": ["owner", "marketer", "sales_head"],
  "quarantine.manage": team,
  "spend.manage": team,
  "reconciliations.manage": team,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/** The roles holding `permission`. */
export const rolesWith = (permission: Permission): readonly Role[] => permissions[permission];

/**
 * May this principal do it?
 * @example can({ keyId, role: "marketer" }, "scale.approve") // false
 */
export const can = (principal: Pick<Principal, "role">, permission: Permission) => rolesWith(permission).includes(principal.role);

const guardPermissions = new WeakMap<object, Permission>();

/** Marks a guard (API middleware or web page guard) with the permission it enforces, so tests and the API reference can read it back. */
export function markGuard<G extends object>(guard: G, permission: Permission): G {
  guardPermissions.set(guard, permission);
  return guard;
}

/** The permission a guard marked by `markGuard` enforces, if `handler` is one. */
export const permissionOf = (handler: unknown) => (typeof handler === "function" ? guardPermissions.get(handler) : undefined);
