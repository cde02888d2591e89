/**
 * One cold page for test/bench/pages.ts: in a fresh process, imports the app, creates it and times
 * the first request of the page named in BENCH_COLD_PAGE (JSON of a ColdPage). Prints a ColdTiming
 * as its last line.
 */
import { BENCH_COOKIE_SECRET, BENCH_NOW, BENCH_OWNER_KEY, BENCH_TABLE, BENCH_TIME_ZONE, type ColdPage, type ColdTiming } from "./page-app.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const page: ColdPage = JSON.parse(process.env.BENCH_COLD_PAGE ?? "null");
if (!page) throw new Error("BENCH_COLD_PAGE is not set: test/bench/pages.ts runs this file");

const imported = performance.now();
const [{ createApp }, { createDocumentClient }] = await Promise.all([import("../../packages/api/src/app.js"), import("../../packages/core/src/db/client.js")]);
const created = performance.now();
const doc = createDocumentClient({ endpoint: page.endpoint, region: "eu-central-1" });
const app = createApp({ doc, table: BENCH_TABLE, timeZone: BENCH_TIME_ZONE, now: () => new Date(BENCH_NOW) }, { ownerApiKey: BENCH_OWNER_KEY, cookieSecret: BENCH_COOKIE_SECRET });
const requested = performance.now();
const response = await app.request(page.path, { headers: { cookie: page.cookie } });
await response.text();
const answered = performance.now();
doc.destroy();

const timing: ColdTiming = { importMs: created - imported, createAppMs: requested - created, firstRequestMs: answered - requested, status: response.status };
console.log(JSON.stringify(timing));
