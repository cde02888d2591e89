import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { countersOn, createCampaign, token } from "../support/intake.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterEach(() => vi.restoreAllMocks());

const DAY = "2026-02-10";
const lead = (utm: Record<string, string>, externalId = token()) => ({ externalId, name: "Анна", createdAt: `${DAY}T10:00:00+03:00`, ...utm });

/** The leads a campaign holds in the table, by id. */
async function storedIds(campaignId: string): Promise<string[]> {
  return ((await h.call("GET", `/api/leads?campaignId=${campaignId}&limit=200`)).body.items as any[]).map((l) => l.id).sort();
}

/**
 * Fails, as an unavailable database would, the transaction storing any lead whose externalId is in
 * `doomed`; everything else goes through to DynamoDB Local.
 */
function failStoring(doomed: Set<string>) {
  const send = h.ctx.doc.send.bind(h.ctx.doc);
  vi.spyOn(h.ctx.doc, "send").mockImplementation(((command: any, ...rest: any[]) => {
    const items = command instanceof TransactWriteCommand ? command.input.TransactItems ?? [] : [];
    if (items.some((item: any) => doomed.has(item.Put?.Item?.externalId))) {
      return Promise.reject(Object.assign(new Error("Service unavailable"), { name: "ServiceUnavailable" }));
    }
    return (send as any)(command, ...rest);
  }) as any);
}

describe("import reports each row", () => {
  it("rejects a row whose id is too long to store and stores and counts the others", async () => {
    const { campaignId, utm } = await createCampaign(h, "yandex", token());
    const leads = [lead(utm), lead(utm, "x".repeat(2100)), { ...lead(utm), utm_campaign: "ы".repeat(400) }, lead(utm)];
    const res = await h.call("POST", "/api/leads/import", { leads });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 2, duplicates: 0, failed: 0 });
    expect(res.body.rejected.map((r: any) => [r.index, r.issues.map((i: any) => i.path)])).toEqual([
      [1, ["externalId"]],
      [2, ["utm_campaign"]],
    ]);
    expect(res.body.rows.map((r: any) => r.outcome)).toEqual(["stored", "rejected", "rejected", "stored"]);
    expect(await storedIds(campaignId)).toEqual([res.body.rows[0].leadId, res.body.rows[3].leadId].sort());
    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 2 });
  });

  it("answers 503 with what was stored when storing fails part-way, and a second run completes it without doubling", async () => {
    const { campaignId, utm } = await createCampaign(h, "vk", token());
    const leads = Array.from({ length: 6 }, () => lead(utm));
    failStoring(new Set([leads[1]!.externalId, leads[4]!.externalId]));

    const res = await h.call("POST", "/api/leads/import", { leads });

    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ imported: 4, duplicates: 0, rejected: [], failed: 2 });
    expect(res.body.rows.map((r: any) => r.outcome)).toEqual(["stored", "failed", "stored", "stored", "failed", "stored"]);
    expect(res.body.rows[1]).toEqual({ index: 1, outcome: "failed", error: "storage_failed", message: expect.stringContaining("ServiceUnavailable") });
    const reported = res.body.rows.filter((r: any) => r.outcome === "stored").map((r: any) => r.leadId);
    expect(await storedIds(campaignId)).toEqual([...reported].sort());
    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 4 });

    vi.restoreAllMocks();
    const again = await h.call("POST", "/api/leads/import", { leads });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ imported: 2, duplicates: 4, failed: 0 });
    expect(again.body.rows.map((r: any) => r.outcome)).toEqual(["duplicate", "stored", "duplicate", "duplicate", "stored", "duplicate"]);
    expect(again.body.rows[0].leadId).toBe(res.body.rows[0].leadId);
    expect((await storedIds(campaignId)).length).toBe(6);
    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 6 });
  });

  it("refuses a sourceId too long to be an id with 400 naming it", async () => {
    const res = await h.call("POST", "/api/leads/import", { sourceId: "s".repeat(3000), leads: [lead({})] });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: any) => i.path)).toEqual(["sourceId"]);
  });
});
