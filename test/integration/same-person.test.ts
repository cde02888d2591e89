import { beforeAll, describe, expect, it } from "vitest";
import { readAllCounters } from "../../packages/core/src/counters/cohort-counters.js";
import { createHarness, type Harness } from "../support/harness.js";
import { countersOn, createCampaign, createSource, fixtureWith, postHook, token } from "../support/intake.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});

const DAY = "2026-03-02";
let sequence = 0;
const amoId = () => `${51_300_000 + ++sequence}${Date.now() % 10_000}`;

/** A person nobody else in this file is: phone digits after +7 and an e-mail. */
function person() {
  const digits = `916${String((Date.now() + ++sequence * 7919) % 10_000_000).padStart(7, "0")}`;
  return { digits, phone: `+7${digits}`, email: `client.${digits}@example.ru` };
}
type Person = ReturnType<typeof person>;

/** Tilda's form sample sent by `who`, tagged with `utmCampaign`, with a submission id of its own. */
function tildaForm(who: Person, utmCampaign: string) {
  return fixtureWith("tilda-form.txt", {
    "%2B7+(916)+123-45-67": `%2B7+${who.digits}`,
    "anna.smirnova%40example.ru": encodeURIComponent(who.email),
    bags_spring_2025: utmCampaign,
    "6190123%3A3148702741": `6190123%3A${amoId()}`,
  });
}

/** amoCRM's `leads[add]` sample with only its first deal (id `dealId`), tagged with `utmCampaign`. */
function amoDealAdded(dealId: string, utmCampaign: string) {
  const body = fixtureWith("amocrm-lead-add.txt", { "31245678": dealId, bags_spring_2025: utmCampaign });
  const pairs = [...new URLSearchParams(body.text)].filter(([name]) => !name.startsWith("leads[add][1]"));
  return { contentType: body.contentType, text: new URLSearchParams(pairs).toString() };
}

/** amoCRM's `contacts[add]` sample: `who` (e-mail in other letter case), linked to `dealId`. */
function amoContact(who: Person, dealId: string) {
  const [local] = who.email.split("@");
  return fixtureWith("amocrm-contact-add.txt", {
    "31245678": dealId,
    "%2B7+%28916%29+123-45-67": `8+${who.digits}`,
    "Anna.Smirnova%40example.ru": encodeURIComponent(`${local!.toUpperCase()}@Example.RU`),
  });
}

const amoWon = (dealId: string) => fixtureWith("amocrm-status-won.txt", { "31245678": dealId });
const leadOf = async (id: string) => (await h.call("GET", `/api/leads/${id}`)).body;
const leadsOfCampaign = async (campaignId: string) => (await h.call("GET", `/api/leads?campaignId=${campaignId}`)).body.items;

async function ok(res: Promise<{ status: number; text: string; body: any }>) {
  const answer = await res;
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
}

