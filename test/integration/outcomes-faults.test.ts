import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../packages/core/src/context.js";
import { Outcomes } from "../../packages/core/src/lead/outcomes.js";
import { createHarness, type Harness } from "../support/harness.js";
import { countersOn, createCampaign, createSource, postHook, token } from "../support/intake.js";

// DynamoDB Local never cancels a transaction for a concurrent one touching the same item (real
// DynamoDB does, with TransactionConflict); these tests inject that cancellation.
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});

async function newLead() {
  const utmCampaign = `c_${token()}`;
  const { campaignId } = await createCampaign(h, "vk", utmCampaign);
  const source = await createSource(h, "json");
  const hook = await postHook(h, source.key, { contentType: "application/json", text: JSON.stringify({ externalId: token(), utm: { source: "vk", campaign: utmCampaign } }) });
  return { id: hook.body.leads[0].id as string, campaignId };
}

/** The harness' context, with its first `conflicts` transactions cancelled as real DynamoDB does under contention. */
function conflicting(conflicts: number): Ctx & { transactions: () => number } {
  let seen = 0;
  const send = (command: any) => {
    if (command instanceof TransactWriteCommand && seen++ < conflicts) {
      const reasons = command.input.TransactItems!.map((_, i) => ({ Code: i === 2 ? "TransactionConflict" : "None" }));
      return Promise.reject(new TransactionCanceledException({ message: "Transaction cancelled", $metadata: {}, CancellationReasons: reasons }));
    }
    return h.ctx.doc.send(command);
  };
  return { ...h.ctx, doc: { send } as unknown as Ctx["doc"], transactions: () => seen };
}

describe("stage changes under transaction conflicts", () => {
  it("retries a change cancelled by a conflicting transaction and counts it once", async () => {
    const lead = await newLead();
    const ctx = conflicting(2);
    const result = await Outcomes.changeStage(ctx, lead.id, { stage: "won", amount: "700" }, { actor: "key:k1" });
    expect(result.changed).toBe(true);
    expect(ctx.transactions()).toBe(3);
    expect(await countersOn(h, lead.campaignId, "2026-03-02")).toMatchObject({ won: 1, revenue: 700_00 });
    expect(await Outcomes.history(h.ctx, lead.id)).toHaveLength(1);
  });

  it("gives up with 409 version_conflict when the lead keeps being contended, changing nothing", async () => {
    const lead = await newLead();
    await expect(Outcomes.changeStage(conflicting(Infinity), lead.id, { stage: "qualified" }, { actor: "key:k1" })).rejects.toMatchObject({
      kind: "conflict",
      code: "version_conflict",
    });
    expect(await countersOn(h, lead.campaignId, "2026-03-02")).toMatchObject({ leads: 1, qualified: 0 });
  });
});
