import { beforeAll, describe, expect, it } from "vitest";
import { hypothesisBody } from "../support/decisions.js";
import { newId } from "../../packages/core/src/ids.js";
import { countRequests, describeCount } from "../support/dynamo-requests.js";
import { OWNER_KEY } from "../support/harness.js";
import { Browser, createWebHarness, type WebHarness } from "../support/web.js";

/**
 * The DynamoDB requests a page makes are part of its design: each figure below is what the page's
 * data needs, so a read added without need (the same item twice, a query per lead) fails here.
 * Every page first reads its server-side session (one GetItem: the session item, which names the key);
 * the owner's configured key costs nothing more, a stored key adds one GetItem.
 */
const SESSION = 1;
// Hypothesis page: its partition (the hypothesis, history, rules, optimizations, approvals in one Query),
// its campaigns, the contractors; per campaign one Query of its counters (days, wins, lost reasons).
const hypothesisPageRequests = (campaigns: number) => SESSION + 3 + campaigns;
// Lead page: its partition (the lead, stage history, contact attempts, hand-overs in one Query), its
// hypothesis, and the sales department's people (one Query) that name its person and fill its forms.
const LEAD_PAGE_REQUESTS = SESSION + 3;
// Board: the hypotheses, all campaigns; per campaign its day counters.
const boardRequests = (campaigns: number) => SESSION + 2 + campaigns;

let h: WebHarness;
let owner: Browser;
let requests: ReturnType<typeof countRequests>;
const hypotheses: Record<"one" | "three", { id: string; campaigns: Array<{ utm_source: string; utm_campaign: string }> }> = {} as never;

async function hypothesisWith(campaignCount: number) {
  const hypothesis = (
    await h.call("POST", "/api/hypotheses", hypothesisBody({ targets: { cplMax: "900", conversionMin: 0.05 } }))
  ).body;
  await h.call("PUT", `/api/hypotheses/${hypothesis.id}/rules`, { responsible: "Anna", leadHandling: "Call within an hour", checklist: ["Ask the volume"] });
  await h.call("POST", `/api/hypotheses/${hypothesis.id}/optimizations`, { area: "audience", change: "Wholesale keywords only", startedOn: "2026-03-10" });
  const campaigns = [];
  for (let i = 0; i < campaignCount; i++) {
    const campaign = (await h.call("POST", `/api/hypotheses/${hypothesis.id}/campaigns`, { utmSource: "yandex", utmCampaign: `bags-${newId()}` })).body;
    campaigns.push({ utm_source: "yandex", utm_campaign: campaign.utmCampaign });
  }
  return { id: hypothesis.id as string, campaigns };
}

/** `count` leads spread over the hypothesis' campaigns, every fifth of them won. */
async function importLeads(campaigns: Array<{ utm_source: string; utm_campaign: string }>, count: number) {
  const leads = Array.from({ length: count }, (_, i) => ({
    externalId: `lead-${newId()}`,
    name: `Buyer ${i}`,
    phone: `+7916${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`,
    ...campaigns[i % campaigns.length]!,
    createdAt: `2026-03-${String(2 + (i % 20)).padStart(2, "0")}T10:00:00+03:00`,
    ...(i % 5 === 0 ? { stage: "won", amount: "45000", closedAt: "2026-03-28T12:00:00+03:00" } : {}),
  }));
  const result = await h.call("POST", "/api/leads/import", { leads });
  expect(result.status, result.text).toBe(200);
  expect(result.body.rejected).toEqual([]);
}

/** The requests of one render of `path`, which must answer 200. */
async function requestsOf(path: string) {
  const counted = await requests.during(() => owner.get(path));
  expect(counted.result.status, counted.result.html.slice(0, 300)).toBe(200);
  return counted;
}

beforeAll(async () => {
  h = await createWebHarness({ now: "2026-04-02T09:00:00Z" });
  owner = h.browser({ acceptLanguage: "en" });
  await owner.signIn(OWNER_KEY);
  hypotheses.one = await hypothesisWith(1);
  hypotheses.three = await hypothesisWith(3);
  await importLeads(hypotheses.one.campaigns, 10);
  await importLeads(hypotheses.three.campaigns, 10);
  requests = countRequests(h.ctx.doc);
});

describe("DynamoDB requests per page", () => {
  it(`reads a hypothesis page in ${hypothesisPageRequests(1)} requests with one campaign and ${hypothesisPageRequests(3)} with three`, async () => {
    const one = await requestsOf(`/hypotheses/${hypotheses.one.id}`);
    const three = await requestsOf(`/hypotheses/${hypotheses.three.id}`);

    expect(one.total, describeCount(one)).toBe(hypothesisPageRequests(1));
    expect(three.total, describeCount(three)).toBe(hypothesisPageRequests(3));
  });

  it("reads the hypothesis page in as many requests however many leads it has", async () => {
    const before = await requestsOf(`/hypotheses/${hypotheses.three.id}`);

    await importLeads(hypotheses.three.campaigns, 60);
    const after = await requestsOf(`/hypotheses/${hypotheses.three.id}`);

    expect(after.total, describeCount(after)).toBe(before.total);
  });

  it("reads the board in as many requests however many leads there are: one per campaign, none per hypothesis or lead", async () => {
    const before = await requestsOf("/");

    await importLeads(hypotheses.one.campaigns, 60);
    const after = await requestsOf("/");

    expect(before.total, describeCount(before)).toBe(boardRequests(4));
    expect(after.total, describeCount(after)).toBe(before.total);
  });

  it(`reads a lead page in ${LEAD_PAGE_REQUESTS} requests however many stage changes and contact attempts it has`, async () => {
    // The newest lead of the first hypothesis: not one of the won ones, so it can move on.
    const lead = (await h.call("GET", `/api/leads?hypothesisId=${hypotheses.one.id}&limit=1`)).body.items[0].id as string;
    const before = await requestsOf(`/leads/${lead}`);

    expect((await h.call("PATCH", `/api/leads/${lead}`, { stage: "contacted" })).status).toBe(200);
    for (const at of ["2026-03-25T10:00:00+03:00", "2026-03-26T19:00:00+03:00", "2026-03-27T10:00:00+03:00"]) {
      expect((await h.call("POST", `/api/leads/${lead}/contact-attempts`, { at, channel: "phone", result: "no_answer" })).status).toBe(201);
    }
    const after = await requestsOf(`/leads/${lead}`);

    expect(before.byOperation, describeCount(before)).toEqual({ Query: 2, GetItem: SESSION + 1 });
    expect(after.total, describeCount(after)).toBe(LEAD_PAGE_REQUESTS);
    expect(after.result.html).toContain("3 attempts, 3 unanswered in a row.");
  });

  it("reads the quality audit in three requests beside the session: the hypotheses once (for the filter and the report), the required tags, the leads", async () => {
    // The audit reads every lead by design, a 1 MB page per request: the leads here fit in one.
    const quality = await requestsOf("/quality");

    expect(quality.total, describeCount(quality)).toBe(SESSION + 3);
  });
});
