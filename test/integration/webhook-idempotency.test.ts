import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { countersOn, createCampaign, createSource, fixtureWith, postHook, token } from "../support/intake.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});

const DAY = "2026-03-02";
const copies = <T>(n: number, make: () => Promise<T>) => Promise.all(Array.from({ length: n }, make));

/** All answers name the same lead, exactly one of them as new. */
function expectOneLead(answers: Array<{ status: number; body: any }>, position = 0) {
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  const results = answers.map((a) => a.body.leads[position]);
  expect(new Set(results.map((r) => r.id)).size).toBe(1);
  expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
  return results[0].id as string;
}

// 50 concurrent calls are slow on a busy machine's DynamoDB Local; correctness, not speed, is pinned here.
describe("idempotent capture", { timeout: 90_000 }, () => {
  it("creates one lead and counts it once when 50 copies of a Tilda form arrive at once", async () => {
    const campaign = token();
    const { campaignId } = await createCampaign(h, "yandex", campaign);
    const tilda = await createSource(h, "tilda");
    const body = fixtureWith("tilda-form.txt", { bags_spring_2025: campaign, "3148702741": token() });

    const answers = await copies(50, () => postHook(h, tilda.key, body));

    const leadId = expectOneLead(answers);
    const listed = await h.call("GET", `/api/leads?campaignId=${campaignId}`);
    expect(listed.body.items.map((l: any) => l.id)).toEqual([leadId]);
    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 1 });
  });

  it("creates one lead per amoCRM lead id when 50 copies of leads[add] arrive at once", async () => {
    const campaign = token();
    const { campaignId } = await createCampaign(h, "yandex", campaign);
    const amo = await createSource(h, "amocrm");
    const body = fixtureWith("amocrm-lead-add.txt", { bags_spring_2025: campaign, brand_search: `${campaign}_brand` });
    const brand = await createCampaign(h, "google", `${campaign}_brand`);

    const answers = await copies(50, () => postHook(h, amo.key, body));

    expectOneLead(answers, 0);
    expectOneLead(answers, 1);
    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 1 });
    expect(await countersOn(h, brand.campaignId, DAY)).toMatchObject({ leads: 1 });
  });

  it("creates one lead for 50 concurrent calls carrying one Idempotency-Key", async () => {
    const campaign = token();
    const { campaignId } = await createCampaign(h, "vk", campaign);
    const source = await createSource(h, "json");
    const body = { contentType: "application/json", text: JSON.stringify({ name: "Пётр", phone: "+7 916 555 00 11", utm_source: "vk", utm_campaign: campaign }) };
    const key = token();

    const answers = await copies(50, () => postHook(h, source.key, body, { "Idempotency-Key": key }));

    expectOneLead(answers);
    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 1 });
  });

  it("answers a later redelivery with the same lead, marked duplicate", async () => {
    const tilda = await createSource(h, "tilda");
    const body = fixtureWith("tilda-form.txt", { "3148702741": token() });
    const first = await postHook(h, tilda.key, body);
    h.setNow("2026-03-05T12:00:00Z");
    const again = await postHook(h, tilda.key, body);
    h.setNow("2026-03-02T09:00:00Z");
    expect(again.body.leads).toEqual([{ id: first.body.leads[0].id, duplicate: true }]);
  });

  it("treats the same sender id from two different sources as two leads", async () => {
    const [a, b] = await Promise.all([createSource(h, "json"), createSource(h, "json")]);
    const body = { contentType: "application/json", text: JSON.stringify({ externalId: token(), name: "Олег" }) };
    const [fromA, fromB] = await Promise.all([postHook(h, a.key, body), postHook(h, b.key, body)]);
    expect(fromA.body.leads[0].duplicate).toBe(false);
    expect(fromB.body.leads[0].duplicate).toBe(false);
    expect(fromA.body.leads[0].id).not.toBe(fromB.body.leads[0].id);
  });

  it("creates separate leads for different bodies without any id or key", async () => {
    const source = await createSource(h, "json");
    const body = { contentType: "application/json", text: JSON.stringify({ name: "Без номера", phone: "89160000001" }) };
    const [one, two] = await Promise.all([postHook(h, source.key, body), postHook(h, source.key, body)]);
    expect(one.body.leads[0].id).not.toBe(two.body.leads[0].id);
  });
});
