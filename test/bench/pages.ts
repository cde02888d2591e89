/**
 * `BENCH=pages npm run bench`: how long each page of the web UI takes on the demo data, and how many
 * DynamoDB requests it makes.
 *
 * Starts its own in-memory DynamoDB Local, loads «Сумки Опт» (`loadDemo`, about 2,200 writes), signs
 * in as the owner, a marketer and a contractor, then for every page times SAMPLES calls of
 * `app.request(...)` after WARM_UP unmeasured ones and counts the DynamoDB requests of one render
 * (a middleware on the document client). Cold: each page again as the first request of a fresh
 * process after `createApp` (test/bench/pages-cold.ts), the case of a cold Lambda.
 *
 * Environment: BENCH_SAMPLES (default 30), BENCH_WARM_UP (default 5), BENCH_COLD=0 skips the cold runs.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createApp } from "../../packages/api/src/app.js";
import type { Ctx } from "../../packages/core/src/context.js";
import { createDocumentClient, ensureTable } from "../../packages/core/src/db/client.js";
import { apiOver, ok } from "../../packages/local/src/demo/api.js";
import { loadDemo } from "../../packages/local/src/demo/load.js";
import { countRequests, describeCount, type RequestCount } from "../support/dynamo-requests.js";
import { BENCH_COOKIE_SECRET, BENCH_NOW, BENCH_OWNER_KEY, BENCH_TABLE, BENCH_TIME_ZONE, type ColdPage, type ColdTiming } from "./page-app.js";
import { log, measure, withDynamoLocal } from "./support.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const SAMPLES = Number(process.env.BENCH_SAMPLES || 30);
const WARM_UP = Number(process.env.BENCH_WARM_UP || 5);
const COLD = process.env.BENCH_COLD !== "0";
const LIMIT_MS = 300;

type Who = "owner" | "marketer" | "contractor";
type PageRow = { name: string; who: Who; path: string; median: number; p90: number; requests: RequestCount; bytes: number };

await withDynamoLocal(run);

async function run(endpoint: string) {
  const doc = createDocumentClient({ endpoint, region: "eu-central-1" });
  const ctx: Ctx = { doc, table: BENCH_TABLE, timeZone: BENCH_TIME_ZONE, now: () => new Date(BENCH_NOW) };
  await ensureTable(doc, ctx.table);
  const requests = countRequests(doc);
  const app = createApp(ctx, { ownerApiKey: BENCH_OWNER_KEY, cookieSecret: BENCH_COOKIE_SECRET });
  const api = apiOver((path, init) => app.request(path, init), BENCH_OWNER_KEY);

  log("loading the demo (about 2,200 writes)...");
  const started = Date.now();
  const demo = await loadDemo({ api, now: new Date(BENCH_NOW), timeZone: ctx.timeZone });
  log(`demo loaded in ${Math.round((Date.now() - started) / 1000)} s`);

  const marketerKey: string = (await ok("marketer key", api("POST", "/api/keys", { role: "marketer" }))).key;
  const contractor = demo.contractorKeys[0]!;
  const cookies: Record<Who, string> = {
    owner: await signIn(app, BENCH_OWNER_KEY),
    marketer: await signIn(app, marketerKey),
    contractor: await signIn(app, contractor.key),
  };
  const ready = demo.hypotheses.find((h) => h.role === "ready")!;
  const lead = (await ok("a lead", api("GET", `/api/leads?hypothesisId=${ready.id}&limit=1`))).items[0];

  const pages: Array<Omit<PageRow, "median" | "p90" | "requests" | "bytes">> = [
    { name: "board /", who: "owner", path: "/" },
    ...demo.hypotheses.map((h) => ({ name: `hypothesis (${h.role}, ${h.stage})`, who: "owner" as const, path: `/hypotheses/${h.id}` })),
    { name: "leads", who: "owner", path: "/leads" },
    { name: "leads of a hypothesis", who: "owner", path: `/leads?hypothesisId=${ready.id}` },
    { name: "lead detail", who: "owner", path: `/leads/${lead.id}` },
    { name: "quarantine", who: "owner", path: "/quarantine" },
    { name: "spend", who: "owner", path: "/spend" },
    { name: "sources", who: "owner", path: "/sources" },
    { name: "contractors", who: "owner", path: "/contractors" },
    { name: "contractor report", who: "owner", path: `/contractors/${contractor.contractorId}/report` },
    { name: "quality", who: "owner", path: "/quality" },
    { name: "reconciliation", who: "owner", path: "/reconciliation" },
    { name: "new hypothesis", who: "owner", path: "/hypotheses/new" },
    { name: "board /", who: "marketer", path: "/" },
    { name: "hypothesis (ready)", who: "marketer", path: `/hypotheses/${ready.id}` },
    { name: "home /", who: "contractor", path: "/" },
    { name: "own report", who: "contractor", path: `/contractors/${contractor.contractorId}/report` },
    { name: "/docs", who: "owner", path: "/docs" },
    { name: "/openapi.json", who: "owner", path: "/openapi.json" },
  ];

  const rows: PageRow[] = [];
  for (const page of pages) {
    const get = async () => {
      const response = await app.request(page.path, { headers: { cookie: cookies[page.who] } });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`GET ${page.path} as ${page.who} -> ${response.status}: ${body.slice(0, 300)}`);
      return body.length;
    };
    const bytes = await get();
    const counted = await requests.during(get);
    const { median, p90 } = await measure(get, { samples: SAMPLES, warmUp: WARM_UP });
    rows.push({ ...page, median, p90, requests: counted, bytes });
    log(`${page.who} ${page.path}: median ${median.toFixed(1)} ms, ${counted.total} requests`);
  }

  console.log("");
  console.log(`Warm: median and p90 of ${SAMPLES} calls after ${WARM_UP} warm-up calls, DynamoDB requests of one render`);
  printTable(
    ["page", "as", "median ms", "p90 ms", "DynamoDB requests", "KB", `< ${LIMIT_MS} ms`],
    rows.map((r) => [r.name, r.who, r.median.toFixed(1), r.p90.toFixed(1), describeCount(r.requests), (r.bytes / 1024).toFixed(0), r.p90 < LIMIT_MS ? "OK" : "SLOW"]),
  );

  if (!COLD) return;
  log("cold runs: one fresh process per page...");
  const cold: Array<{ page: (typeof pages)[number]; timing: ColdTiming }> = [];
  for (const page of pages) cold.push({ page, timing: await coldRun({ endpoint, path: page.path, cookie: cookies[page.who] }) });
  console.log("");
  console.log("Cold: a fresh process, createApp, then this page as its first request (module import under tsx shown apart)");
  printTable(
    ["page", "as", "import ms", "createApp ms", "first request ms", `< ${LIMIT_MS} ms`],
    cold.map(({ page, timing }) => [page.name, page.who, timing.importMs.toFixed(0), timing.createAppMs.toFixed(1), timing.firstRequestMs.toFixed(1), timing.firstRequestMs < LIMIT_MS ? "OK" : "SLOW"]),
  );
}

/** The session cookies of a browser that signed in with `key` through the sign-in form. */
async function signIn(app: ReturnType<typeof createApp>, key: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [name = "", value = ""] = (line.split(";")[0] ?? "").split(/=(.*)/s);
      jar.set(name, value);
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const form = await app.request("http://localhost/");
  keep(form);
  const csrf = /name="_csrf" value="([^"]*)"/.exec(await form.text())?.[1] ?? "";
  const response = await app.request("http://localhost/sign-in", {
    method: "POST",
    headers: { origin: "http://localhost", cookie: cookie() },
    body: new URLSearchParams({ _csrf: csrf, key }),
  });
  if (response.status !== 303) throw new Error(`sign-in refused: ${response.status}`);
  keep(response);
  return cookie();
}

function coldRun(page: ColdPage): Promise<ColdTiming> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./pages-cold.ts", import.meta.url))], {
      env: { ...process.env, BENCH_COLD_PAGE: JSON.stringify(page) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", fail);
    child.on("exit", (code) => (code === 0 ? done(JSON.parse(out.trim().split("\n").at(-1)!)) : fail(new Error(`cold run of ${page.path} exited ${code}: ${out}`))));
  });
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}
