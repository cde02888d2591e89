import { beforeAll, describe, expect, it } from "vitest";
import { ARRIVAL, arrive, attempt, attempts, leadDesk, lostReasons } from "../support/discipline.js";
import type { Harness } from "../support/harness.js";
import { countersOn, createCampaign, token } from "../support/intake.js";

let h: Harness;
let source: { key: string; id: string };

beforeAll(async () => {
  ({ h, source } = await leadDesk());
});

// Leads arrive at ARRIVAL; attempts follow, times in Moscow.
const COHORT_DAY = "2026-03-02";

async function channel() {
  return createCampaign(h, "yandex", token());
}

const lead = (id: string) => h.call("GET", `/api/leads/${id}`);
const history = async (id: string) => (await h.call("GET", `/api/leads/${id}/history`)).body.items;

describe("recording contact attempts", () => {
  it("keeps each attempt with its time of day in the workspace zone, in the order they happened", async () => {
    const id = await arrive(h, source, ARRIVAL);
    const late = await attempt(h, id, "2026-03-03T19:30:00+03:00", "no_answer", "messenger");
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({
      attempt: { at: "2026-03-03T16:30:00.000Z", channel: "messenger", result: "no_answer", day: "2026-03-03", timeOfDay: "evening" },
      stageChange: null,
      lead: { id, stage: "new", contactAttempts: { count: 1, firstAt: "2026-03-03T16:30:00.000Z", unansweredInARow: 1 } },
    });
    // Recorded afterwards but made earlier, at night: it becomes the first attempt.
    expect((await attempt(h, id, "2026-03-03T02:00:00+03:00", "no_answer", "email")).status).toBe(201);

    const list = await h.call("GET", `/api/leads/${id}/contact-attempts`);

    expect(list.status).toBe(200);
    expect(list.body.items.map((a: any) => [a.at, a.channel, a.timeOfDay])).toEqual([
      ["2026-03-02T23:00:00.000Z", "email", null],
      ["2026-03-03T16:30:00.000Z", "messenger", "evening"],
    ]);
    // The summary also says who made the first attempt and how long after arrival (Monday 08:00 to Tuesday 02:00: one whole working day).
    expect((await lead(id)).body.contactAttempts).toEqual({
      count: 2,
      firstAt: "2026-03-02T23:00:00.000Z",
      unansweredInARow: 2,
      firstBy: { personId: null, name: expect.any(String) },
      firstContactMinutes: 18 * 60,
      firstContactWorkingMinutes: 9 * 60,
    });
  });

  it("refuses attempts in the future, before the lead arrived, or badly formed, naming the field", async () => {
    const id = await arrive(h, source, ARRIVAL);
    const future = await attempt(h, id, "2026-03-10T15:00:01+03:00");
    expect(future.status).toBe(400);
    expect(future.body.issues).toEqual([{ path: "at", message: expect.stringContaining("future") }]);
    const early = await attempt(h, id, "2026-03-02T07:59:00+03:00");
    expect(early.status).toBe(422);
    expect(early.body.issues).toEqual([{ path: "at", message: expect.stringContaining("arrived") }]);

    const bad = await h.call("POST", `/api/leads/${id}/contact-attempts`, { at: "2026-03-03T10:00:00", channel: "fax", result: "busy", note: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.path).sort()).toEqual(["at", "channel", "note", "result"]);
    expect(bad.body.issues.find((i: any) => i.path === "at").message).toContain("ISO time");
    // A missing time is a missing field, not a badly formed one.
    const missing = await h.call("POST", `/api/leads/${id}/contact-attempts`, { channel: "phone", result: "reached" });
    expect(missing.body.issues).toEqual([{ path: "at", message: expect.stringContaining("received undefined") }]);
    expect((await attempt(h, "01NOSUCHLEAD", "2026-03-03T10:00:00+03:00")).status).toBe(404);
    expect((await h.call("GET", "/api/leads/01NOSUCHLEAD/contact-attempts")).status).toBe(404);
    expect((await lead(id)).body.contactAttempts.count).toBe(0);
  });

  it("lets only the owner and marketers record and read attempts", async () => {
    const id = await arrive(h, source, ARRIVAL);
    const contractor = await h.call("POST", "/api/contractors", { name: `Агентство ${token()}` });
    const key = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor.body.id })).body.key;
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
    const body = { at: "2026-03-03T10:00:00+03:00", channel: "phone", result: "reached" };

    expect((await h.call("POST", `/api/leads/${id}/contact-attempts`, body, { key })).status).toBe(403);
    expect((await h.call("GET", `/api/leads/${id}/contact-attempts`, undefined, { key })).status).toBe(403);
    expect((await h.call("POST", `/api/leads/${id}/contact-attempts`, body, { key: marketer })).status).toBe(201);
    expect((await h.call("POST", `/api/leads/${id}/contact-attempts`, body, { key: null })).status).toBe(401);
  });
});

