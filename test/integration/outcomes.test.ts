import { beforeAll, describe, expect, it } from "vitest";
import { readAllCounters, readCounters, readDays } from "../../packages/core/src/counters/cohort-counters.js";
import { newId } from "../../packages/core/src/ids.js";
import { captureLead } from "../../packages/core/src/lead/capture.js";
import { createHarness, type Harness } from "../support/harness.js";
import { hypothesisBody } from "../support/decisions.js";

let h: Harness;
let hypothesisId: string;
let hookKey: string;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  hypothesisId = (
    await h.call("POST", "/api/hypotheses", hypothesisBody({ targets: { cplMax: 700 } }))
  ).body.id;
  hookKey = (await h.call("POST", "/api/sources", { name: "Landing form", format: "json" })).body.key;
});

/** A lead arriving through the webhook on a campaign of its own, so each test reads its own counters. */
async function newLead() {
  const utmCampaign = `repair_${newId().toLowerCase()}`;
  const campaign = await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, { utmSource: "yandex", utmCampaign });
  expect(campaign.status).toBe(201);
  const hook = await h.call("POST", `/hooks/${hookKey}`, { externalId: newId(), phone: "8 (916) 123-45-67", utm: { source: "yandex", campaign: utmCampaign } }, { key: null });
  expect(hook.status).toBe(200);
  return { id: hook.body.leads[0].id as string, campaignId: campaign.body.id as string };
}

const patch = (id: string, body: unknown, key?: string) => h.call("PATCH", `/api/leads/${id}`, body, { key });
const counters = async (campaignId: string) => (await readDays(h.ctx, campaignId, "2026-03-02", "2026-03-02"))[0];

