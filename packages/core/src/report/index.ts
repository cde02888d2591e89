// @parom/core/report: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { buildContractorReport } from "./build.js";
export { reportCsv } from "./csv.js";
export { reportHtml } from "./html.js";
export type { Mailer } from "./mailer.js";
export { targetKpis } from "./model.js";
export type { CampaignReport, ContractorReport, ReportFigures, TargetKpi } from "./model.js";
export { Outbox, OutboxQuery, outboxMailer } from "./outbox.js";
export { previousPeriod, reportPeriods, weekdayOf } from "./period.js";
export type { DayRange, ReportPeriod } from "./period.js";
export { ReportListQuery, ReportQuery, RunReportsInput, StoredReportQuery, reportRange } from "./query.js";
export type { ReportFormat } from "./query.js";
export { ReportResends } from "./resend.js";
export type { ReportResend } from "./resend.js";
export { runReports } from "./run.js";
export { sesMailer } from "./ses-mailer.js";
export { ReportSends, withoutContent } from "./store.js";
