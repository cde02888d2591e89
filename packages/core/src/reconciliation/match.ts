import { normalizePhone } from "../intake/phone.js";
import { formatKopecks } from "../money.js";
import type { AccountingRow } from "./accounting-file.js";
import { groupClients, type AccountingClient } from "./clients.js";
import { normalizeCompanyName } from "./company-name.js";

/** A won lead as reconciliation needs it; `amountKopecks` is its final deal amount. */
export type WonLead = {
  leadId: string;
  amountKopecks: number;
  phone: string | null;
  email: string | null;
  company: { name: string; inn: string | null } | null;
};

export type MatchedBy = "inn" | "phone" | "email" | "name";

/**
 * Why a client matched no won lead, as a stable code with its parameters, so a page can say it in its
 * own language; the entry's `reason` says the same in English for the API.
 * `identifier_taken`: lead `leadId` shares the client's `by` but went to `takenClient` (file line
 * `takenLine`) by its `takenBy`. `different_inn`: lead `leadId` shares the client's `by` but its INN is `inn`.
 */
export type UnmatchedReason =
  | { reasonCode: "no_lead_has_it"; reasonDetails: Record<string, never> }
  | { reasonCode: "identifier_taken"; reasonDetails: { leadId: string; by: MatchedBy; takenBy: MatchedBy; takenClient: string; takenLine: number } }
  | { reasonCode: "different_inn"; reasonDetails: { leadId: string; by: MatchedBy; inn: string } };

/** An accounting row as the API shows it: money as a decimal string. */
export type ReconciledRow = Omit<AccountingRow, "amountKopecks"> & { amount: string };

/**
 * The API's answer. Money is a decimal string ("1234.50", from formatKopecks) like everywhere in
 * the API, so the result can be stored and returned as is; amounts are net of corrections.
 * Every accounting client is in `matched` or `onlyInAccounting`, every won lead in `matched` or
 * `onlyInCrm`: `totals.accountingClients = matched + onlyInAccounting.length`.
 */
export type Reconciliation = {
  matched: { leadId: string; by: MatchedBy; rows: ReconciledRow[]; accountingAmount: string; crmAmount: string }[];
  /** One entry per client: `row` is its first line (the one to look for in the file), `rows` all of them. */
  onlyInAccounting: ({ row: ReconciledRow; rows: ReconciledRow[]; accountingAmount: string; reason: string } & UnmatchedReason)[];
  onlyInCrm: { leadId: string; amount: string }[];
  totals: { accountingClients: number; crmWon: number; matched: number };
};

const ORDER: MatchedBy[] = ["inn", "phone", "email", "name"];
const LABEL: Record<MatchedBy, string> = { inn: "INN", phone: "phone", email: "e-mail", name: "company name" };

type LeadKeys = { lead: WonLead; inn: string | null; keys: Record<MatchedBy, string[]> };

/**
 * Matches the accounting system's closed clients to the CRM's won leads, one to one: first every
 * pair sharing an INN, then a phone, then an e-mail, then a normalized company name. Known INNs
 * that differ never match (two firms may share a name or a director's phone). When several free
 * clients fit a lead, the one whose amount equals the lead's wins, else the earliest in the file.
 */
