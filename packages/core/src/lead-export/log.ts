import { z } from "zod";
import { loggedKey, loggedKeyFields } from "../access/actor.js";
import type { Principal } from "../access/principal.js";
import type { Ctx } from "../context.js";
import { defineLog } from "../db/log.js";
import { newId } from "../ids.js";
import { exportFormats, type ExportFilters, type ExportFormat } from "./query.js";

/*
 * The log of bulk exports: who exported, when, in which format, with which filters and how many
 * rows. One partition sorted by time: exports are rare (the owner's, by hand), and the owner
 * reads them newest first.
 */

const ExportLogSchema = z.object({
  id: z.string(),
  ...loggedKeyFields,
  format: z.enum(exportFormats),
  filters: z.record(z.string(), z.string()),
  rows: z.number(),
  at: z.string(),
});
export type ExportLogEntry = z.infer<typeof ExportLogSchema>;

const ExportLogEntity = defineLog({ type: "leadExport", partition: "LEADEXPORTS", schema: ExportLogSchema, sortKey: ({ at, id }) => `${at}#${id}` });

export const ListExportsQuery = z.strictObject({
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListExportsQuery = z.infer<typeof ListExportsQuery>;

export const ExportLog = {
  async record(ctx: Ctx, principal: Principal, format: ExportFormat, filters: ExportFilters, rows: number): Promise<ExportLogEntry> {
    const entry: ExportLogEntry = {
      id: newId(),
      ...loggedKey(principal),
      format,
      filters: filters as Record<string, string>,
      rows,
      at: ctx.now().toISOString(),
    };
    await ExportLogEntity.put(ctx, entry, "new");
    return entry;
  },

  /** Newest first. */
  async list(ctx: Ctx, query: ListExportsQuery): Promise<{ items: ExportLogEntry[]; nextCursor: string | null }> {
    return ExportLogEntity.pageInPartition(ctx, undefined, { newestFirst: true, cursor: query.cursor, limit: query.limit });
  },
};
