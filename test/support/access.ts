import { expect } from "vitest";
import { ideaBody } from "./backlog.js";
import { hypothesisBody } from "./decisions.js";
import type { Harness } from "./harness.js";
import { postHook, token } from "./intake.js";
import { addSalesPerson } from "./sales.js";

/**
 * Who calls: "other" is contractor A's key naming contractor B's things; "manager" is a lead
 * manager naming their own leads, "managerOther" another manager's key naming the same leads;
 * "salesHead" the head of sales.
 */
export const callers = ["owner", "marketer", "contractor", "other", "manager", "managerOther", "salesHead", "noKey", "revoked"] as const;
export type Caller = (typeof callers)[number];

/** Contact details of every fixture lead: no answer a contractor gets may hold any of them. */
export const CONTACT = { name: "Секретный Клиент", phone: "+79990001122", phoneDigits: "9990001122", email: "secret.client@example.ru" };

/** The things of one contractor a request may name. */
export type Subject = { contractorId: string; campaignId: string; reportId: string };

/** What the owner or a marketer changes in its own request, so that the two never race each other. */
export type StaffOwn = { leadId: string; lostLeadId: string; closingHypothesisId: string; promotingIdeaId: string; droppingIdeaId: string; throwawayKeyId: string; spendDay: string };

/** The callers that change things in their own requests (each its own lead, lost lead, hypothesis...). */
export type StaffCaller = "owner" | "marketer" | "manager" | "salesHead";

export type AccessFixtures = {
  keys: Record<"marketer" | "contractor" | "revoked" | "manager" | "managerOther" | "salesHead", string>;
  a: Subject;
  b: Subject;
  hypothesisId: string;
  /** An idea in the backlog (read and re-scored, never promoted). */
  ideaId: string;
  campaignUtm: { utm_source: string; utm_campaign: string };
  source: { id: string; key: string };
  leadId: string;
  quarantineId: string;
  reconciliationId: string;
  personId: string;
  staff: Record<StaffCaller, StaffOwn>;
};

async function ok(what: string, res: Promise<{ status: number; text: string; body: any }>, status = 200) {
  const answer = await res;
  expect(answer.status, `${what}: ${answer.text}`).toBe(status);
  return answer.body;
}


/** A lead with the secret contact details, for `utm` (or none). */
export const leadBody = (utm: object = {}) => ({ externalId: `crm-${token()}`, name: CONTACT.name, phone: CONTACT.phone, email: CONTACT.email, ...utm });

/**
 * Everything the route table names: two contractors with a campaign each (and one campaign of
 * nobody's) under one hypothesis, their leads with contact details, spend, a sent weekly report
 * each, a source with a quarantined delivery, a reconciliation, two lead managers and a head of
 * sales, and for the owner, the marketer, the first manager and the head of sales each its own lead,
 * lost lead, hypothesis to close and key to revoke. The shared lead and the manager's own leads are
 * assigned to the first manager; the second manager's key names them as another's.
 */