export function reconcile(rows: AccountingRow[], wonLeads: WonLead[]): Reconciliation {
  const clients = groupClients(rows);
  const leads = wonLeads.map(leadKeys);
  const pairs = new Map<AccountingClient, { lead: WonLead; by: MatchedBy }>();
  const matchedLeads = new Set<WonLead>();

  for (const by of ORDER) {
    const index = new Map<string, AccountingClient[]>();
    for (const client of clients) {
      if (pairs.has(client)) continue;
      for (const key of clientKeys(client)[by]) index.set(key, [...(index.get(key) ?? []), client]);
    }
    for (const { lead, inn, keys } of leads) {
      if (matchedLeads.has(lead)) continue;
      const candidates = [...new Set(keys[by].flatMap((key) => index.get(key) ?? []))]
        .filter((client) => !pairs.has(client) && (inn === null || client.inn === null || client.inn === inn))
        .sort((a, b) => a.rows[0]!.line - b.rows[0]!.line);
      const client = candidates.find((c) => c.amountKopecks === lead.amountKopecks) ?? candidates[0];
      if (client === undefined) continue;
      pairs.set(client, { lead, by });
      matchedLeads.add(lead);
    }
  }

  const matched: Reconciliation["matched"] = [];
  const onlyInAccounting: Reconciliation["onlyInAccounting"] = [];
  for (const client of clients) {
    const pair = pairs.get(client);
    const shown = client.rows.map(showRow);
    const accountingAmount = formatKopecks(client.amountKopecks);
    if (pair) {
      matched.push({ leadId: pair.lead.leadId, by: pair.by, rows: shown, accountingAmount, crmAmount: formatKopecks(pair.lead.amountKopecks) });
    } else {
      const why = unmatchedReason(client, leads, pairs);
      onlyInAccounting.push({ row: shown[0]!, rows: shown, accountingAmount, reason: inEnglish(why), ...why });
    }
  }
  return {
    matched,
    onlyInAccounting,
    onlyInCrm: wonLeads.filter((lead) => !matchedLeads.has(lead)).map((lead) => ({ leadId: lead.leadId, amount: formatKopecks(lead.amountKopecks) })),
    totals: { accountingClients: clients.length, crmWon: wonLeads.length, matched: matched.length },
  };
}

function clientKeys(client: AccountingClient): Record<MatchedBy, string[]> {
  return { inn: client.inn ? [client.inn] : [], phone: [...client.phones], email: [...client.emails], name: [...client.names] };
}

/** The lead's identifiers normalized the way the accounting rows are. */
function leadKeys(lead: WonLead): LeadKeys {
  const inn = lead.company?.inn?.replace(/\D/g, "") || null;
  const phone = lead.phone === null ? null : normalizePhone(lead.phone);
  const email = lead.email?.trim().toLowerCase() || null;
  const name = lead.company ? normalizeCompanyName(lead.company.name) : "";
  return {
    lead,
    inn,
    keys: { inn: inn ? [inn] : [], phone: phone ? [phone] : [], email: email ? [email] : [], name: name ? [name] : [] },
  };
}

/** Says which lead took a client's identifier when one did, so the person checking knows where to look. */
function unmatchedReason(client: AccountingClient, leads: LeadKeys[], pairs: Map<AccountingClient, { lead: WonLead; by: MatchedBy }>): UnmatchedReason {
  const own = clientKeys(client);
  for (const by of ORDER) {
    const rival = leads.find(({ keys }) => keys[by].some((key) => own[by].includes(key)));
    if (rival === undefined) continue;
    const leadId = rival.lead.leadId;
    const taken = [...pairs].find(([, pair]) => pair.lead === rival.lead);
    if (taken) {
      const [other, pair] = taken;
      return { reasonCode: "identifier_taken", reasonDetails: { leadId, by, takenBy: pair.by, takenClient: other.rows[0]!.client, takenLine: other.rows[0]!.line } };
    }
    if (rival.inn !== null && client.inn !== null && rival.inn !== client.inn) {
      return { reasonCode: "different_inn", reasonDetails: { leadId, by, inn: rival.inn } };
    }
  }
  return { reasonCode: "no_lead_has_it", reasonDetails: {} };
}

/** The API's English `reason` beside the code. */
function inEnglish(why: UnmatchedReason): string {
  switch (why.reasonCode) {
    case "identifier_taken": {
      const d = why.reasonDetails;
      return `won lead ${d.leadId} has the same ${LABEL[d.by]} but is matched by ${LABEL[d.takenBy]} to «${d.takenClient}» (line ${d.takenLine})`;
    }
    case "different_inn":
      return `won lead ${why.reasonDetails.leadId} has the same ${LABEL[why.reasonDetails.by]} but a different INN (${why.reasonDetails.inn})`;
    case "no_lead_has_it":
      return "no won lead in the CRM has its INN, phone, e-mail or company name";
  }
}

function showRow({ amountKopecks, ...row }: AccountingRow): ReconciledRow {
  return { ...row, amount: formatKopecks(amountKopecks) };
}
