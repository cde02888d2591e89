import { loadDemo, type DemoResult } from "../../packages/local/src/demo/load.js";
import { ideas } from "../../packages/local/src/demo/ideas.js";
import { contractors, hypotheses, lateLosses, sources } from "../../packages/local/src/demo/story.js";
import { pageModules } from "../../packages/web/src/pages/index.js";
import { OWNER_KEY, type Harness } from "./harness.js";

/**
 * `npm run demo`'s case loaded into a test's table, every role's key to it, and every page each role
 * can open, with the ids of the demo's things put into the pages' paths. The leak test and the
 * screenshots both read it, so a page added to packages/web/src/pages/index.ts is visited by both.
 */

// 10 June 2026, 12:00 in Moscow, as demo.test: the history runs from 12 March to 9 June.
export const DEMO_NOW = "2026-06-10T09:00:00Z";

export type RoleName = "owner" | "marketer" | "contractor" | "lead-manager" | "account-manager" | "head-of-sales";
export type Role = { name: RoleName; key: string };
/** One page to visit: its path and a short name for its screenshot (`<role>-<name>.png`). */
export type DemoPage = { path: string; name: string };

export type DemoWorld = {
  result: DemoResult;
  /** Each role once; the contractor is the demo's first (Директ Лаб). */
  roles: Role[];
  /** The other contractors' keys: each sees only its own campaigns and report. */
  otherContractors: Role[];
  /** What people typed into the demo (titles, statements, utm campaigns, names...): theirs to spell. */
  typed: string[];
  pages: (role: Role) => Promise<DemoPage[]>;
};

/** Loads the demo (about 1,000 leads: a minute or two on a busy machine) and beside it a marketer's key, a reconciliation and a lead imported without a source. */
export async function loadDemoWorld(h: Harness): Promise<DemoWorld> {
  const result = await loadDemo({ api: h.call, now: new Date(DEMO_NOW), timeZone: h.ctx.timeZone });
  const marketer = await h.call("POST", "/api/keys", { role: "marketer", name: "Ольга Миронова" });
  if (marketer.status !== 201) throw new Error(`marketer key: ${marketer.text}`);
  await reconcileLastMonth(h);
  // A past lead imported by hand without naming its source, as an export from an old CRM is.
  const imported = await h.call("POST", "/api/leads/import", { leads: [{ externalId: "old-crm-1", name: "Инна Старова", phone: "+79035550123", createdAt: "2026-06-01T10:00:00+03:00", stage: "contacted" }] });
  if (imported.status !== 200) throw new Error(`import: ${imported.text}`);
  const sales = (name: string) => result.sales.keys.find((k) => k.name === name)!.key;
  const [firstContractor, ...others] = result.contractorKeys;
  const roles: Role[] = [
    { name: "owner", key: OWNER_KEY },
    { name: "marketer", key: marketer.body.key },
    { name: "contractor", key: firstContractor!.key },
    { name: "lead-manager", key: sales("Дарья Лидова") },
    { name: "account-manager", key: sales("Марина Клиентова") },
    { name: "head-of-sales", key: sales("Анна Белова") },
  ];
  const ids = await idsOf(h, result);
  return {
    result,
    roles,
    otherContractors: others.map((k) => ({ name: "contractor", key: k.key })),
    typed: [...typedInDemo(result), ...(await utmLabels(h))].sort((a, b) => b.length - a.length),
    pages: async (role) => [...(await routePages(h, role, ids)), ...queryPages(ids, result)],
  };
}

/** A reconciliation of last month's won deals against an accounting export: three matched, one client the CRM never won. */
async function reconcileLastMonth(h: Harness) {
  const won = (await h.call("GET", "/api/leads?limit=200")).body.items.filter((lead: any) => lead.stage === "won" && lead.contact.phone && lead.amount).slice(0, 3);
  const rows = won.map((lead: any, i: number) => `0${i + 1}.05.2026;Реализация товаров 00БП-00${i + 1};${lead.contact.name ?? "Покупатель"};;${lead.contact.phone};;${lead.amount.replace(".", ",")}`);
  const csv = ["Дата;Документ;Контрагент;ИНН;Телефон;E-mail;Сумма", ...rows, "20.05.2026;Реализация товаров 00БП-009;ИП Соколова Анна;;+79035550199;;85 000,00"].join("\n");
  const made = await h.call("POST", "/api/reconciliations", undefined, { raw: csv, contentType: "text/csv; charset=utf-8" });
  if (made.status !== 201) throw new Error(`reconciliation: ${made.text}`);
}

