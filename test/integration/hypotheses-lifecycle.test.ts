import { beforeAll, describe, expect, it } from "vitest";
import { hypothesisBody } from "../support/decisions.js";
import { addToDay } from "../../packages/core/src/counters/cohort-counters.js";
import { transact } from "../../packages/core/src/db/transact.js";
import { newId } from "../../packages/core/src/ids.js";
import { createHarness, type Harness } from "../support/harness.js";

// The harness clock stays at its default (2026-03-02, Moscow) here; probe windows below start
// before it unless a test says otherwise.
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

async function newHypothesis(probe = { start: "2026-03-01", end: "2026-03-31" }): Promise<string> {
  const res = await h.call("POST", "/api/hypotheses", {
    title: "Cold calls to a bought base",
    statement: "Calling 2,000 farms converts 1% to a deal",
    channel: "cold_calls",
    responsible: "Oleg",
    budget: 80000,
    probe,
    targets: { conversionMin: 0.01 },
  });
  return res.body.id;
}

/**
 * An attributed lead, written straight into the cohort counters: the lead-capture code is being
 * written alongside this, and the guard reads only the counters anyway.
 */
async function attributedLead(hypothesisId: string, day = "2026-03-02"): Promise<string> {
  const campaign = await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, { utmSource: "calls", utmCampaign: `base_${newId()}` });
  await transact(h.ctx, [addToDay(h.ctx, campaign.body.id, day, { leads: 1 })]);
  return campaign.body.id;
}

const move = (id: string, body: Record<string, unknown>) => h.call("POST", `/api/hypotheses/${id}/transitions`, body);
const rules = { responsible: "Oleg", leadHandling: "Call back within 15 minutes; qualify by farm size", checklist: ["script v2 approved", "CRM pipeline set up"] };

/** Walks a fresh hypothesis to `rules`; its one lead leaves the targets undecided, so leaving analysis gives a reason. */
async function inRules(): Promise<string> {
  const id = await newHypothesis();
  await attributedLead(id);
  expect((await move(id, { to: "analysis" })).status).toBe(200);
  expect((await move(id, { to: "rules", reason: "Rules first; the targets are judged in optimization" })).status).toBe(200);
  return id;
}

describe("probe -> analysis", () => {
  it("is refused without an attributed lead, and allowed once the campaign has one", async () => {
    const id = await newHypothesis();

    const refused = await move(id, { to: "analysis" });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: "transition_refused", unmet: [expect.stringMatching(/no campaigns/)] });

    await attributedLead(id);
    const allowed = await move(id, { to: "analysis" });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual({ stage: "analysis", version: 2 });
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ stage: "analysis", version: 2 });
  });

  it("does not count leads of another hypothesis' campaign", async () => {
    const [id, other] = [await newHypothesis(), await newHypothesis()];
    await attributedLead(other);
    await h.call("POST", `/api/hypotheses/${id}/campaigns`, { utmSource: "calls", utmCampaign: `empty_${newId()}` });

    const res = await move(id, { to: "analysis" });

    expect(res.status).toBe(409);
    expect(res.body.unmet).toEqual([expect.stringMatching(/No lead has been attributed.*1 campaign/)]);
  });

  it("waits for the probe window to open in the workspace time zone, listing every unmet guard", async () => {
    const clock = await createHarness({ now: "2026-03-04T20:59:00Z" }); // 23:59 on 4 March in Moscow
    const id = (
      await clock.call("POST", "/api/hypotheses", hypothesisBody({ probe: { start: "2026-03-05", end: "2026-03-20" }, targets: { minLeads: 10 } }))
    ).body.id;

    const early = await clock.call("POST", `/api/hypotheses/${id}/transitions`, { to: "analysis" });
    expect(early.status).toBe(409);
    expect(early.body.unmet).toEqual([
      "The probe has not started yet: it starts on 2026-03-05, and today is 2026-03-04 (Europe/Moscow).",
      expect.stringMatching(/No lead has been attributed/),
    ]);

    const campaign = await clock.call("POST", `/api/hypotheses/${id}/campaigns`, { utmSource: "x", utmCampaign: `y_${newId()}` });
    await transact(clock.ctx, [addToDay(clock.ctx, campaign.body.id, "2026-03-04", { leads: 1 })]); // see attributedLead
    expect((await clock.call("POST", `/api/hypotheses/${id}/transitions`, { to: "analysis" })).body.unmet).toHaveLength(1);

    clock.setNow("2026-03-04T21:00:00Z"); // midnight in Moscow: the 5th has begun
    const started = await clock.call("POST", `/api/hypotheses/${id}/transitions`, { to: "analysis" });
    expect(started.status).toBe(200);
  });
});

