import type { Principal } from "../access/principal.js";
import type { Ctx } from "../context.js";
import { Hypotheses } from "../hypothesis/hypothesis.js";
import { People } from "../people/person.js";
import { Sources } from "../source/source.js";
import { exportCsv, exportXlsx } from "./files.js";
import { ExportLog } from "./log.js";
import { filtersOf, type ExportQuery } from "./query.js";
import { exportedLeads } from "./read.js";
import { exportColumns, type ExportNames } from "./rows.js";

/** An export's file, ready to send. */
export type ExportFile = { filename: string; contentType: string; body: string | Uint8Array<ArrayBuffer>; rows: number };

const contentTypes = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

/** "2026-03-02T05:00:00Z" in Moscow -> "02.03.2026 08:00". */
function arrivalText(at: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

/**
 * The leads matching `query` as a CSV or .xlsx file, logged (who, when, filters, rows) before it
 * is handed over. Whether the caller may export is the edge's guard (`leads.export`).
 */
export async function exportLeads(ctx: Ctx, principal: Principal, query: ExportQuery): Promise<ExportFile> {
  const filters = filtersOf(query);
  const [leads, sources, hypotheses, people] = await Promise.all([exportedLeads(ctx, filters), Sources.list(ctx), Hypotheses.list(ctx), People.list(ctx)]);
  const names: ExportNames = {
    source: new Map(sources.map((s) => [s.id, s.name])),
    hypothesis: new Map(hypotheses.map((h) => [h.id, h.title])),
    person: new Map(people.map((p) => [p.id, p.name])),
  };
  const rows = leads.map((lead) => exportColumns.map((column) => column.cell(lead, names, arrivalText(lead.createdAt, ctx.timeZone))));
  const body = query.format === "csv" ? exportCsv(rows) : await exportXlsx(rows);
  await ExportLog.record(ctx, principal, query.format, filters, rows.length);
  const stamp = ctx.now().toISOString().slice(0, 10);
  return { filename: `leads-${stamp}.${query.format}`, contentType: contentTypes[query.format], body, rows: rows.length };
}