describe("one person, one lead", () => {
  it("makes a Tilda form and the same person's amoCRM deal, contact and win one lead, won once", async () => {
    const tilda = await createSource(h, "tilda");
    const amo = await createSource(h, "amocrm");
    const utmCampaign = `bags_${token()}`;
    const { campaignId } = await createCampaign(h, "yandex", utmCampaign);
    const anna = person();
    const dealId = amoId();

    const form = await ok(postHook(h, tilda.key, tildaForm(anna, utmCampaign)));
    const formLeadId: string = form.leads[0].id;
    h.setNow("2026-03-02T09:01:00Z");
    const deal = await ok(postHook(h, amo.key, amoDealAdded(dealId, utmCampaign)));
    const dealLeadId: string = deal.leads[0].id;
    // The deal arrives without a phone: until its contact comes it is a lead of its own.
    expect(dealLeadId).not.toBe(formLeadId);

    const contact = await ok(postHook(h, amo.key, amoContact(anna, dealId)));
    expect(contact.contacts).toEqual([{ contactId: "29876001", externalId: dealId, leadId: formLeadId, outcome: "applied", mergedLeadId: dealLeadId }]);
    h.setNow("2026-03-02T12:00:00Z");
    const won = await ok(postHook(h, amo.key, amoWon(dealId)));
    expect(won.statusChanges).toEqual([{ externalId: dealId, leadId: formLeadId, outcome: "applied" }]);

    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 1, contacted: 1, qualified: 1, proposal: 1, won: 1, revenue: 15_000_00 });
    expect((await readAllCounters(h.ctx, campaignId)).wins).toEqual([{ campaignId, cohortDay: DAY, winDay: DAY, won: 1, revenue: 15_000_00 }]);
    expect((await leadsOfCampaign(campaignId)).map((lead: any) => lead.id)).toEqual([formLeadId]);

    const lead = await leadOf(formLeadId);
    expect(lead).toMatchObject({
      id: formLeadId,
      stage: "won",
      amount: "15000.00",
      sourceId: tilda.id,
      sources: [tilda.id, amo.id],
      contact: { name: "Анна Смирнова", phone: anna.phone, email: anna.email },
      responsibleUserId: "8123456",
    });
    expect(lead.touches).toEqual([
      { sourceId: tilda.id, sourceName: expect.any(String), externalId: expect.stringMatching(/^6190123:/), utm: expect.objectContaining({ source: "yandex", campaign: utmCampaign }), campaignId, at: "2026-03-02T09:00:00.000Z" },
      { sourceId: amo.id, sourceName: expect.any(String), externalId: dealId, utm: expect.objectContaining({ source: "yandex", campaign: utmCampaign }), campaignId, at: "2026-03-02T09:01:00.000Z" },
    ]);
    // The deal's own id answers with the one lead.
    expect((await leadOf(dealLeadId)).id).toBe(formLeadId);
    const won2 = await ok(postHook(h, amo.key, amoWon(dealId)));
    expect(won2.statusChanges[0].outcome).toBe("unchanged");
    h.setNow("2026-03-02T09:00:00Z");
  });

  it("merges a deal won before its contact arrived into the earlier form's lead: won once, on the earlier lead's campaign", async () => {
    const tilda = await createSource(h, "tilda");
    const amo = await createSource(h, "amocrm");
    const formCampaign = await createCampaign(h, "yandex", `bags_${token()}`);
    const dealCampaign = await createCampaign(h, "yandex", `bags_${token()}`);
    const ivan = person();
    const dealId = amoId();

    const form = await ok(postHook(h, tilda.key, tildaForm(ivan, formCampaign.utm.utm_campaign)));
    const formLeadId: string = form.leads[0].id;
    await h.call("PATCH", `/api/leads/${formLeadId}`, { stage: "qualified" });
    const deal = await ok(postHook(h, amo.key, amoDealAdded(dealId, dealCampaign.utm.utm_campaign)));
    await ok(postHook(h, amo.key, amoWon(dealId)));
    expect(await countersOn(h, dealCampaign.campaignId, DAY)).toMatchObject({ leads: 1, won: 1 });

    const contact = await ok(postHook(h, amo.key, amoContact(ivan, dealId)));
    expect(contact.contacts[0]).toMatchObject({ leadId: formLeadId, mergedLeadId: deal.leads[0].id });

    // The form came first with a campaign: the lead stays there, with the deal's win.
    expect(await countersOn(h, formCampaign.campaignId, DAY)).toMatchObject({ leads: 1, contacted: 1, qualified: 1, proposal: 1, won: 1, revenue: 15_000_00 });
    expect(await countersOn(h, dealCampaign.campaignId, DAY)).toMatchObject({ leads: 0, contacted: 0, proposal: 0, won: 0, revenue: 0 });
    expect((await readAllCounters(h.ctx, dealCampaign.campaignId)).wins.filter((w) => w.won !== 0)).toEqual([]);
    expect(await leadOf(formLeadId)).toMatchObject({ stage: "won", furthestStage: "won", amount: "15000.00", campaignId: formCampaign.campaignId });
    expect(await leadsOfCampaign(dealCampaign.campaignId)).toEqual([]);
    const history = (await h.call("GET", `/api/leads/${formLeadId}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ from: "qualified", to: "won", amount: "15000.00", actor: `crm:${amo.id}` });
  });

  it("links a Tilda form to the amoCRM deal that came first, and the CRM's win moves that one lead", async () => {
    const tilda = await createSource(h, "tilda");
    const amo = await createSource(h, "amocrm");
    const utmCampaign = `bags_${token()}`;
    const { campaignId } = await createCampaign(h, "yandex", utmCampaign);
    const boris = person();
    const dealId = amoId();

    const deal = await ok(postHook(h, amo.key, amoDealAdded(dealId, utmCampaign)));
    const dealLeadId: string = deal.leads[0].id;
    const contact = await ok(postHook(h, amo.key, amoContact(boris, dealId)));
    expect(contact.contacts[0]).toEqual({ contactId: "29876001", externalId: dealId, leadId: dealLeadId, outcome: "applied" });
    const formBody = tildaForm(boris, utmCampaign);
    const form = await ok(postHook(h, tilda.key, formBody));
    expect(form.leads).toEqual([{ id: dealLeadId, duplicate: false, linked: true }]);
    await ok(postHook(h, amo.key, amoWon(dealId)));

    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 1, won: 1, revenue: 15_000_00 });
    expect(await leadOf(dealLeadId)).toMatchObject({ stage: "won", sources: [amo.id, tilda.id], contact: { name: "Анна Смирнова", phone: boris.phone } });
    // The form redelivered is the same delivery, not a third touch.
    const again = await ok(postHook(h, tilda.key, formBody));
    expect(again.leads).toEqual([{ id: dealLeadId, duplicate: true }]);
    expect((await leadOf(dealLeadId)).touches).toHaveLength(2);
  });

  it("counts the same person delivered by many sources at once as one lead", async () => {
    const sources = await Promise.all(Array.from({ length: 8 }, () => createSource(h, "json")));
    const utmCampaign = `bags_${token()}`;
    const { campaignId } = await createCampaign(h, "yandex", utmCampaign);
    const vera = person();
    const body = (i: number) => ({
      contentType: "application/json",
      text: JSON.stringify({ externalId: `form-${i}`, name: "Вера", phone: `8 (${vera.digits.slice(0, 3)}) ${vera.digits.slice(3)}`, email: vera.email.toUpperCase(), utm_source: "yandex", utm_campaign: utmCampaign }),
    });
    // Each source delivers twice, all at once.
    const answers = await Promise.all([...sources, ...sources].map((source, i) => postHook(h, source.key, body(i % sources.length))));

    expect(answers.map((res) => res.status)).toEqual(Array(16).fill(200));
    const ids = new Set(answers.map((res) => res.body.leads[0].id));
    expect(ids.size).toBe(1);
    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 1 });
    const [leadId] = [...ids] as string[];
    const lead = await leadOf(leadId!);
    expect(lead.sources).toHaveLength(8);
    expect(new Set(lead.sources)).toEqual(new Set(sources.map((s) => s.id)));
    expect(lead.touches).toHaveLength(8);
  });

  it("makes a new lead of the same person arriving after the window, counted on its own day", async () => {
    const first = await createSource(h, "json");
    const second = await createSource(h, "json");
    const utmCampaign = `bags_${token()}`;
    const { campaignId } = await createCampaign(h, "yandex", utmCampaign);
    const gleb = person();
    const body = { contentType: "application/json", text: JSON.stringify({ externalId: token(), phone: gleb.phone, utm_source: "yandex", utm_campaign: utmCampaign }) };

    const before = await ok(postHook(h, first.key, body));
    h.setNow("2026-04-01T09:00:01Z"); // 30 days and a second later
    const after = await ok(postHook(h, second.key, body));
    h.setNow("2026-04-02T09:00:00Z");
    const third = await createSource(h, "json");
    const again = await ok(postHook(h, third.key, body));
    h.setNow("2026-03-02T09:00:00Z");

    expect(after.leads[0].id).not.toBe(before.leads[0].id);
    // The person's next arrival joins the newer lead: the claim moved to it.
    expect(again.leads[0]).toEqual({ id: after.leads[0].id, duplicate: false, linked: true });
    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 1 });
    expect(await countersOn(h, campaignId, "2026-04-01")).toMatchObject({ leads: 1 });
  });

  it("gives an unattributed lead the campaign of the same person's later attributed touch, moving its count", async () => {
    const site = await createSource(h, "json");
    const landing = await createSource(h, "json");
    const utmCampaign = `bags_${token()}`;
    const { campaignId, hypothesisId } = await createCampaign(h, "yandex", utmCampaign);
    const dina = person();
    const unattributedBefore = (await countersOn(h, null, DAY)).leads;

    const plain = await ok(postHook(h, site.key, { contentType: "application/json", text: JSON.stringify({ externalId: token(), email: dina.email }) }));
    expect((await countersOn(h, null, DAY)).leads).toBe(unattributedBefore + 1);
    const tagged = await ok(
      postHook(h, landing.key, { contentType: "application/json", text: JSON.stringify({ externalId: token(), name: "Дина", email: dina.email, utm_source: "yandex", utm_campaign: utmCampaign }) }),
    );

    expect(tagged.leads[0]).toEqual({ id: plain.leads[0].id, duplicate: false, linked: true });
    expect((await countersOn(h, null, DAY)).leads).toBe(unattributedBefore);
    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 1 });
    expect(await leadOf(plain.leads[0].id)).toMatchObject({ campaignId, hypothesisId, contact: { name: "Дина", email: dina.email }, utm: { campaign: utmCampaign } });
    expect((await h.call("GET", `/api/leads?hypothesisId=${hypothesisId}`)).body.items.map((l: any) => l.id)).toEqual([plain.leads[0].id]);
  });

  it("keeps the first attributed touch's campaign when a later touch names another", async () => {
    const a = await createSource(h, "json");
    const b = await createSource(h, "json");
    const first = await createCampaign(h, "yandex", `bags_${token()}`);
    const second = await createCampaign(h, "vk", `bags_${token()}`);
    const egor = person();
    const send = (source: { key: string }, utm: Record<string, string>) =>
      ok(postHook(h, source.key, { contentType: "application/json", text: JSON.stringify({ externalId: token(), phone: egor.phone, ...utm }) }));

    const one = await send(a, first.utm);
    const two = await send(b, second.utm);
    expect(two.leads[0].id).toBe(one.leads[0].id);
    const lead = await leadOf(one.leads[0].id);
    expect(lead.campaignId).toBe(first.campaignId);
    expect(lead.touches.map((t: any) => t.campaignId)).toEqual([first.campaignId, second.campaignId]);
    expect(await countersOn(h, second.campaignId, DAY)).toMatchObject({ leads: 0 });
  });

  it("keeps a second enquiry from the same source a lead of its own", async () => {
    const source = await createSource(h, "json");
    const fedor = person();
    const send = () => ok(postHook(h, source.key, { contentType: "application/json", text: JSON.stringify({ externalId: token(), phone: fedor.phone }) }));
    const one = await send();
    const two = await send();
    expect(two.leads[0].id).not.toBe(one.leads[0].id);
  });
});

