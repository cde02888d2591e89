import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFaultyDynamo, type FaultyDynamo } from "../support/fault-dynamo.js";
import { RawArchive } from "../../packages/core/src/intake/raw-archive.js";
import { replayStuck } from "../../packages/core/src/intake/replay.js";
import { createHarness, type Harness } from "../support/harness.js";
import { countersOn, createCampaign, createSource, token } from "../support/intake.js";
import { runSenders, type SenderSource, type SentDelivery } from "../support/load-senders.js";

const DAY = "2026-03-02";
const SENDERS = 20;
const RUN_MS = 10_000;
const CRASH_AT_MS = 4_000;
const DOWN_FOR_MS = 2_000;
/** Senders keep starting deliveries at least this long after DynamoDB Local answers again (its start is slow on a busy machine). */
const AFTER_RESTART_MS = 3_000;

let dynamo: FaultyDynamo | undefined;
let server: ReturnType<typeof serve> | undefined;
let h: Harness;
let campaigns: Array<{ campaignId: string; utmSource: string; utmCampaign: string }>;
let deliveries: SentDelivery[];
/** Stops the senders when the test ends, failed or not. */
const stopSenders = new AbortController();

/** Every lead of a campaign through the API, page by page. */
async function listLeads(campaignId: string) {
  const leads: Array<{ id: string; externalId: string; campaignId: string }> = [];
  let cursor: string | null = null;
  do {
    const page = await h.call("GET", `/api/leads?campaignId=${campaignId}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    if (page.status !== 200) throw new Error(`leads not listed: ${page.text}`);
    leads.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return leads;
}

/** What the owner would read afterwards: each campaign's leads, its counted leads, and the KPI sample. */
async function leadsAndCounters() {
  return Promise.all(
    campaigns.map(async ({ campaignId }) => {
      const kpis = await h.call("GET", `/api/campaigns/${campaignId}/kpis?from=${DAY}&to=${DAY}`);
      if (kpis.status !== 200) throw new Error(`KPIs not read: ${kpis.text}`);
      return {
        campaignId,
        leads: await listLeads(campaignId),
        counted: (await countersOn(h, campaignId, DAY)).leads,
        kpiSampleLeads: kpis.body.kpis.find((kpi: any) => kpi.kpi === "cpl").sample.leads as number,
      };
    }),
  );
}

/** The archived calls by state, read straight from this test's own table (a figure for the closing note, not asserted). */
async function archiveStates() {
  const states = { archived: 0, processed: 0, quarantined: 0, neither: 0 };
  let ExclusiveStartKey: Record<string, any> | undefined;
  do {
    const page = await h.ctx.doc.send(new ScanCommand({ TableName: h.ctx.table, FilterExpression: "#type = :raw", ExpressionAttributeNames: { "#type": "type" }, ExpressionAttributeValues: { ":raw": "rawDelivery" }, ExclusiveStartKey }));
    for (const item of page.Items ?? []) {
      states.archived++;
      if (item.processedAt) states.processed++;
      else if (item.error) states.quarantined++;
      else states.neither++;
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return states;
}

const is2xx = (status: number | null) => status !== null && status >= 200 && status < 300;
const attempts = () => deliveries.flatMap((d) => d.attempts);

// Bounded: the senders give up 60 s after they start, an attempt waits 20 s at most, the hook 110 s.
describe("20 senders for 10 s with 10% resends while DynamoDB Local is killed and restarted", () => {
  beforeAll(async () => {
    dynamo = await startFaultyDynamo();
    h = await createHarness({ endpoint: dynamo.endpoint, now: `${DAY}T09:00:00Z` });
    // The same app `npm start` serves, on a real loopback socket, so the senders meet node-server as in production.
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: h.app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => resolve(info.port));
    });
    const json = await createSource(h, "json");
    const tilda = await createSource(h, "tilda");
    campaigns = await Promise.all(
      ["yandex", "vk"].map(async (utmSource) => {
        const utmCampaign = token();
        const { campaignId } = await createCampaign(h, utmSource, utmCampaign);
        return { campaignId, utmSource, utmCampaign };
      }),
    );
    const senders: SenderSource[] = Array.from({ length: SENDERS }, (_, i) => ({
      key: i < 15 ? json.key : tilda.key,
      format: i < 15 ? "json" : "tilda",
      utmSource: campaigns[i % 2]!.utmSource,
      utmCampaign: campaigns[i % 2]!.utmCampaign,
    }));

    const fault = async () => {
      await sleep(CRASH_AT_MS);
      await dynamo!.crash();
      await sleep(DOWN_FOR_MS);
      return dynamo!.restart();
    };
    // Each refused call is logged by the app: counted here instead of flooding the output.
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    const startedAt = Date.now();
    const restarted = fault();
    const until = Promise.all([sleep(RUN_MS), restarted.then(() => sleep(AFTER_RESTART_MS))]);
    let restartMs: number;
    let errorsLogged: number;
    try {
      [deliveries, { restartMs }] = await Promise.all([
        runSenders({ url: `http://127.0.0.1:${port}`, senders, until, resendEvery: 10, giveUpAfterMs: 60_000, attemptTimeoutMs: 20_000, runToken: token(), signal: stopSenders.signal }),
        restarted,
      ]);
    } finally {
      errorsLogged = errorLog.mock.calls.length;
      errorLog.mockRestore();
    }

    const all = attempts();
    const failed = all.filter((a) => !is2xx(a.status));
    const byAnswer = new Map<string, number>();
    for (const a of failed) byAnswer.set(String(a.status ?? a.error), (byAnswer.get(String(a.status ?? a.error)) ?? 0) + 1);
    const leads = (await leadsAndCounters()).reduce((sum, c) => sum + c.leads.length, 0);
    const archive = await archiveStates();
    console.log(
      [
        `load-fault: ${SENDERS} senders, ${Date.now() - startedAt} ms until every delivery was answered; DynamoDB Local killed at ${CRASH_AT_MS} ms, answering again ${restartMs} ms after the kill; ${errorsLogged} errors logged by the app`,
        `  2xx answers before the kill ${all.filter((a) => is2xx(a.status) && a.at < CRASH_AT_MS).length}, after it ${all.filter((a) => is2xx(a.status) && a.at >= CRASH_AT_MS).length}`,
        `  deliveries ${deliveries.length} (${deliveries.filter((d) => d.resend).length} deliberate resends), posts ${all.length}: 2xx ${all.length - failed.length}, non-2xx or no answer ${failed.length} (${[...byAnswer].map(([what, n]) => `${what}: ${n}`).join(", ")})`,
        `  retries ${all.length - deliveries.length} over ${deliveries.filter((d) => d.attempts.length > 1).length} deliveries; new leads first acknowledged as duplicate (an earlier attempt had stored them) ${deliveries.filter((d) => !d.resend && d.acknowledged?.duplicate).length}`,
        `  leads stored ${leads}, distinct external ids acknowledged ${new Set(deliveries.filter((d) => d.acknowledged).map((d) => d.externalId)).size}`,
        `  calls archived ${archive.archived}: processed ${archive.processed}, quarantined ${archive.quarantined}, neither processed nor quarantined ${archive.neither}`,
      ].join("\n"),
    );
  }, 110_000);

  afterAll(async () => {
    stopSenders.abort();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await dynamo?.dispose();
  });

  it("acknowledges every delivery in the end, after answering only 5xx or nothing while the database was down", () => {
    expect(deliveries.filter((d) => !d.acknowledged).map((d) => ({ externalId: d.externalId, attempts: d.attempts }))).toEqual([]);
    const failed = attempts().filter((a) => !is2xx(a.status));
    // The fault really hit the senders: otherwise this test would prove nothing.
    expect(failed.length).toBeGreaterThan(0);
    // A 4xx tells a sender not to retry: an outage must never answer one.
    expect(failed.filter((a) => a.status !== null && a.status < 500)).toEqual([]);
    // The app says the database is away (503, retry later), not that it broke (500).
    expect(failed.filter((a) => a.status !== null && a.status !== 503).map((a) => a.status)).toEqual([]);
    // No attempt hung until the senders' 20 s patience ran out: the app answers, or the connection fails, while the database is away.
    expect(failed.filter((a) => a.error === "timeout")).toEqual([]);
  });

  it("stores each acknowledged lead exactly once, under the id every answer named", async () => {
    const answeredIds = new Map<string, Set<string>>();
    for (const d of deliveries) {
      for (const a of d.attempts) if (a.lead) answeredIds.set(d.externalId, (answeredIds.get(d.externalId) ?? new Set()).add(a.lead.id));
    }
    expect([...answeredIds].filter(([, ids]) => ids.size !== 1)).toEqual([]);

    const stored = (await leadsAndCounters()).flatMap((c) => c.leads);
    const storedByExternalId = new Map<string, string[]>();
    for (const lead of stored) storedByExternalId.set(lead.externalId, [...(storedByExternalId.get(lead.externalId) ?? []), lead.id]);
    expect([...storedByExternalId].filter(([, ids]) => ids.length !== 1)).toEqual([]);
    expect(stored.length).toBe(answeredIds.size);
    for (const [externalId, ids] of answeredIds) expect(storedByExternalId.get(externalId), externalId).toEqual([...ids]);
  });

  it("answers each resend of an acknowledged lead as a duplicate of that lead", () => {
    const firstAnswer = new Map(deliveries.filter((d) => !d.resend).map((d) => [d.externalId, d.acknowledged?.id]));
    const resends = deliveries.filter((d) => d.resend);
    expect(resends.length).toBeGreaterThan(0);
    expect(resends.filter((d) => !d.acknowledged?.duplicate || d.acknowledged.id !== firstAnswer.get(d.externalId))).toEqual([]);
    // A new lead answers as a duplicate only when an earlier attempt of it was stored before its answer was lost.
    expect(deliveries.filter((d) => !d.resend && d.acknowledged?.duplicate && d.attempts.length === 1)).toEqual([]);
  });

  it("counts every lead once in its campaign's counters and KPIs", async () => {
    for (const campaign of await leadsAndCounters()) {
      expect(campaign.leads.every((lead) => lead.campaignId === campaign.campaignId)).toBe(true);
      expect({ counted: campaign.counted, kpiSampleLeads: campaign.kpiSampleLeads }).toEqual({ counted: campaign.leads.length, kpiSampleLeads: campaign.leads.length });
    }
  });

  // Calls that failed after their archive write (the database went away mid-call) are left
  // unprocessed: the sweep must settle every one of them as a duplicate of the lead a retry stored,
  // and change no lead and no counter.
  it("leaves no delivery stuck: a sweep settles the interrupted calls and changes no lead or counter", async () => {
    const before = await leadsAndCounters();
    h.setNow(`${DAY}T10:00:00Z`); // an hour later: every delivery is old enough to be stuck
    const sweep = await replayStuck(h.ctx, { olderThanMs: 0 });
    console.log(`load-fault: the sweep replayed ${sweep.replayed} interrupted deliveries`);
    expect(sweep).toMatchObject({ quarantined: 0, stillStuck: 0 });
    expect((await RawArchive.listStuck(h.ctx, { olderThanMs: 0, limit: 100 })).items).toEqual([]);
    expect(await leadsAndCounters()).toEqual(before);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
