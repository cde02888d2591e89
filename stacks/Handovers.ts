import { Cron, Function, use, type StackContext } from "sst/constructs";
import { Database } from "./Database.js";

/**
 * The return of hand-overs: every 5 minutes, leads handed over `until` a time that has passed go
 * back to their person (lead/handovers.ts). Ending one is conditional, so overlapping runs are harmless;
 * reads already show a passed hand-over as returned, the sweep makes the lead's listing follow.
 */
export function Handovers({ stack }: StackContext) {
  const { table } = use(Database);

  const handler = new Function(stack, "ReturnHandoversHandler", {
    handler: "functions/return-handovers.handler",
    runtime: "nodejs22.x",
    // Under the 5-minute period: what one run leaves is the next one's.
    timeout: "4 minutes",
    nodejs: { format: "esm", minify: true, esbuild: { external: ["@aws-sdk/*"] } },
    environment: { TABLE_NAME: table.tableName, TIME_ZONE: process.env.TIME_ZONE || "Europe/Moscow" },
    // Data access to the table and its indexes only, as in stacks/Api.ts.
    permissions: [[table.cdk.table, "grantReadWriteData"]],
  });

  const sweep = new Cron(stack, "ReturnHandovers", { schedule: "rate(5 minutes)", job: handler });
  return { returnHandoversFunction: handler, sweep };
}
