import { beforeAll, describe, expect, it } from "vitest";
import { createAccessFixtures, callers, CONTACT, leadBody, ACCOUNTING_CSV, type AccessFixtures, type Caller, type Subject, type StaffOwn } from "../support/access.js";
import { ideaBody, promotionBody } from "../support/backlog.js";
import { hypothesisBody } from "../support/decisions.js";
import { createHarness, OWNER_KEY, type ApiResponse, type Harness } from "../support/harness.js";
import { token } from "../support/intake.js";

/*
 * The role table: one row per route as Hono registered it, the request made, and the exact
 * status each caller gets. A status other than 401/403 proves the guards let the caller through:
 * mostly 2xx on real fixtures; 409 and 422 where the domain then refuses (noted on the row).
 * "other" is contractor A's key naming contractor B's campaign, contractor or report: it must
 * answer like a missing id. Rows without `other` name nothing a contractor owns. "manager" names
 * leads assigned to them; "managerOther" is another manager naming the same leads: on a lead's
 * routes it must answer like a missing id (404), elsewhere it gets what "manager" gets.
 */

type Scope = { who: Caller; f: AccessFixtures; subject: Subject; own: StaffOwn };
type Request = { params?: Record<string, string>; query?: string; body?: unknown; raw?: string; contentType?: string };
type Expected = Record<"owner" | "marketer" | "contractor" | "manager" | "salesHead", number> & {
  other?: number;
  /** Defaults to `manager`'s status. */
  managerOther?: number;
  noKey?: number;
  revoked?: number;
};
type Row = { req: (s: Scope) => Request; expect: Expected };

const refused = { owner: 403, marketer: 403, contractor: 403, manager: 403, salesHead: 403 };
/** The marketing team's: the owner and marketers. */
const staff = (owner: number, marketer = owner): Expected => ({ ...refused, owner, marketer });
const ownerOnly = (owner: number): Expected => ({ ...refused, owner });
/** Contractor-readable: its own thing as the staff get it, another contractor's as a missing id. */
const everyone = (status: number, other?: number): Expected => ({ ...staff(status), contractor: status, ...(other ? { other } : {}) });
/** The owner's and the head of sales' (assigning leads, the sales department's rules). */
const salesLead = (status: number): Expected => ({ ...refused, owner: status, salesHead: status });
/** Everyone who works leads: the team and the sales department (not contractors). */
const leadWorkers = (status: number): Expected => ({ ...staff(status), manager: status, salesHead: status });
/** A route under /api/leads/{id}: a manager's own lead as for every lead worker; another manager gets a missing lead. */
const ownLead = (status: number, overrides: Partial<Expected> = {}): Expected => ({ ...leadWorkers(status), managerOther: 404, ...overrides });
/** A row's statuses with some callers changed: `and(staff(200), { salesHead: 200 })`. */
const and = (base: Expected, overrides: Partial<Expected>): Expected => ({ ...base, ...overrides });
const id = (value: string) => ({ params: { id: value } });
const hyp = (s: Scope, extra: Request = {}) => ({ ...id(s.f.hypothesisId), ...extra });