export async function createAccessFixtures(h: Harness): Promise<AccessFixtures> {
  const call = h.call;
  const [contractorA, contractorB, source, hypothesisId, manager, managerOther, salesHead] = await Promise.all([
    ok("contractor A", call("POST", "/api/contractors", { name: `Агентство A ${token()}`, email: "a@agency.example" }), 201),
    ok("contractor B", call("POST", "/api/contractors", { name: `Агентство B ${token()}`, email: "b@agency.example" }), 201),
    ok("source", call("POST", "/api/sources", { name: `json ${token()}`, format: "json" }), 201),
    ok("hypothesis", call("POST", "/api/hypotheses", hypothesisBody()), 201).then((body) => body.id as string),
    addSalesPerson(h, "manager"),
    addSalesPerson(h, "manager"),
    addSalesPerson(h, "sales_head"),
  ]);
  const assign = (leadId: string) => ok("assign to the manager", call("PATCH", `/api/leads/${leadId}`, { assigneeId: manager.id })).then(() => leadId);
  const campaign = (contractorId?: string) =>
    ok("campaign", call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, { utmSource: "yandex", utmCampaign: `bags-${token()}`, contractorId }), 201);
  const [campaignA, campaignB, keys] = await Promise.all([
    campaign(contractorA.id),
    campaign(contractorB.id),
    Promise.all([
      ok("marketer key", call("POST", "/api/keys", { role: "marketer" }), 201),
      ok("contractor key", call("POST", "/api/keys", { role: "contractor", contractorId: contractorA.id }), 201),
      ok("revoked key", call("POST", "/api/keys", { role: "owner" }), 201),
    ]),
    campaign(),
  ]);
  const utm = (c: any) => ({ utm_source: c.utmSource as string, utm_campaign: c.utmCampaign as string });
  const [marketerKey, contractorKey, revokedKey] = keys;
  await ok("revoke", call("DELETE", `/api/keys/${revokedKey.id}`));

  const past = (c: any) =>
    ["new", "qualified", "won", "lost"].map((stage) => ({
      ...leadBody(utm(c)),
      createdAt: "2026-03-03T10:00:00+03:00",
      stage,
      ...(stage === "won" ? { amount: "50000", closedAt: "2026-03-05T12:00:00+03:00" } : stage === "lost" ? { lostReason: "дорого" } : {}),
    }));
  const spend = (c: any) => ["2026-03-02", "2026-03-03"].map((date) => ({ date, ...utm(c), cost: "1200.50" }));
  const hook = async (stages: string[] = []) => {
    const id: string = (await ok("lead", postHook(h, source.key, { contentType: "application/json", text: JSON.stringify(leadBody(utm(campaignA))) }))).leads[0].id;
    for (const stage of stages) await ok(`lead to ${stage}`, call("PATCH", `/api/leads/${id}`, { stage, ...(stage === "lost" ? { lostReason: "нет связи" } : {}) }));
    return id;
  };
  const staffOwn = async (spendDay: string, mine: (leadId: string) => Promise<string> = async (leadId) => leadId): Promise<StaffOwn> => {
    const [leadId, lostLeadId, closing, promoting, throwaway, dropping] = await Promise.all([
      hook().then(mine),
      hook(["lost"]).then(mine),
      ok("hypothesis to close", call("POST", "/api/hypotheses", hypothesisBody()), 201),
      ok("idea to promote", call("POST", "/api/ideas", ideaBody()), 201),
      ok("throwaway key", call("POST", "/api/keys", { role: "marketer" }), 201),
      ok("idea to drop", call("POST", "/api/ideas", ideaBody()), 201),
    ]);
    return { leadId, lostLeadId, closingHypothesisId: closing.id, promotingIdeaId: promoting.id, droppingIdeaId: dropping.id, throwawayKeyId: throwaway.id, spendDay };
  };
  const [, , leadId, owner, marketer, managerOwn, salesHeadOwn] = await Promise.all([
    ok("past leads", call("POST", "/api/leads/import", { leads: [...past(campaignA), ...past(campaignB)] })),
    ok("spend", call("POST", "/api/spend", { rows: [...spend(campaignA), ...spend(campaignB)] })),
    hook().then(assign),
    staffOwn("2026-03-04"),
    staffOwn("2026-03-05"),
    staffOwn("2026-03-06", assign),
    staffOwn("2026-03-07"),
    postHook(h, source.key, { contentType: "application/json", text: `{"name": "${CONTACT.name}",` }),
  ]);

  const [quarantine, reconciliation, run, person, idea] = await Promise.all([
    ok("quarantine", call("GET", "/api/quarantine?limit=200")),
    ok("reconciliation", call("POST", "/api/reconciliations", undefined, { raw: ACCOUNTING_CSV, contentType: "text/csv" }), 201),
    ok("weekly reports", call("POST", "/api/reports/run", { period: "weekly" })),
    ok("person", call("POST", "/api/people", { name: "Анна Менеджерова", role: "manager" }), 201),
    ok("idea", call("POST", "/api/ideas", ideaBody()), 201),
  ]);
  const reportOf = (contractorId: string): string => run.results.find((r: any) => r.contractorId === contractorId).reportId;
  return {
    keys: { marketer: marketerKey.key, contractor: contractorKey.key, revoked: revokedKey.key, manager: manager.key, managerOther: managerOther.key, salesHead: salesHead.key },
    a: { contractorId: contractorA.id, campaignId: campaignA.id, reportId: reportOf(contractorA.id) },
    b: { contractorId: contractorB.id, campaignId: campaignB.id, reportId: reportOf(contractorB.id) },
    hypothesisId,
    ideaId: idea.id,
    campaignUtm: utm(campaignA),
    source: { id: source.id, key: source.key },
    leadId,
    quarantineId: quarantine.items.find((q: any) => q.sourceId === source.id).id,
    reconciliationId: reconciliation.id,
    personId: person.id,
    staff: { owner, marketer, manager: managerOwn, salesHead: salesHeadOwn },
  };
}

/** The accounting system's list of closed clients, as in the reconciliation issue. */
export const ACCOUNTING_CSV = "Контрагент;ИНН;Телефон;Дата;Сумма\r\nООО «Сумки»;7707083893;+7 999 000-11-22;04.03.2026;50 000,00\r\n";
