import { Hono, type Context } from "hono";
import { actingKey, assertVisible, contractorScope } from "@parom/core/access";
import { DomainError } from "@parom/core";
import { buildContractorReport, Outbox, OutboxQuery, reportCsv, type ReportFormat, reportHtml, ReportListQuery, ReportQuery, reportRange, ReportResends, ReportSends, runReports, RunReportsInput, StoredReportQuery, withoutContent } from "@parom/core/report";
import type { Mailer } from "@parom/core/report";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { REPORT_CSP } from "../middleware/security-headers.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody, queryParams } from "../validate.js";

function rendered(c: Context<AppEnv>, format: Exclude<ReportFormat, "json">, body: string, filename: string) {
  if (format === "html") return c.html(body, 200, { "content-security-policy": REPORT_CSP });
  return c.body(body, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` });
}

const asFormat = ["application/json", "text/csv", "text/html"];

/** GET /:id/report?from&to&format=json|csv|html, mounted ahead of the contractor routes (which are closed to contractors). */
export const contractorReportRoutes = new Hono<AppEnv>().get(
  "/:id/report",
  allow("reports.read"),
  describeRoute({
    summary: "A contractor's KPI report for a period (a contractor key: its own)",
    description: "Without `from`/`to`, the last complete Monday-Sunday week. Each campaign also carries `cumulative`: its figures and verdicts from its first counted day to `to`.",
    query: ReportQuery,
    response: { description: "The report as JSON, as a CSV download or as the HTML page that is mailed.", mediaTypes: asFormat },
  }),
  async (c) => {
    const id = c.req.param("id");
    const query = queryParams(c, ReportQuery);
    assertVisible(c.var.principal, id, "contractor", id);
    const report = await buildContractorReport(c.var.ctx, id, reportRange(c.var.ctx, query));
    if (query.format === "json") return c.json(report);
    const body = query.format === "csv" ? reportCsv(report) : reportHtml(report);
    return rendered(c, query.format, body, `kpi-${id}-${report.from}-${report.to}.csv`);
  },
);

/**
 * Scheduled reports as kept: list (a contractor sees its own only), one by id as JSON or as the
 * HTML/CSV that was mailed, and POST /run to run the sending job now through `mailer`.
 */
export function reportRoutes(mailer: Mailer) {
  return new Hono<AppEnv>()
    .get(
      "/",
      allow("reports.read"),
      describeRoute({
        summary: "Scheduled reports as kept, newest first (a contractor key: its own)",
        query: ReportListQuery,
        response: { description: "`{items, nextCursor}`" },
      }),
      async (c) => {
        const query = queryParams(c, ReportListQuery);
        const contractorId = contractorScope(c.var.principal) ?? query.contractorId;
        return c.json(await ReportSends.list(c.var.ctx, { ...query, contractorId }));
      },
    )
    .post(
      "/run",
      allow("reports.run"),
      describeRoute({
        summary: "Run the weekly or monthly sending job now",
        body: RunReportsInput,
        response: { description: "The period and each contractor's outcome." },
      }),
      async (c) => {
        const { period } = await jsonBody(c, RunReportsInput);
        return c.json(await runReports(c.var.ctx, { period, send: mailer.send }));
      },
    )
    .post(
      "/:id/resend",
      allow("reports.run"),
      describeRoute({
        summary: "Send one kept report again to its contractor's address of now",
        description:
          "The mail as first rendered goes out again through the mailer (the outbox locally), recorded with who asked and when. An optional `Idempotency-Key` header (letters, digits, `-`, `_`, at most 64) makes a repeated request answer the earlier resend (200) instead of sending twice; without it every request sends.",
        response: { description: "`{id, reportId, contractorId, recipient, status: sent|failed, actor: {keyId, role, name?}, at, messageId, lastError}`", status: 201 },
        errors: { 409: "The contractor has no e-mail address now (`contractor_no_email`), or the report is not rendered yet (`report_not_rendered`)." },
      }),
      async (c) => {
        const options = { requestKey: c.req.header("idempotency-key"), actor: actingKey(c.var.principal), send: mailer.send };
        const { resend, created } = await ReportResends.resend(c.var.ctx, c.req.param("id"), options);
        return c.json(resend, created ? 201 : 200);
      },
    )
    .get(
      "/:id/resends",
      allow("reports.run"),
      describeRoute({
        summary: "The times one report was sent again, oldest first",
        response: { description: "`{items}`: resends as POST /api/reports/{id}/resend answers them" },
      }),
      async (c) => {
        const stored = await ReportSends.get(c.var.ctx, c.req.param("id"));
        return c.json({ items: await ReportResends.ofReport(c.var.ctx, stored.id) });
      },
    )
    .get(
      "/:id",
      allow("reports.read"),
      describeRoute({
        summary: "One kept report, as JSON or as the HTML/CSV that was mailed",
        query: StoredReportQuery,
        response: { description: "The report.", mediaTypes: asFormat },
        errors: { 409: "Claimed but not rendered yet (`report_not_rendered`); a later run renders it." },
      }),
      async (c) => {
        const { format } = queryParams(c, StoredReportQuery);
        const stored = await ReportSends.get(c.var.ctx, c.req.param("id"));
        assertVisible(c.var.principal, stored.contractorId, "report", stored.id);
        if (format === "json") return c.json({ ...withoutContent(stored), report: stored.report });
        if (!stored.mail) throw new DomainError("report_not_rendered", `report ${stored.id} is claimed but not rendered yet; a later run renders it`, "conflict");
        const csv = stored.mail.attachments?.[0];
        return rendered(c, format, format === "html" ? stored.mail.html : (csv?.content ?? ""), csv?.filename ?? `kpi-${stored.id}.csv`);
      },
    );
}

/** GET / -> mails kept instead of sent (`npm start` delivers reports here), newest first. */
export const outboxRoutes = new Hono<AppEnv>()
  .use(allow("outbox.read"))
  .get(
    "/",
    describeRoute({ summary: "Mails kept instead of sent, newest first", query: OutboxQuery, response: { description: "`{items, nextCursor}`" } }),
    async (c) => c.json(await Outbox.list(c.var.ctx, queryParams(c, OutboxQuery))),
  );
