import { z } from "zod";
import { IdSchema } from "../db/key-limits.js";
import { isoDaySchema } from "../dates.js";
import type { Ctx } from "../context.js";
import { daysBetween, isIsoDay } from "../time.js";
import { previousPeriod, reportPeriods, type DayRange } from "./period.js";

const isoDay = isoDaySchema;
export const reportFormats = ["json", "csv", "html"] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** A report covers at most this many days (and compares them with as many before). */
export const MAX_REPORT_DAYS = 366;

/** `?from&to&format` of a contractor's report: both days or neither (then the last complete week). */
export const ReportQuery = z
  .strictObject({ from: isoDay.optional(), to: isoDay.optional(), format: z.enum(reportFormats).default("json") })
  .superRefine((q, issue) => {
    if ((q.from === undefined) !== (q.to === undefined)) {
      issue.addIssue({ code: "custom", path: [q.from === undefined ? "from" : "to"], message: "give both from and to, or neither" });
    } else if (q.from && q.to && isIsoDay(q.from) && isIsoDay(q.to)) {
      const days = daysBetween(q.from, q.to) + 1;
      if (days < 1) issue.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
      else if (days > MAX_REPORT_DAYS) issue.addIssue({ code: "custom", path: ["to"], message: `a report covers at most ${MAX_REPORT_DAYS} days` });
    }
  });

/** The days a report query asks for; without them, the last complete Monday-Sunday week. */
export function reportRange(ctx: Ctx, query: z.output<typeof ReportQuery>): DayRange {
  if (query.from && query.to) return { from: query.from, to: query.to };
  const { from, to } = previousPeriod("weekly", ctx.now(), ctx.timeZone);
  return { from, to };
}

/** `?format` of a stored report. */
export const StoredReportQuery = z.strictObject({ format: z.enum(reportFormats).default("json") });

export const ReportListQuery = z.strictObject({
  contractorId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).optional(),
});

export const RunReportsInput = z.strictObject({ period: z.enum(reportPeriods) });