const table: Record<string, Row> = {
  "POST /hooks/:key": { req: (s) => ({ params: { key: s.f.source.key }, body: leadBody() }), expect: { ...everyone(200), manager: 200, salesHead: 200, noKey: 200, revoked: 200 } },

  "POST /api/keys": { req: () => ({ body: { role: "marketer" } }), expect: ownerOnly(201) },
  "GET /api/keys": { req: () => ({}), expect: ownerOnly(200) },
  "DELETE /api/keys/:id": { req: (s) => id(s.own.throwawayKeyId), expect: ownerOnly(200) },

  "POST /api/contractors": { req: () => ({ body: { name: `Агентство ${token()}` } }), expect: staff(201) },
  "GET /api/contractors": { req: () => ({}), expect: everyone(200) },
  "GET /api/contractors/:id": { req: (s) => id(s.subject.contractorId), expect: everyone(200, 404) },
  "PATCH /api/contractors/:id": { req: (s) => ({ ...id(s.subject.contractorId), body: { email: "a@agency.example" } }), expect: staff(200) },
  "GET /api/contractors/:id/report": { req: (s) => ({ ...id(s.subject.contractorId), query: "from=2026-03-02&to=2026-03-08" }), expect: everyone(200, 404) },

  "GET /api/reports": { req: () => ({}), expect: everyone(200) },
  "POST /api/reports/run": { req: () => ({ body: { period: "weekly" } }), expect: staff(200) },
  "GET /api/reports/:id": { req: (s) => id(s.subject.reportId), expect: everyone(200, 404) },
  "POST /api/reports/:id/resend": { req: (s) => id(s.subject.reportId), expect: staff(201) },
  "GET /api/reports/:id/resends": { req: (s) => id(s.subject.reportId), expect: staff(200) },
  "GET /api/outbox": { req: () => ({}), expect: staff(200) },

  "GET /api/sources/:id/required-tags": { req: (s) => id(s.f.source.id), expect: staff(200) },
  "PUT /api/sources/:id/required-tags": { req: (s) => ({ ...id(s.f.source.id), body: { fromStage: "qualified", tags: ["city"] } }), expect: staff(200) },
  "GET /api/hypotheses/:id/required-tags": { req: (s) => hyp(s), expect: staff(200) },
  "PUT /api/hypotheses/:id/required-tags": { req: (s) => hyp(s, { body: { fromStage: "qualified", tags: ["clientType"] } }), expect: staff(200) },

  "POST /api/hypotheses": { req: () => ({ body: hypothesisBody() }), expect: staff(201) },
  "GET /api/hypotheses": { req: () => ({}), expect: staff(200) },
  "GET /api/hypotheses/compare": { req: (s) => ({ query: `ids=${s.f.hypothesisId}` }), expect: staff(200) },
  "GET /api/hypotheses/:id": { req: (s) => hyp(s), expect: staff(200) },
  // 409: a version no hypothesis reaches, so the edit gets through the guards and is refused as stale (version_conflict).
  "PATCH /api/hypotheses/:id": { req: (s) => hyp(s, { body: { expectedVersion: 999_999, reason: "проверка прав", budget: "600000" } }), expect: staff(409) },
  "POST /api/hypotheses/:id/transitions": { req: (s) => ({ ...id(s.own.closingHypothesisId), body: { to: "closed", reason: "не окупился", lesson: "ВК не приводит оптовиков" } }), expect: staff(200) },
  "GET /api/hypotheses/:id/history": { req: (s) => hyp(s), expect: staff(200) },
  "PUT /api/hypotheses/:id/rules": { req: (s) => hyp(s, { body: { responsible: "Мария", leadHandling: "Перезвонить за 15 минут", checklist: ["скрипт"] } }), expect: staff(200) },
  "GET /api/hypotheses/:id/rules": { req: (s) => hyp(s), expect: staff(200) },
  "POST /api/hypotheses/:id/campaigns": { req: (s) => hyp(s, { body: { utmSource: "vk", utmCampaign: `c-${token()}` } }), expect: staff(201) },
  "GET /api/hypotheses/:id/campaigns": { req: (s) => hyp(s), expect: staff(200) },
  "GET /api/hypotheses/:id/kpis": { req: (s) => hyp(s), expect: staff(200) },
  "GET /api/hypotheses/:id/gate": { req: (s) => hyp(s), expect: staff(200) },
  // 409: the hypothesis is not in optimization, so the owner's approval reaches the domain and is refused there.
  "POST /api/hypotheses/:id/approvals": { req: (s) => hyp(s, { body: { decision: "approve" } }), expect: ownerOnly(409) },
  "GET /api/hypotheses/:id/approvals": { req: (s) => hyp(s), expect: staff(200) },
  "GET /api/hypotheses/:id/cohorts": { req: (s) => hyp(s), expect: staff(200) },
  "GET /api/hypotheses/:id/funnel": { req: (s) => hyp(s), expect: staff(200) },
  "GET /api/hypotheses/:id/forecast": { req: (s) => hyp(s, { query: "budget=100000" }), expect: staff(200) },
  "POST /api/hypotheses/:id/optimizations": {
    req: (s) => hyp(s, { body: { area: "audience", change: "Сузили аудиторию", startedOn: "2026-03-05" } }),
    expect: staff(201),
  },
  "GET /api/hypotheses/:id/optimizations": { req: (s) => hyp(s), expect: staff(200) },

  "POST /api/ideas": { req: () => ({ body: ideaBody() }), expect: staff(201) },
  "GET /api/ideas": { req: () => ({ query: "sort=ease&order=asc" }), expect: staff(200) },
  "GET /api/ideas/:id": { req: (s) => id(s.f.ideaId), expect: staff(200) },
  "PUT /api/ideas/:id/ice": { req: (s) => ({ ...id(s.f.ideaId), body: { impact: 7, confidence: 5, ease: 3 } }), expect: staff(200) },
  "POST /api/ideas/:id/promotion": { req: (s) => ({ ...id(s.own.promotingIdeaId), body: promotionBody() }), expect: staff(201) },
  "POST /api/ideas/:id/drop": { req: (s) => ({ ...id(s.own.droppingIdeaId), body: { reason: "дорого для пробы" } }), expect: staff(200) },
  "GET /api/learnings": { req: () => ({ query: "channel=vk_ads&q=%D0%B2%D0%BA" }), expect: staff(200) },

  "GET /api/campaigns": { req: () => ({}), expect: everyone(200) },
  "GET /api/campaigns/:id": { req: (s) => id(s.subject.campaignId), expect: everyone(200, 404) },
  "GET /api/campaigns/:id/kpis": { req: (s) => id(s.subject.campaignId), expect: everyone(200, 404) },
  "PATCH /api/campaigns/:id": { req: (s) => ({ ...id(s.subject.campaignId), body: { paid: true } }), expect: staff(200) },
  "PUT /api/campaigns/:id/platform-ids": { req: (s) => ({ ...id(s.subject.campaignId), body: { ids: ["70001"] } }), expect: staff(200) },

  "GET /api/alerts": { req: () => ({}), expect: staff(200) },

  "POST /api/sources": { req: () => ({ body: { name: `json ${token()}`, format: "json" } }), expect: staff(201) },
  "GET /api/sources": { req: () => ({}), expect: staff(200) },
  "GET /api/sources/:id": { req: (s) => id(s.f.source.id), expect: staff(200) },
  "PATCH /api/sources/:id": { req: (s) => ({ ...id(s.f.source.id), body: { format: "json" } }), expect: staff(200) },
  "PUT /api/sources/:id/status-map": { req: (s) => ({ ...id(s.f.source.id), body: { Успешно: "won" } }), expect: staff(200) },
  "PUT /api/sources/:id/loss-reasons": { req: (s) => ({ ...id(s.f.source.id), body: { "7656397": "Дорого" } }), expect: staff(200) },
  "DELETE /api/sources/:id/status-map/:statusId": { req: (s) => ({ params: { id: s.f.source.id, statusId: "41923" } }), expect: staff(200) },
  "DELETE /api/sources/:id/loss-reasons/:lossReasonId": { req: (s) => ({ params: { id: s.f.source.id, lossReasonId: "7656398" } }), expect: staff(200) },
  "PUT /api/sources/:id/pipelines": { req: (s) => ({ ...id(s.f.source.id), body: ["7654321"] }), expect: staff(200) },
  "GET /api/sources/:id/assignment": { req: (s) => id(s.f.source.id), expect: salesLead(200) },
  "PUT /api/sources/:id/assignment": { req: (s) => ({ ...id(s.f.source.id), body: { mode: "fixed", personId: s.f.personId } }), expect: salesLead(200) },
  "GET /api/sources/:id/unmapped-loss-reasons": { req: (s) => id(s.f.source.id), expect: staff(200) },

  // Leads carry contact details: contractors read none of them, only counts and KPIs.
  "GET /api/leads": { req: () => ({}), expect: leadWorkers(200) },
  "POST /api/leads/import": { req: () => ({ body: { leads: [{ ...leadBody(), createdAt: "2026-03-04T10:00:00+03:00" }] } }), expect: staff(200) },
  "GET /api/leads/export": { req: () => ({ query: "format=csv&stage=won" }), expect: ownerOnly(200) },
  "GET /api/leads/exports": { req: () => ({}), expect: ownerOnly(200) },
  "GET /api/contact-views": { req: () => ({}), expect: ownerOnly(200) },
  "GET /api/leads/:id": { req: (s) => id(s.f.leadId), expect: ownLead(200) },
  "PATCH /api/leads/:id": { req: (s) => ({ ...id(s.own.leadId), body: { stage: "contacted" } }), expect: ownLead(200) },
  "GET /api/leads/:id/history": { req: (s) => id(s.f.leadId), expect: ownLead(200) },
  "POST /api/leads/:id/contact-attempts": {
    req: (s) => ({ ...id(s.own.leadId), body: { at: "2026-03-10T12:00:00Z", channel: "phone", result: "reached" } }),
    expect: ownLead(201),
  },
  "POST /api/leads/:id/handovers": { req: (s) => ({ ...id(s.own.leadId), body: { to: s.f.personId, reason: "отпуск" } }), expect: ownLead(201, { marketer: 403, manager: 403 }) },
  "GET /api/leads/:id/handovers": { req: (s) => id(s.f.leadId), expect: ownLead(200) },
  "GET /api/leads/:id/contact-attempts": { req: (s) => id(s.f.leadId), expect: ownLead(200) },
  "PUT /api/leads/:id/tags": { req: (s) => ({ ...id(s.own.leadId), body: { city: "Москва" } }), expect: ownLead(200) },
  // Quality review is not a manager's, even on their own lead; another's lead is still a missing one.
  "POST /api/leads/:id/quality-review": { req: (s) => ({ ...id(s.own.lostLeadId), body: { lostReasonCategory: "manager" } }), expect: ownLead(200, { manager: 403 }) },

  "POST /api/people": { req: () => ({ body: { name: `Менеджер ${token()}`, role: "manager" } }), expect: ownerOnly(201) },
  "GET /api/people": { req: () => ({}), expect: and(staff(200), { salesHead: 200 }) },
  "GET /api/people/:id": { req: (s) => id(s.f.personId), expect: and(staff(200), { salesHead: 200 }) },
  // A manager reads the board too, narrowed to their own segments.
  "GET /api/people/results": { req: () => ({ query: "month=2026-03" }), expect: and(leadWorkers(200), { marketer: 403 }) },

  "GET /api/callbacks": { req: () => ({}), expect: salesLead(200) },
  "POST /api/callbacks/:leadId": { req: (s) => ({ params: { leadId: s.own.leadId }, body: { result: "reached" } }), expect: salesLead(201) },
  "GET /api/callbacks/:leadId": { req: (s) => ({ params: { leadId: s.f.leadId } }), expect: salesLead(200) },
  "GET /api/spot-checks": { req: () => ({ query: "month=2026-03" }), expect: salesLead(200) },
  // 404: the fixtures have no account manager, so no lead is on the month's list; the guard let the caller through.
  "POST /api/spot-checks/:month/:leadId": { req: (s) => ({ params: { month: "2026-03", leadId: s.f.leadId }, body: { result: "satisfied" } }), expect: salesLead(404) },

  "GET /api/quality": { req: () => ({}), expect: and(staff(200), { salesHead: 200 }) },
  "GET /api/quarantine": { req: () => ({}), expect: staff(200) },
  // 422: the kept body is still unreadable, so a replay that got through the guard is refused again.
  "POST /api/quarantine/:id/replay": { req: (s) => id(s.f.quarantineId), expect: staff(422) },

  "POST /api/spend": { req: (s) => ({ body: { rows: [{ date: s.own.spendDay, ...s.f.campaignUtm, cost: "300.00" }] } }), expect: staff(200) },
  "GET /api/spend": { req: (s) => ({ query: `campaignId=${s.subject.campaignId}` }), expect: staff(200) },

  "POST /api/reconciliations": { req: () => ({ raw: ACCOUNTING_CSV, contentType: "text/csv", query: "from=2026-03-01&to=2026-03-31" }), expect: staff(201) },
  "GET /api/reconciliations": { req: () => ({}), expect: staff(200) },
  "GET /api/reconciliations/:id": { req: (s) => id(s.f.reconciliationId), expect: staff(200) },
};

