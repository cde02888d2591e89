import { Api as HttpApi, Function, use, type StackContext } from "sst/constructs";
import { Database } from "./Database.js";
import { reportsFrom, sendMailOnlyFrom } from "./ses.js";

/**
 * The HTTP API: one Lambda serving the whole Hono app.
 *
 * Deploy-time environment:
 * - OWNER_API_KEY (required): the owner's bearer key for /api; it becomes the function's
 *   environment variable, so it is readable in the Lambda console and the CloudFormation template.
 * - COOKIE_SECRET (required): signs the web pages' session cookie.
 * - REPORTS_FROM (required): on-demand report runs (POST /api/reports/run) mail through SES from it.
 * - TIME_ZONE (optional, default Europe/Moscow): the workspace time zone for ISO days.
 */
export function Api({ stack }: StackContext) {
  const { table } = use(Database);

  const ownerApiKey = process.env.OWNER_API_KEY;
  if (!ownerApiKey) throw new Error("Set OWNER_API_KEY in the environment before deploying: it is the owner's key for /api.");
  const cookieSecret = process.env.COOKIE_SECRET;
  if (!cookieSecret) throw new Error("Set COOKIE_SECRET in the environment before deploying: it signs the web session cookie.");
  const from = reportsFrom();

  const handler = new Function(stack, "ApiHandler", {
    handler: "functions/api.handler",
    runtime: "nodejs22.x",
    timeout: "30 seconds", // API Gateway gives up on an HTTP API integration at 30 s
    // The Lambda runtime ships AWS SDK v3, so leaving it out keeps the bundle small.
    nodejs: { format: "esm", minify: true, esbuild: { external: ["@aws-sdk/*"] } },
    environment: {
      TABLE_NAME: table.tableName,
      TIME_ZONE: process.env.TIME_ZONE || "Europe/Moscow",
      OWNER_API_KEY: ownerApiKey,
      COOKIE_SECRET: cookieSecret,
      REPORTS_FROM: from,
    },
    // Not `bind`: SST's table binding grants dynamodb:* on the table and `<arn>/*`, which
    // includes DeleteTable and UpdateTable. CDK's grant gives data access to the table and
    // its indexes only.
    permissions: [[table.cdk.table, "grantReadWriteData"], sendMailOnlyFrom(stack, from)],
  });

  const api = new HttpApi(stack, "Api", {
    routes: {
      "GET /health": handler,
      "POST /hooks/{key}": handler,
      "ANY /api/{proxy+}": handler,
      // Everything else reaches the app too, so unknown paths get its JSON 404.
      "ANY /{proxy+}": handler,
    },
  });

  stack.addOutputs({ ApiUrl: api.url });
  return { api };
}
