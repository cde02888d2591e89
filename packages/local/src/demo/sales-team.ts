import { allPages, inPool, ok, type Api } from "./api.js";
import type { Source } from "./setup.js";

/*
 * The sales department of «Сумки Опт»: two lead managers who reach new leads (one of them is the
 * amoCRM user the CRM gives cold-call deals to), two account managers who keep the won clients and
 * the head of sales. The history's leads of last month and this one are theirs, so the results
 * board has people to compare; won clients are handed to account managers; one lead manager is
 * away, her newest open lead handed to her colleague until she is back.
 */

/** The amoCRM user id of the lead manager who takes cold-call deals in the CRM. */
export const LEAD_MANAGER_CRM_USER = "6100001";

const team = [
  { name: "Дарья Лидова", role: "manager", duty: "leads", email: "d.lidova@sumki-opt.example", crmUserIds: [LEAD_MANAGER_CRM_USER] },
  { name: "Кирилл Звонарёв", role: "manager", duty: "leads", email: "k.zvonarev@sumki-opt.example", crmUserIds: ["6100002"] },
  { name: "Марина Клиентова", role: "manager", duty: "accounts", email: "m.klientova@sumki-opt.example" },
  { name: "Павел Ключников", role: "manager", duty: "accounts", email: "p.klyuchnikov@sumki-opt.example" },
  { name: "Анна Белова", role: "sales_head", email: "a.belova@sumki-opt.example" },
] as const;

export type SalesKey = { personId: string; name: string; keyId: string; key: string };
export type SalesTeam = { leadManagers: string[]; accountManagers: string[]; head: string; keys: SalesKey[] };

/** Finds or adds each person and a key for each (a key printed by an earlier run is reused while active). */
export async function ensureSalesTeam(api: Api, known: SalesKey[]): Promise<SalesTeam> {
  const existing: Array<{ id: string; name: string }> = (await ok("list people", api("GET", "/api/people"))).items;
  const active: Array<{ id: string; revokedAt?: string }> = (await ok("list keys", api("GET", "/api/keys"))).items.filter((k: any) => !k.revokedAt);
  const ids = new Map<string, string>();
  const keys: SalesKey[] = [];
  for (const person of team) {
    const personId = existing.find((p) => p.name === person.name)?.id ?? (await ok(`add ${person.name}`, api("POST", "/api/people", person))).id;
    ids.set(person.name, personId);
    const kept = known.find((k) => k.personId === personId && active.some((a) => a.id === k.keyId));
    if (kept) keys.push(kept);
    else {
      const made = await ok(`create a key for ${person.name}`, api("POST", "/api/keys", { role: person.role, personId }));
      keys.push({ personId, name: person.name, keyId: made.id, key: made.key });
    }
  }
  const of = (duty: string) => team.filter((p) => "duty" in p && p.duty === duty).map((p) => ids.get(p.name)!);
  return { leadManagers: of("leads"), accountManagers: of("accounts"), head: ids.get("Анна Белова")!, keys };
}

/** New leads from the site and the CRM go to the lead managers in turn (a CRM deal of a known CRM user goes to that user). */
export async function ensureAssignmentRules(api: Api, sources: { tilda: Source; amocrm: Source }, salesTeam: SalesTeam): Promise<void> {
  for (const source of [sources.tilda, sources.amocrm]) {
    const rule = await ok("read the assignment rule", api("GET", `/api/sources/${source.id}/assignment`));
    if (rule.mode === "round_robin") continue;
    await ok("set the assignment rule", api("PUT", `/api/sources/${source.id}/assignment`, { mode: "round_robin", personIds: salesTeam.leadManagers }));
  }
}

type ListedLead = { id: string; createdAt: string; cohortDay: string; stage: string; assigneeId: string | null };

/**
 * Gives the history's leads since the first of last month to the lead managers (alternating, in
 * order of arrival), hands each won client to an account manager for good, and one open lead of the
 * first lead manager to the second until three days after `asOf`. Leads that have a person keep them.
 */
export async function assignHistory(api: Api, salesTeam: SalesTeam, asOf: string): Promise<{ assigned: number; handedOver: number; awayLeadId: string | null }> {
  const [year, month] = asOf.split("-").map(Number) as [number, number];
  const since = new Date(Date.UTC(year, month - 2, 1)).toISOString();
  // The history's leads only (today's webhooks come later and get theirs by the rule), so a rerun picks the same ones.
  const leads: ListedLead[] = (await allPages(api, "/api/leads")).filter((lead: ListedLead) => lead.createdAt >= since && lead.cohortDay < asOf);
  leads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const counts = { assigned: 0, handedOver: 0 };
  const [first, second] = salesTeam.leadManagers as [string, string];
  // Won clients go to the account managers in turn, so each has clients for the monthly spot checks.
  const won = leads.filter((lead) => lead.stage === "won");
  const accountOf = (lead: ListedLead) => salesTeam.accountManagers[won.indexOf(lead) % salesTeam.accountManagers.length]!;
  await inPool(
    leads.map((lead, i) => ({ lead, to: i % 2 === 0 ? first : second, account: accountOf(lead) })),
    8,
    async ({ lead, to, account }) => {
      if (!lead.assigneeId) {
        await ok("assign a lead", api("PATCH", `/api/leads/${lead.id}`, { assigneeId: to }));
        counts.assigned++;
      }
      if (lead.stage === "won" && !salesTeam.accountManagers.includes(lead.assigneeId ?? "")) {
        await ok("hand a client over", api("POST", `/api/leads/${lead.id}/handovers`, { to: account, reason: "Клиент передан на сопровождение" }));
        counts.handedOver++;
      }
    },
  );
  const away = leads.filter((lead, i) => i % 2 === 0 && (lead.stage === "contacted" || lead.stage === "qualified")).at(-1);
  if (away && (await ok("read hand-overs", api("GET", `/api/leads/${away.id}/handovers`))).items.length === 0) {
    const until = new Date(Date.parse(`${asOf}T18:00:00Z`) + 3 * 86_400_000).toISOString();
    await ok("hand a lead over for a holiday", api("POST", `/api/leads/${away.id}/handovers`, { to: second, until, reason: "Дарья в отпуске до четверга" }));
    counts.handedOver++;
  }
  return { ...counts, awayLeadId: away?.id ?? null };
}