/** Every route the app answers that the table must cover: the API's, and the public webhook. */
function registeredRoutes(): string[] {
  const routes = h.app.routes.filter((r) => r.method !== "ALL" && (r.path.startsWith("/api/") || r.path === "/hooks/:key"));
  return [...new Set(routes.map((r) => `${r.method} ${r.path}`))].sort();
}

const keyOf = (who: Caller): string | null => (who === "owner" ? OWNER_KEY : who === "other" ? f.keys.contractor : who === "noKey" ? null : f.keys[who]);

function expectedOf(row: Row, who: Caller): number | undefined {
  if (who === "noKey" || who === "revoked") return row.expect[who] ?? 401;
  if (who === "managerOther") return row.expect.managerOther ?? row.expect.manager;
  return row.expect[who];
}

/** Whose own leads and things a caller names: "managerOther" names the manager's. */
const ownOf = (who: Caller): StaffOwn =>
  who === "marketer" || who === "manager" || who === "salesHead" ? f.staff[who] : who === "managerOther" ? f.staff.manager : f.staff.owner;
const scopeOf = (who: Caller): Scope => ({ who, f, subject: who === "other" ? f.b : f.a, own: ownOf(who) });

async function send(route: string, row: Row, who: Caller, params?: Record<string, string>): Promise<ApiResponse> {
  const [method, pattern] = route.split(" ") as [string, string];
  const req = row.req(scopeOf(who));
  const values = { ...req.params, ...params };
  const path = pattern.replace(/:(\w+)/g, (_, name: string) => {
    if (!values[name]) throw new Error(`${route}: no value for :${name}`);
    return encodeURIComponent(values[name]!);
  });
  return h.call(method, req.query ? `${path}?${req.query}` : path, req.body, { key: keyOf(who), raw: req.raw, contentType: req.contentType });
}

