import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../packages/core/src/context.js";
import { Approvals } from "../../packages/core/src/hypothesis/approvals.js";
import { createHarness, type Harness } from "../support/harness.js";
import { importCohorts, importSpend, newCampaign, newHypothesis, toOptimization, type Cohort } from "../support/decisions.js";

// Today is 20 April 2026 in Moscow; maturity is the default 15 days.
let h: Harness;
let marketerKey: string;
let contractorKey: string;
beforeAll(async () => {
  h = await createHarness({ now: "2026-04-20T09:00:00Z" });
  marketerKey = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
  const contractor = (await h.call("POST", "/api/contractors", { name: "Директ-агентство" })).body.id;
  contractorKey = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor })).body.key;
});

/** 120 mature leads, 12 won, 1,000 per lead: conversion >= 5% and CPL <= 1,500 are both met. */
const proven: Cohort[] = [{ day: "2026-03-02", leads: 120, won: 12, wonAfter: 9, qualified: 30 }];

async function provenHypothesis(harness = h) {
  const id = await newHypothesis(harness, { conversionMin: 0.05, cplMax: "1500" });
  const campaign = await newCampaign(harness, id);
  await importCohorts(harness, campaign.utm, proven);
  await importSpend(harness, campaign.utm, { "2026-03-02": 120_000 });
  return id;
}

const approvals = async (harness: Harness, id: string) => (await harness.call("GET", `/api/hypotheses/${id}/approvals`)).body.items;
const scaleTransitions = async (id: string) =>
  (await h.call("GET", `/api/hypotheses/${id}/history`)).body.items.filter((e: any) => e.type === "transition" && e.to === "scale");

