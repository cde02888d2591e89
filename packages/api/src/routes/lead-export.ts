import { Hono } from "hono";
import { EXPORT_ROW_CAP, ExportLog, ExportQuery, exportLeads, ListExportsQuery } from "@parom/core/lead-export";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { queryParams } from "../validate.js";

/** Bulk export of leads and its log: the owner's alone. Mounted ahead of the lead routes, whose `/:id` would take these paths. */
export const leadExportRoutes = new Hono<AppEnv>()
  .get(
    "/export",
    allow("leads.export"),
    describeRoute({
      summary: "Export leads as a CSV or .xlsx file (the owner only)",
      description:
        "`format=csv`: UTF-8 with a BOM, `;` between fields, CRLF, Russian headers, money with a decimal comma (Russian Excel opens it as it is); " +
        "`format=xlsx`: a workbook with one sheet. Filters: `hypothesisId`, `campaignId`, `sourceId`, `assigneeId`, `stage`, `from`/`to` (arrival days). " +
        "Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or CR) gets a leading `'`. " +
        `Each export is logged (\`GET /api/leads/exports\`). At most ${EXPORT_ROW_CAP} leads per file.`,
      query: ExportQuery,
      response: { description: "The file, as an attachment." },
      errors: { 413: `More than ${EXPORT_ROW_CAP} leads match (\`export_too_large\`): narrow the filters.` },
    }),
    async (c) => {
      const file = await exportLeads(c.var.ctx, c.var.principal, queryParams(c, ExportQuery));
      return c.body(file.body, 200, {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "x-export-rows": String(file.rows),
      });
    },
  )
  .get(
    "/exports",
    allow("leads.export"),
    describeRoute({
      summary: "The log of lead exports, newest first",
      query: ListExportsQuery,
      response: { description: "`{items: [{id, keyId, name, format, filters, rows, at}], nextCursor}`" },
    }),
    async (c) => c.json(await ExportLog.list(c.var.ctx, queryParams(c, ListExportsQuery))),
  );