type Outcome = { route: string; who: Caller; expected: number; res: ApiResponse };

/**
 * Calls every row as every caller, all callers of a row at once. Reads go first, all together; then
 * writes naming the same id (the same hypothesis, lead, source...) run one after another so that
 * none races another's version check, and writes to different ids run side by side.
 */
async function walk(): Promise<Outcome[]> {
  const calls = (route: string) =>
    callers.flatMap((who) => {
      const expected = expectedOf(table[route]!, who);
      return expected === undefined ? [] : [send(route, table[route]!, who).then((res): Outcome => ({ route, who, expected, res }))];
    });
  const routes = Object.keys(table);
  const outcomes = await Promise.all(routes.filter((r) => r.startsWith("GET ")).flatMap(calls));
  const lanes = new Map<string, string[]>();
  for (const route of routes.filter((r) => !r.startsWith("GET "))) {
    const lane = table[route]!.req(scopeOf("owner")).params?.id ?? route;
    lanes.set(lane, [...(lanes.get(lane) ?? []), route]);
  }
  await Promise.all(
    [...lanes.values()].map(async (lane) => {
      for (const route of lane) outcomes.push(...(await Promise.all(calls(route))));
    }),
  );
  return outcomes;
}

let h: Harness;
let f: AccessFixtures;
let outcomes: Outcome[];
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-10T12:00:00Z" });
  f = await createAccessFixtures(h);
  outcomes = await walk();
}, 180_000);

