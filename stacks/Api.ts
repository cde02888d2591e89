import { Config, Api as HttpApi, Function, use, type StackContext } from "sst/constructs";
import { Database } from "./Database.js";
import { reportsFrom, sendMailOnlyFrom } from "./ses.js";

/**
 * The HTTP API: one Lambda serving the whole Hono app.
 *
 * Secrets, kept in SSM Parameter Store as SecureStrings and read by the function at cold start, so
 * they appear in neither the template nor the Lambda console. Set them once per stage before
 * the first deploy: `npx sst secrets set OWNER_API_KEY <value> --stage prod`, and COOKIE_SECRET.
 * - OWNER_API_KEY: the owner's bearer key for /api.
 * - COOKIE_SECRET: signs the web pages' session cookie.
 *
 * Deploy-time environment:
 * - REPORTS_FROM (required): on-demand report runs (POST /api/reports/run) mail through SES from it.
 * - TIME_ZONE (optional, default Europe/Moscow): the workspace time zone for ISO days.
 * - DEDUP_WINDOW_DAYS (optional, default 30): days within which one person from two sources is one lead.
 */
export function Api({ stack }: StackContext) {
  const { table } = use(Database);

  const secrets = Config.Secret.create(stack, "OWNER_API_KEY", "COOKIE_SECRET");
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
      REPORTS_FROM: from,
      ...(process.env.DEDUP_WINDOW_DAYS ? { DEDUP_WINDOW_DAYS: process.env.DEDUP_WINDOW_DAYS } : {}),
    },
    // A secret's binding is its SSM placeholder and ssm:GetParameters on its two parameters, nothing more.
    bind: [secrets.OWNER_API_KEY, secrets.COOKIE_SECRET],
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
