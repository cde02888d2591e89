import { beforeAll, describe, expect, it } from "vitest";
import { readAllCounters } from "../../packages/core/src/counters/cohort-counters.js";
import { createHarness, type Harness } from "../support/harness.js";
import { countersOn, createCampaign, createSource, fixtureWith, postHook, token } from "../support/intake.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});

const DAY = "2026-03-02";
let sequence = 0;
/** A fresh amoCRM deal id (amoCRM's are numeric). */
const dealId = () => `${31_300_000 + ++sequence}${Date.now() % 10_000}`;

/** An amoCRM source with one deal captured from its `leads[add]` webhook, attributed to a campaign of its own. */
async function amoDeal(statusMap?: Record<string, string>) {
  const source = await createSource(h, "amocrm", statusMap);
  const utmCampaign = `bags_${token()}`;
  const { campaignId } = await createCampaign(h, "yandex", utmCampaign);
  const externalId = dealId();
  const added = await postHook(h, source.key, fixtureWith("amocrm-lead-add.txt", { "31245678": externalId, bags_spring_2025: utmCampaign }));
  expect(added.status).toBe(200);
  return { source, campaignId, externalId, leadId: added.body.leads[0].id as string };
}

/** A `leads[status]` delivery as amoCRM sends it, form-encoded, one entry per move. */
function statusBody(moves: Array<{ id: string; status: string; price?: string }>) {
  const form = new URLSearchParams();
  moves.forEach((move, i) => {
    form.append(`leads[status][${i}][id]`, move.id);
    form.append(`leads[status][${i}][status_id]`, move.status);
    form.append(`leads[status][${i}][old_status_id]`, "55512345");
    form.append(`leads[status][${i}][pipeline_id]`, "7654321");
    if (move.price !== undefined) form.append(`leads[status][${i}][price]`, move.price);
  });
  form.append("account[subdomain]", "sumkishop");
  form.append("account[id]", "29876543");
  return { contentType: "application/x-www-form-urlencoded", text: form.toString() };
}

const leadOf = async (id: string) => (await h.call("GET", `/api/leads/${id}`)).body;
const historyOf = async (id: string) => (await h.call("GET", `/api/leads/${id}/history`)).body.items;

