import { z } from "zod";
import { isoDaySchema } from "../dates.js";
import type { Ctx } from "../context.js";
import { InvalidInputError } from "../errors.js";
import { newId } from "../ids.js";
import type { LeadItem } from "../lead/keys.js";
import { toLead } from "../lead/query.js";
import { WonLeads } from "../lead/won-leads.js";
import { toKopecks } from "../money.js";
import { addDays, daysBetween } from "../time.js";
import { parseAccountingFile, type AccountingRow } from "./accounting-file.js";
import type { FileNote } from "./file-notes.js";
import { readInn } from "./accounting-values.js";
import { reconcile, type Reconciliation, type WonLead } from "./match.js";
import { ReconciliationStore, type ReconciliationSummary } from "./store.js";

const isoDay = isoDaySchema;

/** `POST /api/reconciliations?from=&to=`: the days on which the compared leads were won. */
export const ReconcileQuery = z
  .strictObject({ from: isoDay.optional(), to: isoDay.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" });
export type ReconcileQuery = z.infer<typeof ReconcileQuery>;

export const ListReconciliationsQuery = z.strictObject({
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** One request reads every won lead of the period; a year bounds that. */
const MAX_PERIOD_DAYS = 366;

/** A kept reconciliation as the API answers it. */
export type ReconciliationResult = ReconciliationSummary &
  Pick<Reconciliation, "matched" | "onlyInAccounting" | "onlyInCrm"> & { rejected: FileNote[]; warnings: FileNote[] };

export const Reconciliations = {
  /**
   * Compares the accounting system's closed clients (the file's bytes, in `charset` when the upload
   * declares one, else in the encoding the reader detects) with the leads won in the period, and keeps the result. Without `from`/`to`, the period
   * is the whole calendar months the file's dates fall in: an export "for March" whose documents run
   * from the 2nd to the 30th still compares with every deal won in March.
   */
  async run(ctx: Ctx, bytes: Uint8Array, query: ReconcileQuery, actor: string, charset: string | null = null): Promise<ReconciliationResult> {
    if (bytes.length === 0) {
      const message = "the body is empty: send the accounting file itself (text/csv, application/octet-stream or a multipart field named file)";
      throw new InvalidInputError(message, [{ path: "(body)", message }]);
    }
    const file = parseAccountingFile(bytes, charset);
    const period = choosePeriod(file.rows, query);
    const wonLeads = (await WonLeads.between(ctx, period.from, period.to)).map(toWonLead);
    const { totals, ...arrays } = reconcile(file.rows, wonLeads);

    const summary: ReconciliationSummary = { id: newId(), createdAt: ctx.now().toISOString(), createdBy: actor, period, encoding: file.encoding, totals };
    const details = { ...arrays, rejected: file.rejected, warnings: file.warnings };
    await ReconciliationStore.save(ctx, summary, details);
    return { ...summary, ...details };
  },

  async get(ctx: Ctx, id: string): Promise<ReconciliationResult> {
    const { summary, details } = await ReconciliationStore.load(ctx, id);
    return { ...summary, ...(details as Omit<ReconciliationResult, keyof ReconciliationSummary>) };
  },

  list: ReconciliationStore.list,
};

function choosePeriod(rows: AccountingRow[], query: ReconcileQuery): { from: string; to: string } {
  const days = rows.flatMap((row) => (row.date ? [row.date] : [])).sort();
  const first = days[0];
  const last = days.at(-1);
  const from = query.from ?? (first && `${first.slice(0, 7)}-01`);
  const to = query.to ?? (last && endOfMonth(last));
  if (!from || !to) {
    const issues = [{ path: from ? "to" : "from", message: "the file's rows carry no dates to take the period from: give from and to (YYYY-MM-DD)" }];
    throw new InvalidInputError(issues[0]!.message, issues);
  }
  if (from > to) {
    const message = `the period would run from ${from} to ${to}: the file's dates and the given ${query.from ? "from" : "to"} do not overlap`;
    throw new InvalidInputError(message, [{ path: query.from ? "from" : "to", message }]);
  }
  if (daysBetween(from, to) >= MAX_PERIOD_DAYS) {
    const message = `the period ${from}..${to} is longer than ${MAX_PERIOD_DAYS} days; reconcile a year or less at a time`;
    throw new InvalidInputError(message, [{ path: "to", message }]);
  }
  return { from, to };
}

function endOfMonth(day: string): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  return addDays(next, -1);
}

/** A stored won lead as matching needs it; an INN kept as the sender mistyped it is not matched by. */
function toWonLead(item: LeadItem): WonLead {
  const lead = toLead(item);
  return {
    leadId: lead.id,
    // A won lead always has its amount.
    amountKopecks: toKopecks(lead.amount!)!,
    phone: lead.contact.phone,
    email: lead.contact.email,
    company: lead.company ? { name: lead.company.name ?? "", inn: lead.company.inn === null ? null : readInn(lead.company.inn) } : null,
  };
}
