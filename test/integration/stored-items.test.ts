import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { importCohorts, newCampaign, newHypothesis, toOptimization } from "../support/decisions.js";
import { createHarness, type Harness } from "../support/harness.js";

/*
 * The table is never migrated: items keep the keys and attributes they were written with, and
 * items written before a field existed must still read. These pin both for the hypothesis side.
 */

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const put = (item: Record<string, unknown>) => h.ctx.doc.send(new PutCommand({ TableName: h.ctx.table, Item: item }));
const partition = async (pk: string) =>
  (await h.ctx.doc.send(new QueryCommand({ TableName: h.ctx.table, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": pk } }))).Items ?? [];

describe("items as the table holds them", () => {
  it("keeps the keys and listing attributes of a hypothesis, its partition and its campaigns", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.01 });
    const { id: campaignId, utm } = await newCampaign(h, id);
    await importCohorts(h, utm, [{ day: "2026-03-01", leads: 1 }]);
    await toOptimization(h, id);
    const optimization = await h.call("POST", `/api/hypotheses/${id}/optimizations`, { area: "audience", change: "narrower", startedOn: "2026-03-05" });
    expect(optimization.status, optimization.text).toBe(201);

    const items = await partition(`HYP#${id}`);
    const keys = items.map((item) => `${item.sk} ${item.type}`);
    expect(keys).toEqual(
      expect.arrayContaining(["HYP hypothesis", "HISTORY#00000001 hypothesisHistory", "RULES#00000001 hypothesisRules", `OPTIMIZATION#${optimization.body.id} optimization`]),
    );
    expect(items.find((item) => item.sk === "HYP")).toMatchObject({ gsi1pk: "HYPS", gsi1sk: id, id, stage: "optimization" });
    expect(items.find((item) => item.sk === "HISTORY#00000001")).toMatchObject({ hypothesisId: id, entryType: "created", version: 1, to: "probe" });

    const campaign = await partition(`CAMPAIGN#${campaignId}`);
    expect(campaign).toEqual([
      expect.objectContaining({ sk: "CAMPAIGN", type: "campaign", gsi1pk: `CAMPAIGNS#HYP#${id}`, gsi1sk: campaignId, gsi3pk: "CAMPAIGNS", gsi3sk: campaignId, paid: true }),
    ]);
    expect(campaign[0]).not.toHaveProperty("gsi2pk");
    const claim = await h.ctx.doc.send(new GetCommand({ TableName: h.ctx.table, Key: { pk: `UTM#yandex#${utm.utm_campaign}`, sk: "UTM" } }));
    expect(claim.Item).toEqual({ pk: `UTM#yandex#${utm.utm_campaign}`, sk: "UTM", type: "utmClaim", campaignId, hypothesisId: id, contractorId: null });
  });

  it("reads a hypothesis stored before currency, maturity and confidence were kept, with the defaults a new one gets", async () => {
    const id = newId();
    await put({
      pk: `HYP#${id}`,
      sk: "HYP",
      gsi1pk: "HYPS",
      gsi1sk: id,
      type: "hypothesis",
      id,
      title: "Холодная база",
      statement: "Звонки по купленной базе дают клиентов",
      channel: "cold_calls",
      responsible: "Ivan",
      budget: 1000000,
      probe: { start: "2026-03-01", end: "2026-03-31" },
      targets: { minLeads: 10 },
      stage: "probe",
      version: 1,
      createdAt: "2026-02-01T09:00:00.000Z",
      updatedAt: "2026-02-01T09:00:00.000Z",
    });

    const read = await h.call("GET", `/api/hypotheses/${id}`);

    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ id, currency: "RUB", maturityDays: 15, confidence: 0.9, rulesVersion: null, closedReason: null, budget: "10000.00" });
    const listed = await h.call("GET", "/api/hypotheses");
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(id);
  });

  it("reads a campaign stored before contractors, platform ids and the paid flag as a paid campaign of nobody's", async () => {
    const hypothesisId = await newHypothesis(h, { cplMax: 1500 });
    const id = newId();
    await put({
      pk: `CAMPAIGN#${id}`,
      sk: "CAMPAIGN",
      gsi1pk: `CAMPAIGNS#HYP#${hypothesisId}`,
      gsi1sk: id,
      gsi3pk: "CAMPAIGNS",
      gsi3sk: id,
      type: "campaign",
      id,
      hypothesisId,
      utmSource: "vk",
      utmCampaign: "old",
      createdAt: "2026-02-01T09:00:00.000Z",
    });

    const read = await h.call("GET", `/api/campaigns/${id}`);

    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ id, hypothesisId, contractorId: null, platformCampaignIds: [], paid: true });
    expect((await h.call("GET", `/api/hypotheses/${hypothesisId}/campaigns`)).body.items).toEqual([expect.objectContaining({ id, paid: true })]);
  });
});
