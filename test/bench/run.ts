/**
 * `npm run bench`: how long a hypothesis KPI answer takes at 1,000 and at 100,000 leads.
 *
 * Starts its own in-memory DynamoDB Local, registers a hypothesis with four campaigns, books 92
 * days of spend, loads leads through POST /api/leads/import (1,000 per call, via app.request)
 * and times GET /api/hypotheses/{id}/kpis: the median of 30 calls after 10 warm-up calls. The KPI
 * answer reads counters only (one item per campaign and cohort day, holding that day's wins by
 * days to win), so its time should follow campaigns × cohort days, not the number of leads.
 *
 * Environment: BENCH_LEADS (default 100000), BENCH_LOAD_MINUTES (default 45: loading stops there
 * and the second timing uses what was loaded), BENCH_PARALLEL import calls in flight (default 2).
 */
import { createApp } from "../../packages/api/src/app.js";
import { Campaigns } from "../../packages/core/src/campaign/campaign.js";
import type { Ctx } from "../../packages/core/src/context.js";
import { createDocumentClient, ensureTable } from "../../packages/core/src/db/client.js";
import { Hypotheses } from "../../packages/core/src/hypothesis/hypothesis.js";
import { evaluateKpis } from "../../packages/core/src/kpi/evaluate.js";
import { loadCounters } from "../../packages/core/src/kpi/load.js";
import { seededRandom } from "../../packages/core/src/stats/random.js";
import { addDays, dayIn } from "../../packages/core/src/time.js";
import { log, measure, withDynamoLocal } from "./support.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const TARGET_LEADS = Number(process.env.BENCH_LEADS || 100_000);
const LOAD_MINUTES = Number(process.env.BENCH_LOAD_MINUTES || 45);
const PARALLEL = Number(process.env.BENCH_PARALLEL || 2);
const BATCH = 1000;
const WARM_UP = 10;
const SAMPLES = 30;
const timing = { samples: SAMPLES, warmUp: WARM_UP };
const OWNER_KEY = "bench-owner-key-0123456789abcdefghij";
const NOW = new Date("2026-06-01T09:00:00Z");
/** Leads arrive over the 92 days before today (Moscow). */
const FIRST_DAY = "2026-03-01";
const DAYS = 92;

await withDynamoLocal(run);