describe("POST /api/hypotheses/{id}/approvals", () => {
  it("lets exactly one of fifty simultaneous approvals scale the hypothesis out", async () => {
    const id = await provenHypothesis();
    await toOptimization(h, id);
    const before = (await h.call("GET", `/api/hypotheses/${id}`)).body.version;

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => h.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "approve", comment: `go ${i}` })),
    );

    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = results.find((r) => r.status === 201)!.body;
    expect(winner).toMatchObject({ hypothesisId: id, decision: "approve", stage: "scale", version: before + 1, actor: { role: "owner" } });
    expect(winner.gate).toMatchObject({ passed: true, confidence: 0.9, asOf: "2026-04-20" });
    for (const loser of results.filter((r) => r.status === 409)) expect(["not_in_optimization", "version_conflict"]).toContain(loser.body.error);

    const stored = await approvals(h, id);
    expect(stored).toEqual([winner]);
    const transitions = await scaleTransitions(id);
    expect(transitions).toHaveLength(1);
    expect(transitions[0]).toMatchObject({ version: before + 1, from: "optimization", reason: `Owner's approval ${winner.id}: ${winner.comment}` });
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ stage: "scale", version: before + 1 });
  }, 120_000); // 50 requests, each reading the gate, on a shared DynamoDB Local

  it("refuses approval while young cohorts keep the gate shut, records a rejection, and approves once they mature", async () => {
    const clock = await createHarness({ now: "2026-03-20T09:00:00Z" });
    const id = await newHypothesis(clock, { conversionMin: 0.05 });
    const campaign = await newCampaign(clock, id);
    await importCohorts(clock, campaign.utm, [{ day: "2026-03-10", leads: 100, won: 12, wonAfter: 5 }]);
    await toOptimization(clock, id);
    const version = (await clock.call("GET", `/api/hypotheses/${id}`)).body.version;

    const early = await clock.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "approve" });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: "gate_not_passed", gate: { passed: false, maturing: { leads: 100 } } });
    expect(early.body.unmet).toEqual([expect.objectContaining({ kpi: "conversion", verdict: "insufficient_data" })]);
    expect(await approvals(clock, id)).toEqual([]);

    const rejected = await clock.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "reject", comment: "ждём, пока когорты созреют" });
    expect(rejected.status).toBe(201);
    expect(rejected.body).toMatchObject({ decision: "reject", comment: "ждём, пока когорты созреют", stage: "optimization", version, gate: { passed: false } });
    expect((await clock.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ stage: "optimization", version });

    clock.setNow("2026-03-25T09:00:00Z");
    const approved = await clock.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "approve" });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ decision: "approve", comment: null, stage: "scale", version: version + 1, gate: { passed: true, asOf: "2026-03-25" } });
    expect((await approvals(clock, id)).map((a: any) => a.decision)).toEqual(["reject", "approve"]);
    expect((await clock.call("GET", `/api/hypotheses/${id}`)).body.stage).toBe("scale");
  });

  it("decides only in optimization", async () => {
    const id = await provenHypothesis();
    for (const to of ["analysis", "rules"]) await h.call("POST", `/api/hypotheses/${id}/transitions`, { to });

    for (const decision of ["approve", "reject"]) {
      const res = await h.call("POST", `/api/hypotheses/${id}/approvals`, { decision });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: "not_in_optimization", stage: "rules" });
    }
    expect(await approvals(h, id)).toEqual([]);
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body.stage).toBe("rules");
  });

  it("is for the owner alone; the marketer may read the decisions", async () => {
    const id = await provenHypothesis();
    await toOptimization(h, id);

    for (const key of [marketerKey, contractorKey]) {
      const res = await h.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "approve" }, { key });
      expect(res.status).toBe(403);
      expect(res.body.error).toBe("forbidden");
    }
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body.stage).toBe("optimization");
    expect((await h.call("GET", `/api/hypotheses/${id}/approvals`, undefined, { key: marketerKey })).body).toEqual({ items: [] });
    expect((await h.call("GET", `/api/hypotheses/${id}/approvals`, undefined, { key: contractorKey })).status).toBe(403);
  });

  it("names a bad decision and unknown fields, and 404s an unknown hypothesis", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05 });
    const bad = await h.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "maybe", force: true });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.path).sort()).toEqual(["decision", "force"]);
    expect((await h.call("POST", "/api/hypotheses/01NOSUCHHYPOTHESIS/approvals", { decision: "approve" })).status).toBe(404);
    expect((await h.call("GET", "/api/hypotheses/01NOSUCHHYPOTHESIS/approvals")).status).toBe(404);
  });

  it("keeps the transitions endpoint from scaling out, pointing to the approval", async () => {
    const id = await provenHypothesis();
    await toOptimization(h, id);
    const res = await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "scale" });
    expect(res.status).toBe(409);
    expect(res.body.unmet).toEqual([expect.stringContaining("only through the owner's approval (POST /api/hypotheses/{id}/approvals)")]);
  });
});

describe("approvals under transaction conflicts", () => {
  // DynamoDB Local never cancels a transaction for a concurrent one (real DynamoDB does, with
  // TransactionConflict): the first transaction here is cancelled that way on purpose.
  it("decides again after a conflicting transaction and records the approval once", async () => {
    const id = await provenHypothesis();
    await toOptimization(h, id);
    let cancelled = 0;
    const send = (command: any) => {
      if (command instanceof TransactWriteCommand && cancelled++ === 0) {
        const reasons = command.input.TransactItems!.map((_: unknown, i: number) => ({ Code: i === 0 ? "TransactionConflict" : "None" }));
        return Promise.reject(new TransactionCanceledException({ message: "Transaction cancelled", $metadata: {}, CancellationReasons: reasons }));
      }
      return h.ctx.doc.send(command);
    };
    const ctx: Ctx = { ...h.ctx, doc: { send } as unknown as Ctx["doc"] };

    const approval = await Approvals.decide(ctx, id, { decision: "approve" }, { keyId: "k1", role: "owner" });

    expect(cancelled).toBe(2);
    expect(approval).toMatchObject({ decision: "approve", stage: "scale" });
    expect(await approvals(h, id)).toHaveLength(1);
    expect(await scaleTransitions(id)).toHaveLength(1);
  });
});
