import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { createChannel, importPastLeads, times, type Channel } from "../support/analytics.js";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ now: "2026-04-20T09:00:00Z" });
});

const funnel = (hypothesisId: string) => h.call("GET", `/api/hypotheses/${hypothesisId}/funnel`);
const patch = (leadId: string, body: unknown) => h.call("PATCH", `/api/leads/${leadId}`, body);

/** A second campaign of the channel's hypothesis. */
async function secondCampaign(channel: Channel): Promise<Channel> {
  const utmCampaign = `retarget_${newId().toLowerCase()}`;
  const res = await h.call("POST", `/api/hypotheses/${channel.hypothesisId}/campaigns`, { utmSource: "yandex", utmCampaign });
  return { ...channel, campaignId: res.body.id, utmCampaign };
}

describe("the funnel of a hypothesis", () => {
  it("counts every stage reached, the pass-through of each step, the largest drop-off and why leads were lost", async () => {
    const channel = await createChannel(h);
    const at = "2026-02-02T10:00:00+03:00";
    const ids = await importPastLeads(h, channel, [
      ...times(4, { createdAt: at }),
      ...times(3, { createdAt: at, stage: "contacted" }),
      ...times(4, { createdAt: at, stage: "qualified" }),
      ...times(2, { createdAt: at, stage: "proposal" }),
      ...times(3, { createdAt: at, stage: "won", amount: "40000" }),
      { createdAt: at, stage: "lost", lostReason: "Дорого" },
      { createdAt: at, stage: "lost", lostReason: "Нет бюджета" },
    ]);
    // Loaded later, so that "Дорого" is the spelling seen first.
    await importPastLeads(h, channel, [
      { createdAt: at, stage: "lost", lostReason: "  дорого  " },
      { createdAt: at, stage: "lost", lostReason: "ДОРОГО" },
    ]);
    const retargeting = await secondCampaign(channel);
    await importPastLeads(h, retargeting, [
      { createdAt: "2026-02-10T10:00:00+03:00", stage: "lost", lostReason: "дорого" },
      { createdAt: "2026-04-15T10:00:00+03:00" },
    ]);
    const [qualifiedA, qualifiedB] = ids.slice(7, 9);
    const firstLost = ids[16]!;

    expect((await patch(qualifiedA!, { stage: "lost", lostReason: "Нет бюджета " })).status).toBe(200);
    expect((await patch(qualifiedB!, { stage: "lost", lostReason: "не дозвонились" })).status).toBe(200);
    expect((await funnel(channel.hypothesisId)).body.lostReasons).toEqual([
      { reason: "Дорого", count: 4 },
      { reason: "Нет бюджета", count: 2 },
      { reason: "не дозвонились", count: 1 },
    ]);
    // A new reason for a lead already lost replaces its old one; a restored lead takes its reason away.
    expect((await patch(qualifiedB!, { stage: "lost", lostReason: "Выбрали конкурента" })).status).toBe(200);
    expect((await patch(firstLost, { stage: "contacted" })).status).toBe(200);

    const res = await funnel(channel.hypothesisId);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ hypothesisId: channel.hypothesisId, asOf: "2026-04-20", maturing: { leads: 1 }, lost: 6 });
    expect(res.body.stages).toEqual([
      { stage: "new", reached: 22 },
      { stage: "contacted", reached: 13 },
      { stage: "qualified", reached: 9 },
      { stage: "proposal", reached: 5 },
      { stage: "won", reached: 3 },
    ]);
    expect(res.body.steps).toEqual([
      { from: "new", to: "contacted", passed: 13, dropped: 9, rate: 0.5909, dropOff: 0.4091 },
      { from: "contacted", to: "qualified", passed: 9, dropped: 4, rate: 0.6923, dropOff: 0.3077 },
      { from: "qualified", to: "proposal", passed: 5, dropped: 4, rate: 0.5556, dropOff: 0.4444 },
      { from: "proposal", to: "won", passed: 3, dropped: 2, rate: 0.6, dropOff: 0.4 },
    ]);
    expect(res.body.largestDropOff).toEqual({ from: "qualified", to: "proposal", passed: 5, dropped: 4, rate: 0.5556, dropOff: 0.4444 });
    expect(res.body.lostReasons).toEqual([
      { reason: "Дорого", count: 3 },
      { reason: "Нет бюджета", count: 2 },
      { reason: "Выбрали конкурента", count: 1 },
    ]);
  });

  it("shows an empty funnel for a hypothesis without leads", async () => {
    const channel = await createChannel(h);

    const res = await funnel(channel.hypothesisId);

    expect(res.status).toBe(200);
    expect(res.body.stages.map((s: any) => s.reached)).toEqual([0, 0, 0, 0, 0]);
    expect(res.body.steps.every((step: any) => step.rate === null && step.dropOff === null)).toBe(true);
    expect(res.body).toMatchObject({ largestDropOff: null, lost: 0, lostReasons: [], maturing: { leads: 0 } });
  });

  it("answers 404 for an unknown hypothesis and 400 naming an unknown query parameter", async () => {
    expect((await funnel("01JNOSUCHHYPOTHESIS0000000")).status).toBe(404);
    const channel = await createChannel(h);
    const res = await h.call("GET", `/api/hypotheses/${channel.hypothesisId}/funnel?from=2026-01-01`);
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "from", message: "unknown field" }]);
  });
});
