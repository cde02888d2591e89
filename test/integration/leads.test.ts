import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { createCampaign, createSource, postHook, token } from "../support/intake.js";

let h: Harness;
let source: { key: string; id: string };
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  source = await createSource(h, "json");
});

/** Sends a json-source lead arriving at `at`; returns its id. */
async function leadAt(at: string, fields: Record<string, unknown>): Promise<string> {
  h.setNow(at);
  const res = await postHook(h, source.key, { contentType: "application/json", text: JSON.stringify({ externalId: token(), name: "Лид", ...fields }) });
  if (res.status !== 200) throw new Error(res.text);
  return res.body.leads[0].id;
}

const ids = (res: { body: any }) => res.body.items.map((l: any) => l.id);

describe("lead listing", () => {
  it("lists a hypothesis's leads across its campaigns, newest first", async () => {
    const a = await createCampaign(h, "yandex", token());
    const b = (await h.call("POST", `/api/hypotheses/${a.hypothesisId}/campaigns`, { utmSource: "vk", utmCampaign: token() })).body;
    const first = await leadAt("2026-03-02T10:00:00Z", a.utm);
    const second = await leadAt("2026-03-02T11:00:00Z", { utm_source: "vk", utm_campaign: b.utmCampaign });
    const other = await leadAt("2026-03-02T12:00:00Z", { utm_source: "nobody", utm_campaign: "none" });

    expect(ids(await h.call("GET", `/api/leads?hypothesisId=${a.hypothesisId}`))).toEqual([second, first]);
    expect(ids(await h.call("GET", `/api/leads?campaignId=${b.id}`))).toEqual([second]);
    expect(ids(await h.call("GET", `/api/leads?campaignId=${b.id}&hypothesisId=${a.hypothesisId}`))).toEqual([second]);
    expect(ids(await h.call("GET", "/api/leads?unattributed=true"))).toContain(other);
    expect(ids(await h.call("GET", "/api/leads?unattributed=true"))).not.toContain(first);
  });

  it("shows every lead with the fields of the contract", async () => {
    const utmCampaign = token();
    const { campaignId, hypothesisId } = await createCampaign(h, "google", utmCampaign);
    const id = await leadAt("2026-03-03T08:00:00Z", {
      phone: "8 (916) 123-45-67",
      email: "a@example.ru",
      url: `https://shop.ru/?utm_source=google&utm_campaign=${utmCampaign}&gclid=abc`,
    });
    const res = await h.call("GET", `/api/leads/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id,
      externalId: expect.any(String),
      sourceId: source.id,
      contact: { name: "Лид", phone: "+79161234567", email: "a@example.ru" },
      company: null,
      utm: { source: "google", medium: null, campaign: utmCampaign, content: null, term: null },
      clickIds: { gclid: "abc" },
      landingUrl: expect.stringContaining("https://shop.ru/"),
      referrer: null,
      campaignId,
      hypothesisId,
      contractorId: null,
      assigneeId: null,
      stage: "new",
      furthestStage: "new",
      amount: null,
      lostReason: null,
      lossReasonId: null,
      responsibleUserId: null,
      pipelineId: null,
      sources: [source.id],
      touches: [
        {
          sourceId: source.id,
          sourceName: expect.any(String),
          externalId: expect.any(String),
          utm: { source: "google", medium: null, campaign: utmCampaign, content: null, term: null },
          campaignId,
          at: "2026-03-03T08:00:00.000Z",
        },
      ],
      contactAttempts: { count: 0, firstAt: null, unansweredInARow: 0, firstBy: null, firstContactMinutes: null, firstContactWorkingMinutes: null },
      tags: { clientType: null, city: null, storeCount: null, storeType: null },
      qualityReview: null,
      cohortDay: "2026-03-03",
      createdAt: "2026-03-03T08:00:00.000Z",
      updatedAt: "2026-03-03T08:00:00.000Z",
    });
    expect((await h.call("GET", "/api/leads")).body.items.map((l: any) => l.id)).toContain(id);
  });

  it("pages through leads with an opaque cursor", async () => {
    const { campaignId, utm } = await createCampaign(h, "mail", token());
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await leadAt(`2026-03-04T0${i}:00:00Z`, utm));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await h.call("GET", `/api/leads?campaignId=${campaignId}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
  });

  it("answers an empty page for a campaign of another hypothesis", async () => {
    const a = await createCampaign(h, "ok", token());
    const b = await createCampaign(h, "ok", token());
    const res = await h.call("GET", `/api/leads?campaignId=${a.campaignId}&hypothesisId=${b.hypothesisId}`);
    expect(res.body).toEqual({ items: [], nextCursor: null });
  });

  it("refuses contradictory or unknown filters and bad cursors by name", async () => {
    const both = await h.call("GET", "/api/leads?unattributed=true&hypothesisId=01H");
    expect(both.status).toBe(400);
    expect(both.body.issues).toEqual([expect.objectContaining({ path: "unattributed" })]);
    const unknown = await h.call("GET", "/api/leads?stage=won&limit=500");
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues.map((i: any) => i.path).sort()).toEqual(["limit", "stage"]);
    expect((await h.call("GET", "/api/leads?cursor=garbage")).status).toBe(400);
  });

  it("answers 404 for a lead that does not exist", async () => {
    const res = await h.call("GET", "/api/leads/01NOSUCHLEAD");
    expect(res.status).toBe(404);
    expect(res.body.error).toBe("not_found");
  });
});