describe("five unanswered attempts", () => {
  it("refuses the fifth when all fell on one day, says what is missing and stores nothing", async () => {
    const id = await arrive(h, source, ARRIVAL, { stages: [{ stage: "contacted" }] });
    await attempts(h, id, ["2026-03-02T09:00:00+03:00", "2026-03-02T13:00:00+03:00", "2026-03-02T19:00:00+03:00", "2026-03-02T10:00:00+03:00"]);

    const fifth = await attempt(h, id, "2026-03-02T20:00:00+03:00");

    expect(fifth.status).toBe(409);
    expect(fifth.body).toMatchObject({ error: "contact_attempts_not_spread", missing: ["days"], days: ["2026-03-02"] });
    expect(fifth.body.message).toContain("2 different days (all fell on 2026-03-02)");
    expect((await h.call("GET", `/api/leads/${id}/contact-attempts`)).body.items).toHaveLength(4);
    expect((await lead(id)).body).toMatchObject({ stage: "contacted", contactAttempts: { count: 4, unansweredInARow: 4 } });

    // A fifth attempt on another day is what the rule asked for.
    const nextDay = await attempt(h, id, "2026-03-03T11:00:00+03:00");
    expect(nextDay.status).toBe(201);
    expect(nextDay.body.stageChange).toBe("lost");
  });

  it("refuses the fifth when all were at one time of day, on however many days", async () => {
    const id = await arrive(h, source, ARRIVAL);
    await attempts(h, id, ["2026-03-02T09:00:00+03:00", "2026-03-03T09:00:00+03:00", "2026-03-04T09:00:00+03:00", "2026-03-05T09:00:00+03:00"]);

    const fifth = await attempt(h, id, "2026-03-06T11:59:00+03:00");

    expect(fifth.status).toBe(409);
    expect(fifth.body).toMatchObject({ missing: ["timesOfDay"], timesOfDay: ["morning"] });
    expect(fifth.body.message).toContain("all were in the morning");
  });

  it("loses the lead as no_contact when spread over two days and two times of day, and the counters show it", async () => {
    const { campaignId, hypothesisId, utm } = await channel();
    const id = await arrive(h, source, ARRIVAL, { utm, stages: [{ stage: "qualified" }] });
    await attempts(h, id, ["2026-03-02T09:00:00+03:00", "2026-03-02T10:00:00+03:00", "2026-03-02T11:00:00+03:00", "2026-03-02T11:30:00+03:00"]);
    expect((await countersOn(h, campaignId, COHORT_DAY)).lost).toBe(0);

    const fifth = await attempt(h, id, "2026-03-03T18:30:00+03:00");

    expect(fifth.status).toBe(201);
    expect(fifth.body.stageChange).toBe("lost");
    expect(fifth.body.lead).toMatchObject({ stage: "lost", furthestStage: "qualified", lostReason: "no_contact", contactAttempts: { count: 5 } });
    expect((await lead(id)).body).toMatchObject({ stage: "lost", lostReason: "no_contact", contactAttempts: { count: 5, unansweredInARow: 5 } });
    expect(await countersOn(h, campaignId, COHORT_DAY)).toMatchObject({ leads: 1, contacted: 1, qualified: 1, lost: 1 });
    expect(await lostReasons(h, hypothesisId)).toEqual([{ reason: "no_contact", count: 1 }]);
    expect((await history(id)).at(-1)).toMatchObject({ from: "qualified", to: "lost", lostReason: "no_contact" });
    // A sixth unanswered attempt is kept, but the lead is lost once.
    expect((await attempt(h, id, "2026-03-04T09:00:00+03:00")).body.stageChange).toBeNull();
    expect((await countersOn(h, campaignId, COHORT_DAY)).lost).toBe(1);
  });

  it("loses the lead once when several fifth attempts arrive at the same moment", async () => {
    const { campaignId, hypothesisId, utm } = await channel();
    const id = await arrive(h, source, ARRIVAL, { utm });
    await attempts(h, id, ["2026-03-02T09:00:00+03:00", "2026-03-02T14:00:00+03:00", "2026-03-03T09:00:00+03:00", "2026-03-03T14:00:00+03:00"]);

    const racing = await Promise.all(
      ["2026-03-04T09:00:00+03:00", "2026-03-04T10:00:00+03:00", "2026-03-04T19:00:00+03:00", "2026-03-05T09:00:00+03:00"].map((at) => attempt(h, id, at)),
    );

    expect(racing.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(racing.filter((r) => r.body.stageChange === "lost")).toHaveLength(1);
    expect((await countersOn(h, campaignId, COHORT_DAY)).lost).toBe(1);
    expect(await lostReasons(h, hypothesisId)).toEqual([{ reason: "no_contact", count: 1 }]);
    expect((await history(id)).filter((e: any) => e.to === "lost")).toHaveLength(1);
    expect((await lead(id)).body.contactAttempts).toMatchObject({ count: 8, unansweredInARow: 8 });
    expect((await h.call("GET", `/api/leads/${id}/contact-attempts`)).body.items).toHaveLength(8);
  });
});

describe("a lost lead that gets in touch again", () => {
  it("is restored to the furthest stage it had reached when an attempt reaches it", async () => {
    const { campaignId, hypothesisId, utm } = await channel();
    const id = await arrive(h, source, ARRIVAL, { utm, stages: [{ stage: "proposal" }] });
    await attempts(h, id, ["2026-03-02T09:00:00+03:00", "2026-03-02T13:00:00+03:00", "2026-03-03T09:00:00+03:00", "2026-03-03T13:00:00+03:00"]);
    expect((await attempt(h, id, "2026-03-04T09:00:00+03:00")).body.stageChange).toBe("lost");

    const reached = await attempt(h, id, "2026-03-06T16:00:00+03:00", "reached");

    expect(reached.status).toBe(201);
    expect(reached.body.stageChange).toBe("restored");
    expect(reached.body.lead).toMatchObject({ stage: "proposal", lostReason: null, contactAttempts: { count: 6, unansweredInARow: 0 } });
    expect(await countersOn(h, campaignId, COHORT_DAY)).toMatchObject({ proposal: 1, lost: 0 });
    expect(await lostReasons(h, hypothesisId)).toEqual([]);
    expect((await history(id)).at(-1)).toMatchObject({ from: "lost", to: "proposal" });
  });

  it("is restored whatever it was lost for, while reaching an open lead only restarts the count", async () => {
    const { campaignId, utm } = await channel();
    const lost = await arrive(h, source, ARRIVAL, { utm, stages: [{ stage: "contacted" }, { stage: "lost", lostReason: "Дорого" }] });
    const open = await arrive(h, source, ARRIVAL, { utm });
    await attempts(h, open, ["2026-03-02T09:00:00+03:00", "2026-03-02T10:00:00+03:00"]);

    const restored = await attempt(h, lost, "2026-03-05T12:30:00+03:00", "reached");
    const reachedOpen = await attempt(h, open, "2026-03-05T12:30:00+03:00", "reached");

    expect(restored.body).toMatchObject({ stageChange: "restored", lead: { stage: "contacted", lostReason: null } });
    expect(reachedOpen.body).toMatchObject({ stageChange: null, lead: { stage: "new", contactAttempts: { count: 3, unansweredInARow: 0 } } });
    expect((await countersOn(h, campaignId, COHORT_DAY)).lost).toBe(0);
  });
});