describe("amoCRM status webhooks", () => {
  it("wins a deal on status 142 with the CRM's price, counted once on the lead's cohort day", async () => {
    const deal = await amoDeal();
    const res = await postHook(h, deal.source.key, fixtureWith("amocrm-status-won.txt", { "31245678": deal.externalId }));

    expect(res.status).toBe(200);
    expect(res.body.statusChanges).toEqual([{ externalId: deal.externalId, leadId: deal.leadId, outcome: "applied" }]);
    expect(await leadOf(deal.leadId)).toMatchObject({ stage: "won", furthestStage: "won", amount: "15000.00" });
    expect(await historyOf(deal.leadId)).toEqual([{ at: "2026-03-02T09:00:00.000Z", from: "new", to: "won", amount: "15000.00", actor: `crm:${deal.source.id}`, actorName: null }]);
    expect(await countersOn(h, deal.campaignId, DAY)).toMatchObject({ leads: 1, contacted: 1, qualified: 1, proposal: 1, won: 1, revenue: 15_000_00 });
    expect((await readAllCounters(h.ctx, deal.campaignId)).wins).toEqual([{ campaignId: deal.campaignId, cohortDay: DAY, winDay: DAY, won: 1, revenue: 15_000_00 }]);
  });

  it("does not count a redelivered status twice, also when copies arrive at once", async () => {
    const deal = await amoDeal();
    const body = statusBody([{ id: deal.externalId, status: "142", price: "15000" }]);
    const answers = await Promise.all(Array.from({ length: 10 }, () => postHook(h, deal.source.key, body)));

    const outcomes = answers.map((res) => res.body.statusChanges[0].outcome).sort();
    expect(outcomes).toEqual(["applied", ...Array(9).fill("unchanged")]);
    expect(await historyOf(deal.leadId)).toHaveLength(1);
    expect(await countersOn(h, deal.campaignId, DAY)).toMatchObject({ won: 1, revenue: 15_000_00 });
  });

  it("loses a deal on status 143 without a reason as amoCRM names that status, and restores it when the CRM reopens it", async () => {
    const deal = await amoDeal({ "55512351": "proposal" });
    await postHook(h, deal.source.key, statusBody([{ id: deal.externalId, status: "55512351", price: "0" }]));
    const lost = await postHook(h, deal.source.key, fixtureWith("amocrm-status-lost.txt", { "31245702": deal.externalId }));

    expect(lost.body.statusChanges).toEqual([{ externalId: deal.externalId, leadId: deal.leadId, outcome: "applied" }]);
    expect(await leadOf(deal.leadId)).toMatchObject({ stage: "lost", furthestStage: "proposal", lostReason: "Закрыто и не реализовано" });
    expect(await countersOn(h, deal.campaignId, DAY)).toMatchObject({ proposal: 1, lost: 1, won: 0 });

    const reopened = await postHook(h, deal.source.key, statusBody([{ id: deal.externalId, status: "55512351" }]));
    expect(reopened.body.statusChanges[0].outcome).toBe("applied");
    expect(await leadOf(deal.leadId)).toMatchObject({ stage: "proposal", lostReason: null });
    expect(await countersOn(h, deal.campaignId, DAY)).toMatchObject({ proposal: 1, lost: 0 });
  });

  it("keeps the reason a person gave when the CRM then reports the deal lost", async () => {
    const deal = await amoDeal();
    await h.call("PATCH", `/api/leads/${deal.leadId}`, { stage: "lost", lostReason: "bought from a competitor" });
    const res = await postHook(h, deal.source.key, statusBody([{ id: deal.externalId, status: "143" }]));
    expect(res.body.statusChanges[0].outcome).toBe("unchanged");
    expect((await leadOf(deal.leadId)).lostReason).toBe("bought from a competitor");
    expect(await countersOn(h, deal.campaignId, DAY)).toMatchObject({ lost: 1 });
  });

  it("maps the source's own statuses and applies several moves of one delivery in order", async () => {
    const deal = await amoDeal({ "55512346": "contacted", "55512348": "qualified" });
    const res = await postHook(
      h,
      deal.source.key,
      statusBody([
        { id: deal.externalId, status: "55512346" },
        { id: deal.externalId, status: "55512348" },
      ]),
    );
    expect(res.body.statusChanges.map((c: any) => c.outcome)).toEqual(["applied", "applied"]);
    expect((await historyOf(deal.leadId)).map((e: any) => `${e.from}->${e.to}`)).toEqual(["new->contacted", "contacted->qualified"]);
    expect(await countersOn(h, deal.campaignId, DAY)).toMatchObject({ contacted: 1, qualified: 1, proposal: 0 });
  });

  it("uses a status map changed after the source was created", async () => {
    const deal = await amoDeal();
    const updated = await h.call("PUT", `/api/sources/${deal.source.id}/status-map`, { "55512349": "qualified" });
    expect(updated.status).toBe(200);
    const res = await postHook(h, deal.source.key, statusBody([{ id: deal.externalId, status: "55512349" }]));
    expect(res.body.statusChanges[0].outcome).toBe("applied");
    expect((await leadOf(deal.leadId)).stage).toBe("qualified");
  });

  it("reports, and changes nothing for, an unknown deal, an unmapped status and a refused move", async () => {
    const deal = await amoDeal({ "55512346": "contacted", "55512348": "qualified" });
    await postHook(h, deal.source.key, statusBody([{ id: deal.externalId, status: "55512348" }]));
    const unknownId = dealId();

    const res = await postHook(
      h,
      deal.source.key,
      statusBody([
        { id: unknownId, status: "142", price: "100" },
        { id: deal.externalId, status: "99999" },
        { id: deal.externalId, status: "55512346" },
        { id: deal.externalId, status: "142", price: "0" },
      ]),
    );

    expect(res.status).toBe(200);
    expect(res.body.statusChanges).toEqual([
      { externalId: unknownId, leadId: null, outcome: "unknown_lead", message: expect.stringContaining(unknownId) },
      { externalId: deal.externalId, leadId: deal.leadId, outcome: "unmapped_status", message: expect.stringContaining("99999") },
      { externalId: deal.externalId, leadId: deal.leadId, outcome: "refused", message: expect.stringMatching(/never moves back/) },
      { externalId: deal.externalId, leadId: deal.leadId, outcome: "refused", message: expect.stringMatching(/amount/) },
    ]);
    expect(await leadOf(deal.leadId)).toMatchObject({ stage: "qualified", amount: null });
    expect(await countersOn(h, deal.campaignId, DAY)).toMatchObject({ qualified: 1, won: 0, revenue: 0 });
  });

  it("finds a deal only among the leads of the source that captured it", async () => {
    const deal = await amoDeal();
    const other = await createSource(h, "amocrm");
    const res = await postHook(h, other.key, statusBody([{ id: deal.externalId, status: "143" }]));
    expect(res.body.statusChanges).toEqual([expect.objectContaining({ leadId: null, outcome: "unknown_lead" })]);
    expect((await leadOf(deal.leadId)).stage).toBe("new");
  });
});
