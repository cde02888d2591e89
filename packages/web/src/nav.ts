import { can, contractorScope, type Permission } from "@parom/core/access";
import type { Principal } from "@parom/core/access";
import type { Messages } from "./i18n/index.js";

/**
 * One entry of the main menu, shown to those holding the permission its page needs (the page's own
 * guard still decides); `contractor` entries are a contractor's own home and report, which the team reaches otherwise.
 */
export type NavItem = {
  href: string;
  label: (t: Messages) => string;
  /** A permission, or "contractor": only for keys narrowed to one contractor (their own campaigns and report). */
  shownTo: Permission | "contractor";
  /** Pages of this section that live under another path (the link redirects there). */
  alsoCurrent?: RegExp;
};

/** The main menu, in order. A new page adds its line here. */
export const navItems: NavItem[] = [
  { href: "/", label: (t) => t.nav.board, shownTo: "hypotheses.read" },
  { href: "/backlog", label: (t) => t.backlog.nav.backlog, shownTo: "hypotheses.read" },
  { href: "/learnings", label: (t) => t.backlog.nav.learnings, shownTo: "hypotheses.read" },
  { href: "/", label: (t) => t.nav.myCampaigns, shownTo: "contractor" },
  { href: "/report", label: (t) => t.decisions.nav.myReport, shownTo: "contractor", alsoCurrent: /^\/contractors\/[^/]+\/report$/ },
  { href: "/leads", label: (t) => t.nav.leads, shownTo: "leads.read" },
  { href: "/people", label: (t) => t.team.nav.people, shownTo: "people.read" },
  { href: "/quarantine", label: (t) => t.nav.quarantine, shownTo: "quarantine.manage" },
  { href: "/spend", label: (t) => t.nav.spend, shownTo: "spend.manage" },
  { href: "/sources", label: (t) => t.nav.sources, shownTo: "sources.manage" },
  { href: "/assignment", label: (t) => t.team.rule.nav, shownTo: "assignment.manage" },
  { href: "/contractors", label: (t) => t.nav.contractors, shownTo: "contractors.manage" },
  { href: "/quality", label: (t) => t.decisions.nav.quality, shownTo: "quality.read" },
  { href: "/results", label: (t) => t.results.nav, shownTo: "results.read" },
  { href: "/keys", label: (t) => t.daily.keys.nav, shownTo: "keys.manage" },
  { href: "/callbacks", label: (t) => t.sales.nav.callbacks, shownTo: "callbacks.work" },
  { href: "/access-log", label: (t) => t.access.nav.accessLog, shownTo: "contacts.log.read" },
  { href: "/reconciliation", label: (t) => t.decisions.nav.reconciliation, shownTo: "reconciliations.manage" },
];

/** Does the menu show `item` to `principal`? */
export const shows = ({ shownTo }: NavItem, principal: Principal) =>
  shownTo === "contractor" ? contractorScope(principal) !== undefined : can(principal, shownTo);

/** True when `item` is the section the current path belongs to. */
export const isCurrent = ({ href, alsoCurrent }: NavItem, path: string) =>
  (href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`)) || (alsoCurrent?.test(path) ?? false);
