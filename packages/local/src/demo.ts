/**
 * `npm run demo`: loads the «Сумки Опт» case into the database `npm start` uses, through the public
 * API. With `npm start` running it talks to that server; otherwise it opens the same database
 * (DynamoDB Local under .data/, or DYNAMODB_ENDPOINT) and serves the app in process.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createApp } from "@parom/api";
import { configFromEnv, contextFrom } from "@parom/core";
import { createDocumentClient, ensureTable } from "@parom/core/db";
import { apiOver, type Api } from "./demo/api.js";
import { loadDemo } from "./demo/load.js";
import { dynamoLocalServing } from "./demo/running-dynamo.js";
import type { SalesKey } from "./demo/sales-team.js";
import type { ContractorKey } from "./demo/setup.js";
import { demoSummary } from "./demo/summary.js";
import { JavaMissingError, startDynamoLocal, type RunningDynamo } from "./dynamo-local.js";
import { hostForUrl, listenHost } from "./listen-host.js";
import { localOwnerKey } from "./owner-key.js";
import { keepPrivate } from "./private-data.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const config = configFromEnv();
const dataDir = process.env.PAROM_DATA_DIR || ".data";
keepPrivate(dataDir); // the demo's leads and contractor keys land here too
const ownerKey = config.ownerApiKey ?? localOwnerKey(`${dataDir}/owner.key`);
const port = Number(process.env.PORT || 3000);
// The same HOST and PORT npm start listens on.
const serverUrl = `http://${hostForUrl(listenHost().host)}:${port}`;
// Only a key's hash is stored, so the demo keeps the contractor keys it printed to print them again.
const keysFile = `${dataDir}/demo-contractor-keys.json`;
const salesKeysFile = `${dataDir}/demo-sales-keys.json`;

async function serverAnswers(): Promise<boolean> {
  try {
    return (await fetch(`${serverUrl}/health`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let dynamo: RunningDynamo | undefined;
let api: Api;
const serverRunning = await serverAnswers();
if (serverRunning) {
  console.log(`npm start is running: loading through ${serverUrl}.`);
  api = apiOver((path, init) => fetch(`${serverUrl}${path}`, init), ownerKey);
  if ((await api("GET", "/api/keys")).status === 401) {
    fail(`The server on ${serverUrl} refused the owner key from ${config.ownerApiKey ? "OWNER_API_KEY" : `${dataDir}/owner.key`}: run the demo with the OWNER_API_KEY the server was started with.`);
  }
} else {
  if (!config.endpoint) {
    const pid = dynamoLocalServing(`${dataDir}/dynamodb`);
    if (pid !== null) {
      fail(`DynamoDB Local (pid ${pid}) already serves ${dataDir}/dynamodb, but nothing answers on ${serverUrl}/health. Stop npm start first, or run the demo with PORT set to the port it serves on.`);
    }
    try {
      dynamo = await startDynamoLocal({ dataDir: `${dataDir}/dynamodb` });
    } catch (error) {
      fail(error instanceof JavaMissingError ? error.message : `Could not start DynamoDB Local: ${(error as Error).message}`);
    }
    config.endpoint = dynamo.endpoint;
  }
  const doc = createDocumentClient(config);
  await ensureTable(doc, config.tableName);
  const app = createApp(contextFrom(config, doc), { ownerApiKey: ownerKey });
  api = apiOver((path, init) => app.request(path, init), ownerKey);
}

const knownKeys: ContractorKey[] = existsSync(keysFile) ? JSON.parse(readFileSync(keysFile, "utf8")) : [];
const knownSalesKeys: SalesKey[] = existsSync(salesKeysFile) ? JSON.parse(readFileSync(salesKeysFile, "utf8")) : [];
try {
  const started = Date.now();
  const result = await loadDemo({ api, now: new Date(), timeZone: config.timeZone, knownKeys, knownSalesKeys, log: (line) => console.log(line) });
  writeFileSync(keysFile, `${JSON.stringify(result.contractorKeys, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(salesKeysFile, `${JSON.stringify(result.sales.keys, null, 2)}\n`, { mode: 0o600 });
  console.log(demoSummary(result, { ownerKey, boardUrl: serverUrl, serverRunning, keysFile, salesKeysFile }));
  console.log(`Done in ${Math.round((Date.now() - started) / 1000)} s.`);
} catch (error) {
  console.error(`The demo stopped: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await dynamo?.stop();
}
