import { beforeAll, describe, expect, it } from "vitest";
import { readAllCounters } from "../../packages/core/src/counters/cohort-counters.js";
import { createHarness, type Harness } from "../support/harness.js";
import { countersOn, createCampaign, fixtureWith, postHook, token } from "../support/intake.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});

const DAY = "2026-03-02";
let sequence = 0;
/** A fresh amoCRM id (amoCRM's are numeric) and a phone nobody else in this file has. */
const amoId = () => `${41_300_000 + ++sequence}${Date.now() % 10_000}`;
const phoneDigits = () => `9${String(Date.now() % 1_000_000).padStart(6, "0")}${String(++sequence % 1000).padStart(3, "0")}`;

async function amoSource(extra: Record<string, unknown> = {}) {
  const res = await h.call("POST", "/api/sources", { name: `amoCRM ${token()}`, format: "amocrm", ...extra });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; key: string };
}

/** One deal from the `leads[add]` sample, with its own id and campaign. */
async function addDeal(source: { key: string }, pipelineId = "7654321") {
  const utmCampaign = `bags_${token()}`;
  const { campaignId } = await createCampaign(h, "yandex", utmCampaign);
  const externalId = amoId();
  const secondId = amoId(); // the sample's second deal, unattributed
  const added = await postHook(
    h,
    source.key,
    fixtureWith("amocrm-lead-add.txt", { "31245678": externalId, "31245702": secondId, bags_spring_2025: utmCampaign, "7654321": pipelineId }),
  );
  expect(added.status, added.text).toBe(200);
  return { externalId, secondId, campaignId, answer: added.body, leadId: added.body.leads[0]?.id as string | undefined };
}

const lostWith = (externalId: string, lossReasonId: string) =>
  fixtureWith("amocrm-status-lost-reason.txt", { "31245702": externalId, "7656397": lossReasonId });
const leadOf = async (id: string) => (await h.call("GET", `/api/leads/${id}`)).body;

describe("amoCRM loss reasons", () => {
  it("names a lost deal's reason by the source's loss reason map and counts it in the funnel under that name", async () => {
    const source = await amoSource({ lossReasons: { "7656397": "Дорого" } });
    const deal = await addDeal(source);
    const res = await postHook(h, source.key, lostWith(deal.externalId, "7656397"));

    expect(res.body.statusChanges).toEqual([{ externalId: deal.externalId, leadId: deal.leadId, outcome: "applied" }]);
    expect(await leadOf(deal.leadId!)).toMatchObject({ stage: "lost", lostReason: "Дорого", lossReasonId: "7656397" });
    const { lostReasons } = await readAllCounters(h.ctx, deal.campaignId);
    expect(lostReasons).toEqual([expect.objectContaining({ reason: "Дорого", lost: 1 })]);
    expect((await h.call("GET", `/api/sources/${source.id}/unmapped-loss-reasons`)).body.items).toEqual([]);
  });

  it("keeps an unmapped reason id on the lead, never as crm_status_143, and lists it with its count until it is named", async () => {
    const source = await amoSource();
    const first = await addDeal(source);
    const second = await addDeal(source);
    await postHook(h, source.key, lostWith(first.externalId, "8661985"));
    await postHook(h, source.key, lostWith(second.externalId, "8661985"));
    // A redelivered loss is the same loss: not counted again.
    await postHook(h, source.key, lostWith(second.externalId, "8661985"));

    const lead = await leadOf(first.leadId!);
    expect(lead).toMatchObject({ stage: "lost", lostReason: "amoCRM reason #8661985", lossReasonId: "8661985" });
    expect(JSON.stringify(lead)).not.toContain("crm_status_143");
    const listed = await h.call("GET", `/api/sources/${source.id}/unmapped-loss-reasons`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([{ lossReasonId: "8661985", leads: 2, lastSeenAt: "2026-03-02T09:00:00.000Z" }]);

    const named = await h.call("PUT", `/api/sources/${source.id}/loss-reasons`, { "8661985": "Не дозвонились" });
    expect(named.status).toBe(200);
    expect(named.body.lossReasons).toEqual({ "8661985": "Не дозвонились" });
    expect((await h.call("GET", `/api/sources/${source.id}/unmapped-loss-reasons`)).body.items).toEqual([]);
    const third = await addDeal(source);
    await postHook(h, source.key, lostWith(third.externalId, "8661985"));
    expect((await leadOf(third.leadId!)).lostReason).toBe("Не дозвонились");
  });

  it("refuses a loss reason map with a key that is not an amoCRM id or an empty name, naming the field", async () => {
    const source = await amoSource();
    const bad = await h.call("PUT", `/api/sources/${source.id}/loss-reasons`, { "12x": "Дорого" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: "12x" })]);
    const empty = await h.call("PUT", `/api/sources/${source.id}/loss-reasons`, { "12": " " });
    expect(empty.status).toBe(400);
    expect(empty.body.issues).toEqual([expect.objectContaining({ path: "12" })]);
  });
});

