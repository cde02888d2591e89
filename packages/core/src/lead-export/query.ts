import { z } from "zod";
import { isoDaySchema } from "../dates.js";
import { IdSchema } from "../db/key-limits.js";
import { leadStages } from "../lead-stages.js";

export const exportFormats = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * `GET /api/leads/export`: the file's format and the filters, each optional; `from`/`to` are
 * arrival days (inclusive, workspace time zone). An unknown parameter is refused, naming it.
 */
export const ExportQuery = z
  .strictObject({
    format: z.enum(exportFormats),
    hypothesisId: IdSchema.optional(),
    campaignId: IdSchema.optional(),
    sourceId: IdSchema.optional(),
    assigneeId: IdSchema.optional(),
    stage: z.enum(leadStages).optional(),
    from: isoDaySchema.optional(),
    to: isoDaySchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be after `to`", path: ["from"] });
export type ExportQuery = z.infer<typeof ExportQuery>;

/** The filters of an export as logged: those given, without the format. */
export type ExportFilters = Omit<ExportQuery, "format">;

export const filtersOf = ({ format: _, ...filters }: ExportQuery): ExportFilters =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as ExportFilters;
