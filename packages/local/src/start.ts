/**
 * `npm start`: the whole product on one machine. Starts DynamoDB Local with data under .data/
 * (unless DYNAMODB_ENDPOINT names another DynamoDB), creates the table if missing, serves the app.
 */
import { serve } from "@hono/node-server";
import { createApp } from "@parom/api";
import { configFromEnv, contextFrom, ownerKeyProblem } from "@parom/core";
import { createDocumentClient, ensureTable } from "@parom/core/db";
import { localCookieSecret } from "./cookie-secret.js";
import { localOwnerKey } from "./owner-key.js";
import { JavaMissingError, startDynamoLocal, type RunningDynamo } from "./dynamo-local.js";
import { hostForUrl, listenHost } from "./listen-host.js";
import { keepPrivate } from "./private-data.js";
import { startReportScheduler } from "./scheduler.js";
import { startHandoverSweeper } from "./handover-sweeper.js";
import { startStuckSweeper } from "./stuck-sweeper.js";

// Node 20 is supported by the SDK until 2027; its reminder at every start is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const config = configFromEnv();
// A newcomer needs a way in: without OWNER_API_KEY, a local owner key is made once and kept in .data/.
const dataDir = process.env.PAROM_DATA_DIR || ".data";
// Every lead, the owner key and the cookie secret live here: owner-only, existing files tightened too.
keepPrivate(dataDir);
config.ownerApiKey ??= localOwnerKey(`${dataDir}/owner.key`);
const ownerKeyRefused = ownerKeyProblem(config.ownerApiKey);
if (ownerKeyRefused) {
  console.error(ownerKeyRefused);
  process.exit(1);
}
const port = Number(process.env.PORT || 3000);
const listen = listenHost();

let dynamo: RunningDynamo | undefined;
if (!config.endpoint) {
  try {
    dynamo = await startDynamoLocal({ dataDir: `${dataDir}/dynamodb` });
  } catch (error) {
    console.error(error instanceof JavaMissingError ? error.message : `Could not start DynamoDB Local: ${(error as Error).message}`);
    process.exit(1);
  }
  config.endpoint = dynamo.endpoint;
}

const doc = createDocumentClient(config);
const table = await ensureTable(doc, config.tableName);
const ctx = contextFrom(config, doc);
const cookieSecret = process.env.COOKIE_SECRET || localCookieSecret(`${dataDir}/cookie.secret`);
const app = createApp(ctx, { ownerApiKey: config.ownerApiKey, cookieSecret });

const server = serve({ fetch: app.fetch, port, hostname: listen.host }, () => {
  if (listen.warning) console.warn(listen.warning);
  console.log(`Parom is up on http://${hostForUrl(listen.host)}:${port}${listen.loopback ? " (this machine only; HOST changes it)" : ""}`);
  console.log(`  DynamoDB: ${dynamo ? `DynamoDB Local at ${config.endpoint}, data in ${dataDir}/dynamodb` : config.endpoint} (table ${config.tableName}, ${table})`);
  console.log(`  Owner API key: ${process.env.OWNER_API_KEY ? "the value of OWNER_API_KEY" : `${config.ownerApiKey} (kept in ${dataDir}/owner.key)`}`);
});
const reportScheduler = startReportScheduler(ctx);
const stuckSweeper = startStuckSweeper(ctx);
const handoverSweeper = startHandoverSweeper(ctx);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  reportScheduler.stop();
  stuckSweeper.stop();
  handoverSweeper.stop();
  server.close();
  await dynamo?.stop();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
