import type { Role } from "../../core/src/access/principal.js";
import type { Messages } from "./i18n/index.js";

/** One entry of the main menu, shown to the roles that may open it (the page's own guard still decides). */
export type NavItem = {
  href: string;
  label: (t: Messages) => string;
  roles: readonly Role[];
  /** Pages of this section that live under another path (the link redirects there). */
  alsoCurrent?: RegExp;
};

const team: Role[] = ["owner", "marketer"];

/** The main menu, in order. A new page adds its line here. */
export const navItems: NavItem[] = [
  { href: "/", label: (t) => t.nav.board, roles: team },
  { href: "/", label: (t) => t.nav.myCampaigns, roles: ["contractor"] },
  { href: "/report", label: (t) => t.decisions.nav.myReport, roles: ["contractor"], alsoCurrent: /^\/contractors\/[^/]+\/report$/ },
  { href: "/leads", label: (t) => t.nav.leads, roles: team },
  { href: "/quarantine", label: (t) => t.nav.quarantine, roles: team },
  { href: "/spend", label: (t) => t.nav.spend, roles: team },
  { href: "/sources", label: (t) => t.nav.sources, roles: team },
  { href: "/contractors", label: (t) => t.nav.contractors, roles: team },
  { href: "/quality", label: (t) => t.decisions.nav.quality, roles: team },
  { href: "/reconciliation", label: (t) => t.decisions.nav.reconciliation, roles: team },
];

/** True when `item` is the section the current path belongs to. */
export const isCurrent = ({ href, alsoCurrent }: NavItem, path: string) =>
  (href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`)) || (alsoCurrent?.test(path) ?? false);