describe("recording a deal's outcome", () => {
  it("moves a lead forward, answers the lead, and counts every stage it reached on its cohort day", async () => {
    const lead = await newLead();
    expect((await patch(lead.id, { stage: "qualified" })).body).toMatchObject({ id: lead.id, stage: "qualified", furthestStage: "qualified" });
    const won = await patch(lead.id, { stage: "won", amount: "12 500,50" });
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ id: lead.id, stage: "won", furthestStage: "won", amount: "12500.50", lostReason: null, cohortDay: "2026-03-02" });
    expect((await h.call("GET", `/api/leads/${lead.id}`)).body).toEqual(won.body);

    expect(await counters(lead.campaignId)).toMatchObject({ leads: 1, contacted: 1, qualified: 1, proposal: 1, won: 1, revenue: 12_500_50, lost: 0 });
    expect((await readAllCounters(h.ctx, lead.campaignId)).wins).toEqual([
      { campaignId: lead.campaignId, cohortDay: "2026-03-02", winDay: "2026-03-02", won: 1, revenue: 12_500_50 },
    ]);
  });

  it("keeps every change with its time, actor, amount and reason, oldest first", async () => {
    const lead = await newLead();
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body;
    await patch(lead.id, { stage: "contacted" });
    await patch(lead.id, { stage: "lost", lostReason: "no budget" }, marketer.key);
    h.setNow("2026-03-04T10:00:00Z");
    await patch(lead.id, { stage: "won", amount: 990 }, marketer.key);
    h.setNow("2026-03-02T09:00:00Z");

    const history = await h.call("GET", `/api/leads/${lead.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual([
      { at: "2026-03-02T09:00:00.000Z", from: "new", to: "contacted", actor: "key:env:OWNER_API_KEY", actorName: "owner" },
      { at: "2026-03-02T09:00:00.000Z", from: "contacted", to: "lost", lostReason: "no budget", actor: `key:${marketer.id}`, actorName: null },
      { at: "2026-03-04T10:00:00.000Z", from: "lost", to: "won", amount: "990.00", actor: `key:${marketer.id}`, actorName: null },
    ]);
    expect(await counters(lead.campaignId)).toMatchObject({ contacted: 1, qualified: 1, proposal: 1, won: 1, lost: 0, revenue: 990_00 });
    expect((await readAllCounters(h.ctx, lead.campaignId)).wins[0]).toMatchObject({ cohortDay: "2026-03-02", winDay: "2026-03-04" });
    // The day's histogram of days to win, which the KPI answer reads.
    expect((await readCounters(h.ctx, lead.campaignId, "2026-03-02", "2026-03-02")).wins).toEqual([{ cohortDay: "2026-03-02", winDay: "2026-03-04", won: 1 }]);
  });

  it("answers a repeated change with 200 and records and counts nothing more", async () => {
    const lead = await newLead();
    await patch(lead.id, { stage: "won", amount: 100 });
    const again = await patch(lead.id, { stage: "won", amount: "100.00" });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ stage: "won", amount: "100.00" });
    expect((await h.call("GET", `/api/leads/${lead.id}/history`)).body.items).toHaveLength(1);
    expect(await counters(lead.campaignId)).toMatchObject({ won: 1, revenue: 100_00 });
  });

  it("corrects a won deal's amount by the difference, on the day it was won", async () => {
    const lead = await newLead();
    await patch(lead.id, { stage: "won", amount: 1000 });
    h.setNow("2026-03-05T09:00:00Z");
    const corrected = await patch(lead.id, { stage: "won", amount: 800 });
    h.setNow("2026-03-02T09:00:00Z");
    expect(corrected.body.amount).toBe("800.00");
    expect(await counters(lead.campaignId)).toMatchObject({ won: 1, revenue: 800_00 });
    expect((await readAllCounters(h.ctx, lead.campaignId)).wins).toEqual([
      { campaignId: lead.campaignId, cohortDay: "2026-03-02", winDay: "2026-03-02", won: 1, revenue: 800_00 },
    ]);
    expect((await readCounters(h.ctx, lead.campaignId)).wins).toEqual([{ cohortDay: "2026-03-02", winDay: "2026-03-02", won: 1 }]);
  });

  it("corrects an imported won deal on the day it was closed, and restores an imported lost lead to any stage", async () => {
    const campaign = await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, { utmSource: "yandex", utmCampaign: `old_${newId().toLowerCase()}` });
    const fields = { externalId: null, contact: { name: null, phone: null, email: null }, clickIds: {}, landingUrl: null, referrer: null };
    const utm = { source: "yandex", medium: null, campaign: campaign.body.utmCampaign, content: null, term: null };
    const past = { createdAt: new Date("2026-01-10T08:00:00Z"), lostReason: null, actor: "key:k1" };
    const won = await captureLead(h.ctx, {
      sourceId: "import",
      fields: { ...fields, utm },
      past: { ...past, stage: "won", amountKopecks: 3000_00, closedAt: new Date("2026-01-20T08:00:00Z") },
    });
    const lost = await captureLead(h.ctx, {
      sourceId: "import",
      fields: { ...fields, utm },
      past: { ...past, stage: "lost", amountKopecks: null, lostReason: "no answer", closedAt: null },
    });

    expect((await patch(won.id, { stage: "won", amount: 3500 })).body.amount).toBe("3500.00");
    expect((await patch(lost.id, { stage: "contacted" })).body.stage).toBe("contacted");
    expect((await readAllCounters(h.ctx, campaign.body.id)).wins).toEqual([
      { campaignId: campaign.body.id, cohortDay: "2026-01-10", winDay: "2026-01-20", won: 1, revenue: 3500_00 },
    ]);
    expect((await readDays(h.ctx, campaign.body.id, "2026-01-10", "2026-01-10"))[0]).toMatchObject({ leads: 2, contacted: 2, won: 1, lost: 0, revenue: 3500_00 });
  });

  it("counts a lost lead while it is lost and restores it to its furthest stage or later", async () => {
    const lead = await newLead();
    await patch(lead.id, { stage: "proposal" });
    await patch(lead.id, { stage: "lost", lostReason: "went silent" });
    expect(await counters(lead.campaignId)).toMatchObject({ proposal: 1, lost: 1 });

    const back = await patch(lead.id, { stage: "qualified" });
    expect(back.status).toBe(409);
    expect(back.body).toMatchObject({ error: "stage_backwards", from: "lost", to: "qualified", furthestStage: "proposal" });

    const restored = await patch(lead.id, { stage: "proposal" });
    expect(restored.body).toMatchObject({ stage: "proposal", lostReason: null });
    expect(await counters(lead.campaignId)).toMatchObject({ proposal: 1, lost: 0, won: 0 });
  });
});

describe("refusing a change", () => {
  it("never moves a lead back, naming both stages", async () => {
    const lead = await newLead();
    await patch(lead.id, { stage: "proposal" });
    const res = await patch(lead.id, { stage: "contacted" });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: "stage_backwards", from: "proposal", to: "contacted" });
  });

  it("keeps a won deal won", async () => {
    const lead = await newLead();
    await patch(lead.id, { stage: "won", amount: 500 });
    const res = await patch(lead.id, { stage: "lost", lostReason: "changed their mind" });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: "stage_final", from: "won", to: "lost" });
  });

  it("needs a positive amount for won and a reason for lost, naming the field", async () => {
    const lead = await newLead();
    for (const [body, field] of [
      [{ stage: "won" }, "amount"],
      [{ stage: "won", amount: "0" }, "amount"],
      [{ stage: "won", amount: "12.345" }, "amount"],
      [{ stage: "lost" }, "lostReason"],
      [{ stage: "lost", lostReason: " " }, "lostReason"],
      [{ stage: "closed" }, "stage"],
      [{ stage: "won", amount: 10, note: "x" }, "note"],
    ] as const) {
      const res = await patch(lead.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.issues.map((i: any) => i.path)).toContain(field);
    }
    expect((await h.call("GET", `/api/leads/${lead.id}`)).body.stage).toBe("new");
  });

  it("answers 404 for an unknown lead and 403 for a contractor's key", async () => {
    expect((await patch(newId(), { stage: "contacted" })).status).toBe(404);
    expect((await h.call("GET", `/api/leads/${newId()}/history`)).status).toBe(404);
    const contractor = (await h.call("POST", "/api/contractors", { name: "Agency" })).body;
    const key = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor.id })).body.key;
    const lead = await newLead();
    expect((await patch(lead.id, { stage: "contacted" }, key)).status).toBe(403);
  });
});

describe("concurrent changes of one lead", () => {
  it("stays exact when 20 PATCHes race: qualified once, won once, revenue once", async () => {
    const lead = await newLead();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => patch(lead.id, i % 2 === 0 ? { stage: "qualified" } : { stage: "won", amount: "5000" })),
    );
    for (const res of responses) {
      // A qualified request that lands after the win is refused: won is final.
      if (res.status !== 200) expect(res.body).toMatchObject({ error: "stage_final", to: "qualified" });
    }
    const history = (await h.call("GET", `/api/leads/${lead.id}/history`)).body.items;
    expect(history.map((e: any) => e.to).sort()).toEqual(history.length === 1 ? ["won"] : ["qualified", "won"]);
    expect(await counters(lead.campaignId)).toMatchObject({ leads: 1, contacted: 1, qualified: 1, proposal: 1, won: 1, revenue: 5000_00, lost: 0 });
    expect((await readAllCounters(h.ctx, lead.campaignId)).wins).toEqual([
      { campaignId: lead.campaignId, cohortDay: "2026-03-02", winDay: "2026-03-02", won: 1, revenue: 5000_00 },
    ]);
  });
});
