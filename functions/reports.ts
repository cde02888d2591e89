import { SESv2Client } from "@aws-sdk/client-sesv2";
import { configFromEnv, contextFrom } from "@parom/core";
import { createDocumentClient } from "@parom/core/db";
import { reportPeriods, runReports, sesMailer } from "@parom/core/report";

// TABLE_NAME, TIME_ZONE and REPORTS_FROM come from stacks/Reports.ts; each Cron sends {period, time}.
const config = configFromEnv();
const ctx = contextFrom(config, createDocumentClient(config));
const mailer = sesMailer(new SESv2Client({ region: config.region }), process.env.REPORTS_FROM!);

export async function handler(event: { period?: string; time?: string }) {
  const period = reportPeriods.find((p) => p === event.period);
  if (!period) throw new Error(`the event names no report period (weekly or monthly): ${JSON.stringify(event)}`);
  // The scheduled time, not the start time, picks the period: a late start still reports the right week.
  const result = await runReports(ctx, { period, now: event.time ? new Date(event.time) : undefined, send: mailer.send });
  console.log(JSON.stringify(result));
  // Failing makes Lambda retry the async invocation; the job is idempotent, so only failed sends are retried.
  const failed = result.results.filter((r) => r.outcome === "failed");
  if (failed.length > 0) throw new Error(`${failed.length} report(s) not sent: ${failed.map((r) => `${r.contractorId} ${r.periodKey}: ${r.error}`).join("; ")}`);
  return result;
}