type Ids = Record<string, Array<{ id: string; name: string }>>;

/** The status ids and loss reason ids the demo's sources map, for the pages that remove one. */
async function mapEntryIds(items: (path: string) => Promise<any[]>): Promise<Ids> {
  const sources = await items("/api/sources");
  const own = (map: "statusMap" | "lossReasons", fallback: string) => {
    const keys = [...new Set(sources.flatMap((source) => Object.keys(source[map] ?? {})))].filter((key) => !["142", "143"].includes(key) || map === "lossReasons");
    return (keys.length ? keys : [fallback]).map((id, i) => ({ id, name: `${map === "statusMap" ? "status" : "reason"}${i + 1}` }));
  };
  return { "status-map": own("statusMap", "142"), "loss-reasons": own("lossReasons", "0") };
}

/** Ids of the demo's things by the path segment that names them (`/hypotheses/:id` takes a hypothesis). */
async function idsOf(h: Harness, result: DemoResult): Promise<Ids> {
  const items = async (path: string) => (await h.call("GET", path)).body.items as any[];
  const campaigns = (await Promise.all(result.hypotheses.map((x) => items(`/api/hypotheses/${x.id}/campaigns`)))).flat();
  const named = (list: any[], prefix: string) => list.map((item, i) => ({ id: item.id as string, name: `${prefix}${i + 1}` }));
  return {
    hypotheses: result.hypotheses.map((x) => ({ id: x.id, name: x.role })),
    contractors: named(await items("/api/contractors"), ""),
    campaigns: named(campaigns, ""),
    sources: named(await items("/api/sources"), ""),
    // A source's map entries to remove: the demo maps none of its own, so amoCRM's 142 (its not-found page) stands in.
    ...(await mapEntryIds(items)),
    people: named(await items("/api/people"), ""),
    keys: named((await items("/api/keys")).filter((k) => !k.revokedAt).slice(0, 3), ""),
    reconciliation: named(await items("/api/reconciliations"), ""),
    quarantine: named(await items("/api/quarantine"), ""),
    backlog: named(await items("/api/ideas"), "idea"),
  };
}

/** Routes that answer no page of their own: the language switch redirects back where it came from. */
const notPages = new Set(["/lang/:lang"]);
/** Downloads whose address names what to download: the leads export needs its format. */
const downloadQuery: Record<string, string> = { "/leads/export": "?format=csv" };

/** Every GET route of the web app with each of its parameters filled by the demo's ids; a parameter with no ids fails the run. */
async function routePages(h: Harness, role: Role, ids: Ids): Promise<DemoPage[]> {
  const routes = [...new Set(pageModules.flatMap((module) => module.routes.filter((r) => r.method === "GET").map((r) => r.path)))].filter((path) => !notPages.has(path));
  const leads = await sampleLeads(h, role);
  const pages: DemoPage[] = [];
  for (const route of routes) {
    let filled: DemoPage[] = [{ path: "", name: "" }];
    for (const segment of route.split("/").slice(1)) {
      if (!segment.startsWith(":")) {
        filled = filled.map((p) => ({ path: `${p.path}/${segment}`, name: p.name ? `${p.name}-${segment}` : segment }));
        continue;
      }
      const noun = filled[0]!.path.split("/").at(-1)!;
      const values = noun === "leads" ? leads : ids[noun];
      // A role that reaches no lead (a contractor) has no lead page to open.
      if (noun === "leads" && leads.length === 0) {
        filled = [];
        break;
      }
      if (!values?.length) throw new Error(`The page ${route} takes a ${noun} id the demo pages do not know: add them in test/support/demo-pages.ts idsOf.`);
      filled = filled.flatMap((p) => values.map((value) => ({ path: `${p.path}/${value.id}`, name: `${p.name}-${value.name}` })));
    }
    pages.push(...filled.map((p) => ({ path: (p.path || "/") + (downloadQuery[route] ?? ""), name: (p.name || "home").replace(/[^a-z0-9-]/gi, "-") })));
  }
  return pages;
}