describe("who may call what", () => {
  it("has a row for every registered route, and none for a route that is gone", () => {
    const registered = registeredRoutes();
    expect(registered.filter((route) => !(route in table)), "routes without a row").toEqual([]);
    expect(Object.keys(table).filter((route) => !registered.includes(route)), "rows without a route").toEqual([]);
  });

  it("answers every route with the table's status, for every role, without a key and with a revoked key", () => {
    const wrong = outcomes.filter((o) => o.res.status !== o.expected).map((o) => `${o.who} ${o.route}: ${o.res.status}, expected ${o.expected} ${o.res.text.slice(0, 200)}`);
    expect(wrong).toEqual([]);
  });

  it("answers another contractor's campaign, contractor or report exactly like an id that does not exist", async () => {
    const rows = Object.entries(table).filter(([, row]) => row.expect.other !== undefined);
    expect(rows.length).toBeGreaterThan(0);
    for (const [route, row] of rows) {
      const theirs = outcomes.find((o) => o.route === route && o.who === "other")!;
      const theirId = row.req(scopeOf("other")).params!.id!;
      const missingId = "01NOSUCHTHING0000000000000";
      const missing = await send(route, row, "contractor", { id: missingId });
      expect(theirs.res.status, route).toBe(missing.status);
      expect(theirs.res.text, route).toBe(missing.text.split(missingId).join(theirId));
    }
  });

  it("answers another manager's lead exactly like a lead that does not exist, on every lead route", async () => {
    const rows = Object.entries(table).filter(([, row]) => row.expect.managerOther === 404);
    expect(rows.map(([route]) => route)).toContain("GET /api/leads/:id");
    for (const [route, row] of rows) {
      const theirs = outcomes.find((o) => o.route === route && o.who === "managerOther")!;
      const theirId = row.req(scopeOf("managerOther")).params!.id!;
      const missingId = "01NOSUCHLEAD00000000000000";
      const missing = await send(route, row, "managerOther", { id: missingId });
      expect(theirs.res.status, route).toBe(404);
      expect(theirs.res.text, route).toBe(missing.text.split(missingId).join(theirId));
    }
  });

  it("shows a contractor key only its own rows in every listing", async () => {
    const as = (path: string) => h.call("GET", path, undefined, { key: f.keys.contractor });
    const [campaigns, contractors, reports] = await Promise.all([as("/api/campaigns"), as("/api/contractors"), as(`/api/reports?contractorId=${f.b.contractorId}`)]);
    expect(campaigns.body.items.map((c: any) => c.id)).toEqual([f.a.campaignId]);
    expect(contractors.body.items.map((c: any) => c.id)).toEqual([f.a.contractorId]);
    expect(reports.body.items.map((r: any) => r.contractorId)).toEqual([f.a.contractorId]);
  });

  it("never shows a contractor a lead's name, phone or e-mail", () => {
    // The staff's answer holds them, so their absence below is not for want of data.
    expect(outcomes.find((o) => o.route === "GET /api/leads/:id" && o.who === "owner")!.res.text).toContain(CONTACT.phoneDigits);
    const seen = outcomes.filter((o) => (o.who === "contractor" || o.who === "other") && o.res.status < 300);
    expect(seen.length).toBeGreaterThan(5);
    for (const { route, res } of seen) {
      for (const secret of [CONTACT.name, CONTACT.phoneDigits, CONTACT.email]) expect(res.text, route).not.toContain(secret);
    }
  });
});