async function run(endpoint: string) {
  const doc = createDocumentClient({ endpoint, region: "eu-central-1" });
  const ctx: Ctx = { doc, table: "parom_bench", timeZone: "Europe/Moscow", now: () => new Date(NOW) };
  await ensureTable(doc, ctx.table);
  const app = createApp(ctx, { ownerApiKey: OWNER_KEY });

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${OWNER_KEY}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path} -> ${response.status}: ${text.slice(0, 500)}`);
    return JSON.parse(text);
  };

  const hypothesis = await call("POST", "/api/hypotheses", {
    title: "Bench: Яндекс.Директ, сумки",
    statement: "Поиск приводит покупателей с конверсией не ниже 5%",
    channel: "yandex_direct",
    responsible: "Bench",
    budget: "5000000",
    probe: { start: FIRST_DAY, end: "2026-03-31" },
    targets: { conversionMin: 0.05, qualifiedRateMin: 0.2, cplMax: "1500", cacMax: "20000", romiMin: 0.5 },
  });
  const campaigns: { id: string; utm_source: string; utm_campaign: string }[] = [];
  for (const name of ["search", "rsya", "retargeting", "brand"]) {
    const campaign = await call("POST", `/api/hypotheses/${hypothesis.id}/campaigns`, { utmSource: "yandex", utmCampaign: `bench-${name}` });
    campaigns.push({ id: campaign.id, utm_source: "yandex", utm_campaign: campaign.utmCampaign });
  }
  const rows = campaigns.flatMap((c) => Array.from({ length: DAYS }, (_, d) => ({ date: addDays(FIRST_DAY, d), utm_source: c.utm_source, utm_campaign: c.utm_campaign, cost: 25_000 })));
  await call("POST", "/api/spend", { rows });
  log(`hypothesis ${hypothesis.id}, ${campaigns.length} campaigns, ${rows.length} spend rows`);

  const random = seededRandom("parom-bench");
  const makeLead = (n: number) => {
    const campaign = campaigns[n % campaigns.length]!;
    const createdAt = new Date(Date.parse(`${FIRST_DAY}T00:00:00+03:00`) + random() * DAYS * 86_400_000);
    const outcome = random();
    const lead: Record<string, unknown> = {
      externalId: `bench-${n}`,
      name: `Клиент ${n}`,
      phone: `+7916${String(n).padStart(7, "0")}`,
      utm_source: campaign.utm_source,
      utm_campaign: campaign.utm_campaign,
      createdAt: createdAt.toISOString(),
    };
    // About 10% won after 5 to 25 days (still `proposal` if that is after today), 15% lost, the rest on the way.
    const closedAt = new Date(createdAt.getTime() + (5 + Math.floor(random() * 21)) * 86_400_000 + 3_600_000);
    if (outcome < 0.1) {
      if (closedAt <= NOW) Object.assign(lead, { stage: "won", amount: String(20_000 + Math.floor(random() * 130_000)), closedAt: closedAt.toISOString() });
      else lead.stage = "proposal";
    } else if (outcome < 0.25) Object.assign(lead, { stage: "lost", lostReason: random() < 0.5 ? "дорого" : "не дозвонились" });
    else if (outcome < 0.45) lead.stage = "qualified";
    else if (outcome < 0.65) lead.stage = "contacted";
    return lead;
  };

  let loaded = 0;
  const importBatch = async () => {
    const leads = Array.from({ length: BATCH }, (_, i) => makeLead(loaded + i));
    loaded += BATCH;
    const result = await call("POST", "/api/leads/import", { leads });
    if (result.rejected.length > 0) throw new Error(`import rejected leads: ${JSON.stringify(result.rejected.slice(0, 3))}`);
  };

  const timeKpis = async () => {
    const answer = await call("GET", `/api/hypotheses/${hypothesis.id}/kpis`);
    const route = await measure(() => call("GET", `/api/hypotheses/${hypothesis.id}/kpis`), timing);
    // Where the time goes: reading the counters, and the statistics on them.
    const [stored, linked] = await Promise.all([Hypotheses.get(ctx, hypothesis.id), Campaigns.listByHypothesis(ctx, hypothesis.id)]);
    const read = await measure(() => loadCounters(ctx, linked), timing);
    const counters = await loadCounters(ctx, linked);
    const input = { ...counters, targets: stored.targets, maturityDays: stored.maturityDays, confidence: stored.confidence, asOf: dayIn(NOW, ctx.timeZone) };
    const evaluate = await measure(async () => evaluateKpis(input), timing);
    const leads = answer.kpis.find((row: any) => row.kpi === "leads").observed;
    return { ...route, leads, read: read.median, evaluate: evaluate.median, days: counters.days.length, wins: counters.wins.length };
  };
  const describe = (t: Awaited<ReturnType<typeof timeKpis>>) =>
    `${t.leads} leads: median ${t.median.toFixed(1)} ms (p90 ${t.p90.toFixed(1)} ms) over ${SAMPLES} calls; ` +
    `of which reading ${t.days} day counter items (${t.wins} win rows in them) about ${t.read.toFixed(1)} ms, evaluateKpis about ${t.evaluate.toFixed(1)} ms`;

  await importBatch();
  const small = await timeKpis();
  log(describe(small));

  const deadline = Date.now() + LOAD_MINUTES * 60_000;
  const loadStarted = Date.now();
  let reported = Date.now();
  while (loaded < TARGET_LEADS && Date.now() < deadline) {
    const calls = Math.max(1, Math.min(PARALLEL, Math.floor((TARGET_LEADS - loaded) / BATCH)));
    await Promise.all(Array.from({ length: calls }, importBatch));
    if (Date.now() - reported > 15_000 || loaded >= TARGET_LEADS) {
      reported = Date.now();
      const rate = (loaded - BATCH) / ((Date.now() - loadStarted) / 1000);
      log(`loaded ${loaded} of ${TARGET_LEADS} leads (${rate.toFixed(0)} leads/s, about ${Math.ceil((TARGET_LEADS - loaded) / rate / 60)} min to go)`);
    }
  }
  if (loaded < TARGET_LEADS) log(`load budget of ${LOAD_MINUTES} min used up at ${loaded} leads (BENCH_LOAD_MINUTES raises it)`);

  const large = await timeKpis();
  log(describe(large));

  const ratio = large.median / small.median;
  console.log("");
  console.log(`GET /api/hypotheses/{id}/kpis, median of ${SAMPLES} calls after ${WARM_UP} warm-up calls`);
  console.log(`  at ${String(small.leads).padStart(7)} leads: ${small.median.toFixed(1)} ms`);
  console.log(`  at ${String(large.leads).padStart(7)} leads: ${large.median.toFixed(1)} ms`);
  console.log(`  ratio: ${ratio.toFixed(2)} (aim: under 1.5)`);
}
