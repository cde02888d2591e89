import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFaultyDynamo, type FaultyDynamo } from "../support/fault-dynamo.js";
import { createHarness, type Harness } from "../support/harness.js";
import { countersOn, createCampaign, createSource, postHook, token } from "../support/intake.js";

const DAY = "2026-03-02";
/** API Gateway gives up on the function at 30 s: a sender in production waits no longer than that. */
const SENDER_PATIENCE_MS = 30_000;

let dynamo: FaultyDynamo | undefined;
let h: Harness;
beforeAll(async () => {
  dynamo = await startFaultyDynamo();
  h = await createHarness({ endpoint: dynamo.endpoint, now: `${DAY}T09:00:00Z` });
}, 90_000);
afterAll(async () => {
  await dynamo?.dispose();
});

describe("a database that stops answering without closing its connections", () => {
  it("answers the sender a 5xx within 30 s instead of holding the call, and takes the retry once it answers again", { timeout: 90_000 }, async () => {
    const source = await createSource(h, "json");
    const campaign = await createCampaign(h, "vk", token());
    const lead = { contentType: "application/json", text: JSON.stringify({ externalId: token(), name: "Ольга", phone: "+7 916 700 00 01", ...campaign.utm }) };

    dynamo!.freeze();
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    let duringFreeze: string;
    const frozenAt = Date.now();
    try {
      duringFreeze = await Promise.race([
        postHook(h, source.key, lead).then((answer) => `${answer.status} retry after ${answer.headers.get("retry-after")} s`),
        new Promise<string>((resolve) => setTimeout(() => resolve(`no answer after ${SENDER_PATIENCE_MS} ms`), SENDER_PATIENCE_MS).unref()),
      ]);
    } finally {
      errorLog.mockRestore();
      dynamo!.thaw();
    }
    console.log(`db-freeze: the sender got "${duringFreeze}" ${Date.now() - frozenAt} ms after posting to the app on a frozen DynamoDB Local`);
    expect(duringFreeze).toBe("503 retry after 5 s");

    const retry = await postHook(h, source.key, lead);
    expect(retry.status).toBe(200);
    const listed = await h.call("GET", `/api/leads?campaignId=${campaign.campaignId}`);
    expect(listed.body.items.map((l: any) => l.id)).toEqual([retry.body.leads[0].id]);
    expect(await countersOn(h, campaign.campaignId, DAY)).toMatchObject({ leads: 1 });
  });
});
