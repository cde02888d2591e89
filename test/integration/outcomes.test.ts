import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { readDays, readWins } from "../../packages/core/src/counters/cohort-counters.js";
import { newId } from "../../packages/core/src/ids.js";
import { leadKeys } from "../../packages/core/src/lead/lead.js";
import { Outcomes } from "../../packages/core/src/lead/outcomes.js";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});

/** A captured lead item in the shape capture writes, with its `leads` counter. */
async function seedLead(campaignId = newId(), cohortDay = "2026-03-01") {
  const id = newId();
  await h.ctx.doc.send(
    new PutCommand({
      TableName: h.ctx.table,
      Item: { ...leadKeys.item(id), type: "lead", id, campaignId, cohortDay, stage: "new", furthestStage: "new", amountKopecks: null, lostReason: null, version: 1 },
    }),
  );
  return { id, campaignId, cohortDay };
}

const dayOf = async (campaignId: string, day: string) => (await readDays(h.ctx, campaignId, day, day))[0];

describe("deal outcomes in one transaction", () => {
  it("moves a lead forward and counts every stage it reached on its cohort day", async () => {
    const lead = await seedLead();
    await Outcomes.changeStage(h.ctx, lead.id, { stage: "qualified" }, "key:k1");
    const result = await Outcomes.changeStage(h.ctx, lead.id, { stage: "won", amount: "12 500,50" }, "key:k1");
    expect(result.changed).toBe(true);
    expect(result.item).toMatchObject({ stage: "won", furthestStage: "won", amountKopecks: 12_500_50, version: 3, wonDay: "2026-03-02" });
    expect(await dayOf(lead.campaignId, lead.cohortDay)).toMatchObject({ contacted: 1, qualified: 1, proposal: 1, won: 1, revenue: 12_500_50, lost: 0 });
    expect(await readWins(h.ctx, lead.campaignId)).toEqual([
      { campaignId: lead.campaignId, cohortDay: "2026-03-01", winDay: "2026-03-02", won: 1, revenue: 12_500_50 },
    ]);
  });

  it("keeps every change with its time, actor, amount and reason, oldest first", async () => {
    const lead = await seedLead();
    await Outcomes.changeStage(h.ctx, lead.id, { stage: "contacted" }, "key:k1");
    await Outcomes.changeStage(h.ctx, lead.id, { stage: "lost", lostReason: "no budget" }, "key:k2");
    h.setNow("2026-03-03T10:00:00Z");
    await Outcomes.changeStage(h.ctx, lead.id, { stage: "won", amount: 990 }, "crm:s1");
    expect(await Outcomes.history(h.ctx, lead.id)).toEqual([
      { at: "2026-03-02T09:00:00.000Z", from: "new", to: "contacted", actor: "key:k1" },
      { at: "2026-03-02T09:00:00.000Z", from: "contacted", to: "lost", lostReason: "no budget", actor: "key:k2" },
      { at: "2026-03-03T10:00:00.000Z", from: "lost", to: "won", amount: "990.00", actor: "crm:s1" },
    ]);
    expect(await dayOf(lead.campaignId, lead.cohortDay)).toMatchObject({ contacted: 1, qualified: 1, proposal: 1, won: 1, lost: 0, revenue: 990_00 });
    h.setNow("2026-03-02T09:00:00Z");
  });

  it("treats a repeat as a no-op that writes nothing", async () => {
    const lead = await seedLead();
    await Outcomes.changeStage(h.ctx, lead.id, { stage: "won", amount: 100 }, "key:k1");
    const again = await Outcomes.changeStage(h.ctx, lead.id, { stage: "won", amount: "100.00" }, "key:k1");
    expect(again.changed).toBe(false);
    expect(await Outcomes.history(h.ctx, lead.id)).toHaveLength(1);
    expect(await dayOf(lead.campaignId, lead.cohortDay)).toMatchObject({ won: 1, revenue: 100_00 });
  });

  it("corrects a won deal's revenue on the day it was won", async () => {
    const lead = await seedLead();
    await Outcomes.changeStage(h.ctx, lead.id, { stage: "won", amount: 1000 }, "key:k1");
    h.setNow("2026-03-05T09:00:00Z");
    await Outcomes.changeStage(h.ctx, lead.id, { stage: "won", amount: 800 }, "key:k1");
    h.setNow("2026-03-02T09:00:00Z");
    expect(await dayOf(lead.campaignId, lead.cohortDay)).toMatchObject({ won: 1, revenue: 800_00 });
    expect(await readWins(h.ctx, lead.campaignId)).toEqual([
      { campaignId: lead.campaignId, cohortDay: "2026-03-01", winDay: "2026-03-02", won: 1, revenue: 800_00 },
    ]);
  });

  it("counts a lost lead while it is lost and uncounts it when restored", async () => {
    const lead = await seedLead();
    await Outcomes.changeStage(h.ctx, lead.id, { stage: "proposal" }, "key:k1");
    await Outcomes.changeStage(h.ctx, lead.id, { stage: "lost", lostReason: "went silent" }, "key:k1");
    expect(await dayOf(lead.campaignId, lead.cohortDay)).toMatchObject({ proposal: 1, lost: 1 });
    await expect(Outcomes.changeStage(h.ctx, lead.id, { stage: "qualified" }, "key:k1")).rejects.toMatchObject({ code: "stage_backwards" });
    await Outcomes.changeStage(h.ctx, lead.id, { stage: "proposal" }, "key:k1");
    expect(await dayOf(lead.campaignId, lead.cohortDay)).toMatchObject({ proposal: 1, lost: 0, won: 0 });
  });

  it("refuses an amount that is not money", async () => {
    const lead = await seedLead();
    await expect(Outcomes.changeStage(h.ctx, lead.id, { stage: "won", amount: "12.345" }, "key:k1")).rejects.toMatchObject({
      code: "invalid_input",
      issues: [{ path: "amount", message: expect.stringMatching(/not a money amount/) }],
    });
  });

  it("answers 404 for a lead that does not exist", async () => {
    await expect(Outcomes.changeStage(h.ctx, newId(), { stage: "contacted" }, "key:k1")).rejects.toMatchObject({ status: 404 });
    await expect(Outcomes.history(h.ctx, newId())).rejects.toMatchObject({ status: 404 });
  });

  it("stays exact when 20 changes of one lead race: qualified once, won once, revenue once", async () => {
    const lead = await seedLead();
    const requests = Array.from({ length: 20 }, (_, i) =>
      Outcomes.changeStage(h.ctx, lead.id, i % 2 === 0 ? { stage: "qualified" } : { stage: "won", amount: "5000" }, `key:k${i}`),
    );
    const results = await Promise.allSettled(requests);
    for (const result of results) {
      // A qualified request that arrives after the win is refused: won is final.
      if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "stage_final" });
    }
    const applied = results.filter((r) => r.status === "fulfilled" && r.value.changed);
    expect(applied.length).toBeGreaterThanOrEqual(1);
    expect(applied.length).toBeLessThanOrEqual(2);
    expect(await dayOf(lead.campaignId, lead.cohortDay)).toMatchObject({ contacted: 1, qualified: 1, proposal: 1, won: 1, revenue: 5000_00, lost: 0 });
    expect((await readWins(h.ctx, lead.campaignId))[0]).toMatchObject({ won: 1, revenue: 5000_00 });
    expect(await Outcomes.history(h.ctx, lead.id)).toHaveLength(applied.length);
  });
});