describe("amoCRM contacts", () => {
  it("gives the linked deal its contact's name, phone in E.164 and e-mail from contacts[add]", async () => {
    const source = await amoSource();
    const deal = await addDeal(source);
    expect((await leadOf(deal.leadId!)).contact).toEqual({ name: null, phone: null, email: null });
    const digits = phoneDigits();
    const res = await postHook(
      h,
      source.key,
      fixtureWith("amocrm-contact-add.txt", { "31245678": deal.externalId, "%2B7+%28916%29+123-45-67": `8+${digits}`, "Anna.Smirnova": `anna.${digits}` }),
    );

    expect(res.status, res.text).toBe(200);
    expect(res.body.contacts).toEqual([{ contactId: "29876001", externalId: deal.externalId, leadId: deal.leadId, outcome: "applied" }]);
    expect((await leadOf(deal.leadId!)).contact).toEqual({ name: "Анна Смирнова", phone: `+7${digits}`, email: `anna.${digits}@example.ru` });
  });

  it("reports a contact whose deal this source never captured, and changes nothing", async () => {
    const source = await amoSource();
    const unknown = amoId();
    const res = await postHook(h, source.key, fixtureWith("amocrm-contact-add.txt", { "31245678": unknown }));
    expect(res.status).toBe(200);
    expect(res.body.contacts).toEqual([expect.objectContaining({ externalId: unknown, leadId: null, outcome: "unknown_lead" })]);
  });
});

describe("amoCRM responsible users and pipelines", () => {
  it("keeps the deal's responsible user and pipeline on the lead", async () => {
    const source = await amoSource();
    const deal = await addDeal(source);
    expect(await leadOf(deal.leadId!)).toMatchObject({ responsibleUserId: "8123456", pipelineId: "7654321" });
  });

  it("ignores deals of pipelines the source does not count: archived, no lead, no status move, and the answer says so", async () => {
    const source = await amoSource({ pipelines: ["7654321"] });
    const counted = await addDeal(source, "7654321");
    const other = await addDeal(source, "9990001");

    expect(other.answer.leads).toEqual([]);
    expect(other.answer.ignored).toEqual([
      { externalId: other.externalId, pipelineId: "9990001", reason: "pipeline_not_counted" },
      { externalId: other.secondId, pipelineId: "9990001", reason: "pipeline_not_counted" },
    ]);
    expect(await countersOn(h, other.campaignId, DAY)).toMatchObject({ leads: 0 });
    expect(await countersOn(h, counted.campaignId, DAY)).toMatchObject({ leads: 1 });

    const moved = await postHook(h, source.key, fixtureWith("amocrm-status-won.txt", { "31245678": other.externalId, "7654321": "9990001" }));
    expect(moved.body.statusChanges).toEqual([expect.objectContaining({ externalId: other.externalId, leadId: null, outcome: "ignored_pipeline" })]);
    // A counted deal's move in a counted pipeline still applies.
    const won = await postHook(h, source.key, fixtureWith("amocrm-status-won.txt", { "31245678": counted.externalId }));
    expect(won.body.statusChanges).toEqual([expect.objectContaining({ leadId: counted.leadId, outcome: "applied" })]);

    const changed = await h.call("PUT", `/api/sources/${source.id}/pipelines`, []);
    expect(changed.body.pipelines).toEqual([]);
    const bad = await h.call("PUT", `/api/sources/${source.id}/pipelines`, ["main"]);
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: "0" })]);
  });
});
