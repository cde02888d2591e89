import { EventField, RuleTargetInput } from "aws-cdk-lib/aws-events";
import { Cron, Function, use, type StackContext } from "sst/constructs";
import type { ReportPeriod } from "@parom/core/report";
import { Database } from "./Database.js";
import { reportsFrom, sendMailOnlyFrom } from "./ses.js";

/**
 * Contractor KPI reports by mail: one Lambda running the sending job, started by two Crons.
 *
 * EventBridge cron expressions are in UTC. The workspace zone is Europe/Moscow, UTC+3 all year
 * (no daylight saving since 2014), so 09:00 Moscow is 06:00 UTC. Another TIME_ZONE would need other
 * hours, so it is refused here rather than mailing at the wrong time.
 *
 * Deploy-time environment:
 * - REPORTS_FROM (required): the sender address, verified in SES; the function may send from it only.
 * - TIME_ZONE (optional, default and only supported value Europe/Moscow).
 */
export function Reports({ stack }: StackContext) {
  const { table } = use(Database);

  const from = reportsFrom();
  const timeZone = process.env.TIME_ZONE || "Europe/Moscow";
  if (timeZone !== "Europe/Moscow") throw new Error(`The report Crons fire at 06:00 UTC = 09:00 Moscow; TIME_ZONE=${timeZone} needs other hours in stacks/Reports.ts.`);

  const handler = new Function(stack, "ReportsHandler", {
    handler: "functions/reports.handler",
    runtime: "nodejs22.x",
    // Well under the 15-minute send lease (SEND_LEASE_MS): a report still `sending` after it belongs to a dead run.
    timeout: "5 minutes",
    nodejs: { format: "esm", minify: true, esbuild: { external: ["@aws-sdk/*"] } },
    environment: { TABLE_NAME: table.tableName, TIME_ZONE: timeZone, REPORTS_FROM: from },
    permissions: [
      // Data access to the table and its indexes only, as in stacks/Api.ts.
      [table.cdk.table, "grantReadWriteData"],
      sendMailOnlyFrom(stack, from),
    ],
  });

  // The event carries the period and the scheduled time, which picks the week or month reported.
  const job = (period: ReportPeriod) => ({
    function: handler,
    cdk: { target: { event: RuleTargetInput.fromObject({ period, time: EventField.time }) } },
  });
  const weekly = new Cron(stack, "WeeklyReports", { schedule: "cron(0 6 ? * MON *)", job: job("weekly") });
  const monthly = new Cron(stack, "MonthlyReports", { schedule: "cron(0 6 1 * ? *)", job: job("monthly") });

  return { reportsFunction: handler, weekly, monthly };
}
