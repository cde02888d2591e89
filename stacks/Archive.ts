import { Cron, Function, use, type StackContext } from "sst/constructs";
import { Database } from "./Database.js";

/**
 * The sweep of stuck webhook calls: every 5 minutes, calls stored but neither processed nor
 * quarantined 5 minutes after they arrived (their processing died) are replayed. A replay never
 * captures a lead twice, so an overlap with a sender's retry or a manual replay is harmless.
 *
 * Deploy-time environment:
 * - TIME_ZONE (optional, default Europe/Moscow): cohort days of leads captured by a replay.
 * - DEDUP_WINDOW_DAYS (optional, default 30), as for the API.
 */
export function Archive({ stack }: StackContext) {
  const { table } = use(Database);

  const handler = new Function(stack, "ReplayStuckHandler", {
    handler: "functions/replay-stuck.handler",
    runtime: "nodejs22.x",
    // Under the 5-minute period: a sweep that cannot finish leaves the rest to the next one.
    timeout: "4 minutes",
    nodejs: { format: "esm", minify: true, esbuild: { external: ["@aws-sdk/*"] } },
    environment: {
      TABLE_NAME: table.tableName,
      TIME_ZONE: process.env.TIME_ZONE || "Europe/Moscow",
      ...(process.env.DEDUP_WINDOW_DAYS ? { DEDUP_WINDOW_DAYS: process.env.DEDUP_WINDOW_DAYS } : {}),
    },
    // Data access to the table and its indexes only, as in stacks/Api.ts.
    permissions: [[table.cdk.table, "grantReadWriteData"]],
  });

  const sweep = new Cron(stack, "ReplayStuck", { schedule: "rate(5 minutes)", job: handler });
  return { replayStuckFunction: handler, sweep };
}
