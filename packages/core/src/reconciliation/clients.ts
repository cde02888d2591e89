import type { AccountingRow } from "./accounting-file.js";
import { normalizeCompanyName } from "./company-name.js";

/** The rows of one client of the accounting system, with every identifier they carry. */
export type AccountingClient = {
  inn: string | null;
  /** Normalized company names as the rows spell them. */
  names: Set<string>;
  phones: Set<string>;
  emails: Set<string>;
  /** In file order. */
  rows: AccountingRow[];
  /** Net of corrections. */
  amountKopecks: number;
};

/**
 * Groups rows into clients: by INN, else by normalized name. A row without an INN (a correction
 * typed by hand, say) joins the INN client of the same name when exactly one such client exists.
 * Clients come in the order of their first line.
 */
export function groupClients(rows: AccountingRow[]): AccountingClient[] {
  const byInn = new Map<string, AccountingClient>();
  const byName = new Map<string, AccountingClient>();
  for (const row of rows) {
    if (row.inn === null) continue;
    const client = byInn.get(row.inn) ?? emptyClient(row.inn);
    byInn.set(row.inn, add(client, row));
  }

  const innClientsByName = new Map<string, AccountingClient[]>();
  for (const client of byInn.values()) {
    for (const name of client.names) innClientsByName.set(name, [...(innClientsByName.get(name) ?? []), client]);
  }
  for (const row of rows) {
    if (row.inn !== null) continue;
    const name = nameKey(row.client);
    const sameName = innClientsByName.get(name);
    if (sameName?.length === 1) {
      add(sameName[0]!, row);
      continue;
    }
    byName.set(name, add(byName.get(name) ?? emptyClient(null), row));
  }

  const clients = [...byInn.values(), ...byName.values()];
  for (const client of clients) client.rows.sort((a, b) => a.line - b.line);
  return clients.sort((a, b) => a.rows[0]!.line - b.rows[0]!.line);
}

/** A name that is nothing but a legal form still groups its own rows, by its plain spelling. */
function nameKey(client: string): string {
  return normalizeCompanyName(client) || client.toLowerCase();
}

function emptyClient(inn: string | null): AccountingClient {
  return { inn, names: new Set(), phones: new Set(), emails: new Set(), rows: [], amountKopecks: 0 };
}

function add(client: AccountingClient, row: AccountingRow): AccountingClient {
  const name = normalizeCompanyName(row.client);
  if (name !== "") client.names.add(name);
  if (row.phone !== null) client.phones.add(row.phone);
  if (row.email !== null) client.emails.add(row.email);
  client.rows.push(row);
  client.amountKopecks += row.amountKopecks;
  return client;
}