/** Filters and views a route's path cannot name: a lead list by stage, another month's results, a report period, each confirmation notice. */
function queryPages(ids: Ids, result: DemoResult): DemoPage[] {
  const [year, month] = result.asOf.split("-").map(Number) as [number, number];
  const lastMonth = `${month === 1 ? year - 1 : year}-${String(month === 1 ? 12 : month - 1).padStart(2, "0")}`;
  const ready = ids.hypotheses!.find((x) => x.name === "ready")!.id;
  const failing = ids.hypotheses!.find((x) => x.name === "failing")!.id;
  return [
    { path: "/leads?stage=lost", name: "leads-list-lost" },
    { path: "/leads?stage=won", name: "leads-list-won" },
    { path: "/leads?unattributed=true", name: "leads-list-unattributed" },
    { path: `/leads?hypothesisId=${ready}`, name: "leads-list-of-ready" },
    { path: `/results?month=${lastMonth}`, name: "results-last-month" },
    { path: `/quality?hypothesisId=${failing}`, name: "quality-of-failing" },
    { path: `/spend?day=${result.asOf}`, name: "spend-today" },
    { path: "/backlog?sort=ease&order=asc", name: "backlog-by-ease" },
    { path: "/learnings?q=%D0%B0", name: "learnings-search" },
    ...ids.contractors!.map((c) => ({ path: `/contractors/${c.id}/report?from=${lastMonth}-01&to=${lastMonth}-28`, name: `contractors-${c.name}-report-last-month` })),
  ];
}

/**
 * A few of the leads `role` reaches, one of each kind a lead page shows differently: stage, lost
 * reason (no answer, amoCRM's status, typed), campaign or not, assigned or not, reviewed or not.
 */
async function sampleLeads(h: Harness, role: Role): Promise<Array<{ id: string; name: string }>> {
  const seen = new Map<string, { id: string; name: string }>();
  let cursor: string | null = null;
  do {
    const answer = await h.call("GET", `/api/leads?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, undefined, { key: role.key });
    if (answer.status !== 200) return [];
    for (const lead of answer.body.items) {
      const reason = lead.lostReason === null ? "" : lead.lostReason === "no_contact" ? "no-contact" : lead.lostReason.startsWith("crm_status_") ? "crm" : "typed";
      const kind = [lead.stage, reason, lead.campaignId ? "" : "unattributed", lead.assigneeId ? "" : "unassigned", lead.qualityReview ? "reviewed" : "", lead.touches.length > 1 ? "touches" : "", lead.sourceId === "import" ? "imported" : ""];
      const name = kind.filter(Boolean).join("-");
      if (!seen.has(name)) seen.set(name, { id: lead.id, name });
    }
    cursor = answer.body.nextCursor;
  } while (cursor);
  return [...seen.values()];
}

/**
 * The UTM labels leads arrived with (medium, campaign, term, content), shown as the sender wrote them;
 * the source is left out, since pages name a known one by its platform.
 */
async function utmLabels(h: Harness): Promise<string[]> {
  const labels = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: any = (await h.call("GET", `/api/leads?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)).body;
    for (const lead of page.items) for (const name of ["medium", "campaign", "term", "content"]) if (lead.utm[name]) labels.add(lead.utm[name]);
    cursor = page.nextCursor;
  } while (cursor);
  return [...labels];
}

/** Text people typed into the demo, which pages rightly show as typed (utm campaigns such as opt_sumki_poisk, "Look-alike"). */
function typedInDemo(result: DemoResult): string[] {
  const plans = hypotheses.flatMap((plan) => [
    plan.title,
    plan.statement,
    plan.responsible,
    plan.closeReason ?? "",
    plan.lesson ?? "",
    plan.analysisReason ?? "",
    plan.optimization?.change ?? "",
    ...plan.campaigns.flatMap((campaign) => [campaign.utmCampaign, ...campaign.earlyLosses]),
    ...(plan.rules ?? []).flatMap((rules) => [rules.responsible, rules.leadHandling, ...rules.checklist]),
  ]);
  return [
    ...plans,
    ...ideas.flatMap((idea) => [idea.title, idea.statement, idea.channel]),
    ...contractors.flatMap((c) => [c.name, c.email]),
    sources.tilda.name,
    sources.amocrm.name,
    ...Object.values(lateLosses).flat(),
    ...result.sales.keys.map((k) => k.name),
  ]
    .filter((text) => text.length > 0)
    // Longest first, so a title goes as a whole before a shorter text inside it.
    .sort((a, b) => b.length - a.length);
}