describe("the rest of the path", () => {
  it("refuses skipping a stage", async () => {
    const id = await newHypothesis();
    await attributedLead(id);
    const res = await move(id, { to: "rules" });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: "transition_refused", message: expect.any(String), unmet: ["Stages cannot be skipped: from probe the next stage is analysis, not rules."] });
  });

  it("needs written rules before optimization", async () => {
    const id = await inRules();

    const refused = await move(id, { to: "optimization" });
    expect(refused.status).toBe(409);
    expect(refused.body.unmet).toEqual([expect.stringMatching(/rules are not written/)]);

    expect((await h.call("PUT", `/api/hypotheses/${id}/rules`, rules)).status).toBe(200);
    expect(await move(id, { to: "optimization" })).toMatchObject({ status: 200, body: { stage: "optimization", version: 5 } });
  });

  it("does not reach scale yet, saying what it will need", async () => {
    const id = await inRules();
    await h.call("PUT", `/api/hypotheses/${id}/rules`, rules);
    await move(id, { to: "optimization" });

    const res = await move(id, { to: "scale" });

    expect(res.status).toBe(409);
    expect(res.body.unmet).toEqual([expect.stringMatching(/KPI gate.*owner's approval/)]);
  });

  it("closes from any stage with a reason, and never moves again", async () => {
    const id = await inRules();
    const noReason = await move(id, { to: "closed", lesson: "Calls to a bought base do not reach buyers" });
    expect(noReason.status).toBe(409);
    expect(noReason.body.unmet).toEqual(["Closing a hypothesis needs a reason."]);

    const closed = await move(id, { to: "closed", reason: "conversion 0.2% after 400 calls", lesson: "Calls to a bought base do not reach buyers" });
    expect(closed.status).toBe(200);
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ stage: "closed", closedReason: "conversion 0.2% after 400 calls" });

    const reopened = await move(id, { to: "probe" });
    expect(reopened.status).toBe(409);
    expect(reopened.body.unmet).toEqual([expect.stringMatching(/closed hypothesis does not move again/)]);
  });

  it("names a bad target stage and unknown fields, and 404s an unknown hypothesis", async () => {
    const id = await newHypothesis();
    const bad = await move(id, { to: "launch", force: true });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.path).sort()).toEqual(["force", "to"]);
    const missing = await move("01NOSUCHHYPOTHESIS", { to: "analysis" });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe("not_found");
  });
});

describe("concurrent and stale moves", () => {
  it("refuses a stale expectedVersion and takes the current one", async () => {
    const id = await newHypothesis();
    await attributedLead(id);

    const stale = await move(id, { to: "analysis", expectedVersion: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe("version_conflict");

    expect((await move(id, { to: "analysis", expectedVersion: 1 })).status).toBe(200);
  });

  it("lets exactly one of ten simultaneous moves win, with or without expectedVersion", async () => {
    for (const expectedVersion of [1, undefined]) {
      const id = await newHypothesis();
      await attributedLead(id);

      const results = await Promise.all(Array.from({ length: 10 }, () => move(id, { to: "analysis", expectedVersion })));

      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      const losers = results.filter((r) => r.status !== 200);
      expect(losers.map((r) => r.status)).toEqual(Array(9).fill(409));
      for (const r of losers) expect(["version_conflict", "transition_refused"]).toContain(r.body.error);
      const history = (await h.call("GET", `/api/hypotheses/${id}/history`)).body.items;
      expect(history.filter((e: any) => e.type === "transition")).toHaveLength(1);
      expect((await h.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ stage: "analysis", version: 2 });
    }
  });

  it("lets only one of two different moves decided on the same version win", async () => {
    const id = await newHypothesis();
    await attributedLead(id);

    const [forward, close] = await Promise.all([
      move(id, { to: "analysis", expectedVersion: 1 }),
      move(id, { to: "closed", reason: "changed our mind", lesson: "Decide before the probe starts", expectedVersion: 1 }),
    ]);

    expect([forward.status, close.status].sort()).toEqual([200, 409]);
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body.version).toBe(2);
  });
});
