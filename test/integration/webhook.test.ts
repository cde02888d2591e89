import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { countersOn, createCampaign, createSource, fixtureWith, postHook, token } from "../support/intake.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T22:30:00Z" }); // 01:30 on March 3 in Moscow
});

describe("webhook: Tilda", () => {
  it("captures a Tilda form with its contact, UTM labels and campaign, counted on the Moscow arrival day", async () => {
    const campaign = token();
    const { campaignId, hypothesisId } = await createCampaign(h, "Yandex", campaign);
    const tilda = await createSource(h, "tilda");

    const res = await postHook(h, tilda.key, fixtureWith("tilda-form.txt", { bags_spring_2025: campaign, "3148702741": token() }));
    expect(res.status).toBe(200);
    expect(res.body.leads).toEqual([{ id: expect.any(String), duplicate: false }]);

    const lead = (await h.call("GET", `/api/leads/${res.body.leads[0].id}`)).body;
    expect(lead).toMatchObject({
      sourceId: tilda.id,
      contact: { name: "Анна Смирнова", phone: "+79161234567", email: "anna.smirnova@example.ru" },
      utm: { source: "yandex", medium: "cpc", campaign, term: "сумки кожаные" },
      clickIds: { yclid: "7243189051234567890" },
      campaignId,
      hypothesisId,
      contractorId: null,
      stage: "new",
      cohortDay: "2026-03-03",
      createdAt: "2026-03-02T22:30:00.000Z",
    });
    expect(lead.landingUrl).toContain("https://sumki-shop.ru/sale?");
    expect(await countersOn(h, campaignId, "2026-03-03")).toMatchObject({ leads: 1, contacted: 0, won: 0 });
  });

  it("answers Tilda's connection test with a plain ok and creates nothing", async () => {
    const tilda = await createSource(h, "tilda");
    const before = (await h.call("GET", "/api/leads?unattributed=true&limit=200")).body.items.length;
    const res = await postHook(h, tilda.key, fixtureWith("tilda-test.txt"));
    expect(res.status).toBe(200);
    expect(res.text).toBe("ok");
    expect((await h.call("GET", "/api/leads?unattributed=true&limit=200")).body.items.length).toBe(before);
  });

  it("takes Tilda's JSON format too, reading UTMs from its cookie field", async () => {
    const tilda = await createSource(h, "tilda");
    const res = await postHook(h, tilda.key, fixtureWith("tilda-json.json", { "3148702742": token() }));
    expect(res.status).toBe(200);
    const lead = (await h.call("GET", `/api/leads/${res.body.leads[0].id}`)).body;
    expect(lead).toMatchObject({ contact: { name: "Ольга Петрова", phone: "+79167654321" }, utm: { source: "vk", campaign: "retarget_may", term: "подарок" } });
  });

  it("keeps a lead whose URL and percent-encoding are broken, with what could be read", async () => {
    const tilda = await createSource(h, "tilda");
    const body = `Name=%D0%98%D1%80%D0%B8%D0%BD%D0%B0+%D0%&Phone=8+916+000-11-22&referer=https%3A%2F%2Fsumki-shop.ru%2F%3Futm_source%3Dvk%26utm_campaign%3D%25E0%25A4%25A%26utm_term%3D%25D1%2581%25&tranid=${token()}`;
    const res = await postHook(h, tilda.key, { contentType: "application/x-www-form-urlencoded", text: body });
    expect(res.status).toBe(200);
    const lead = (await h.call("GET", `/api/leads/${res.body.leads[0].id}`)).body;
    expect(lead.contact.phone).toBe("+79160001122");
    expect(lead.contact.name).toContain("Ирина");
    expect(lead.utm).toMatchObject({ source: "vk", campaign: "%E0%A4%A", term: "с%" });
    expect(lead.campaignId).toBeNull();
  });
});

describe("webhook: json and amoCRM sources", () => {
  it("captures a lead in Parom's JSON shape, keeping the sender's extra fields out of the way", async () => {
    const { campaignId } = await createCampaign(h, "google", "backpacks_search");
    const source = await createSource(h, "json");
    // Another person than the Tilda sample's (same phone from another source would be one lead with it).
    const res = await postHook(h, source.key, fixtureWith("json-lead.json", { "123-45-67": "555-01-23" }));
    expect(res.status).toBe(200);
    const lead = (await h.call("GET", `/api/leads/${res.body.leads[0].id}`)).body;
    expect(lead).toMatchObject({
      externalId: "site-2025-05-01-000123",
      contact: { name: "Иван Кузнецов", phone: "+79165550123" },
      utm: { source: "google", campaign: "backpacks_search", term: "рюкзак городской" },
      campaignId,
      referrer: "https://www.google.com/",
    });
  });

  it("takes the json shape form-encoded as well", async () => {
    const source = await createSource(h, "json");
    const res = await postHook(h, source.key, fixtureWith("json-lead-form.txt"));
    expect(res.status).toBe(200);
    const lead = (await h.call("GET", `/api/leads/${res.body.leads[0].id}`)).body;
    expect(lead).toMatchObject({ contact: { phone: "+79031234567", email: "maria.sokolova@example.ru" }, utm: { source: "yandex", term: "клатч вечерний" } });
  });

  it("captures every lead of an amoCRM leads[add] call under its CRM id", async () => {
    const campaign = token();
    const { campaignId } = await createCampaign(h, "yandex", campaign);
    const amo = await createSource(h, "amocrm");
    const res = await postHook(h, amo.key, fixtureWith("amocrm-lead-add.txt", { bags_spring_2025: campaign }));
    expect(res.status).toBe(200);
    expect(res.body.leads).toHaveLength(2);
    const [first, second] = await Promise.all(res.body.leads.map((l: any) => h.call("GET", `/api/leads/${l.id}`).then((r) => r.body)));
    expect(first).toMatchObject({ externalId: "31245678", campaignId, utm: { term: "сумки кожаные" } });
    expect(second).toMatchObject({ externalId: "31245702", campaignId: null, utm: { source: "google", campaign: "brand_search" } });
  });

  it("moves a captured amoCRM lead to won with its price when the CRM reports status 142", async () => {
    const campaign = token();
    const { campaignId } = await createCampaign(h, "yandex", campaign);
    const amo = await createSource(h, "amocrm");
    const added = await postHook(h, amo.key, fixtureWith("amocrm-lead-add.txt", { bags_spring_2025: campaign }));
    const leadId = added.body.leads[0].id;

    const res = await postHook(h, amo.key, fixtureWith("amocrm-status-won.txt"));
    expect(res.status).toBe(200);
    expect(res.body.statusChanges).toEqual([expect.objectContaining({ externalId: "31245678", leadId, outcome: "applied" })]);
    expect((await h.call("GET", `/api/leads/${leadId}`)).body).toMatchObject({ stage: "won", amount: "15000.00" });
    expect(await countersOn(h, campaignId, "2026-03-03")).toMatchObject({ leads: 1, won: 1, revenue: 1_500_000 });
  });
});

describe("webhook: the door itself", () => {
  it("answers 404 to a key no source was given, without an API key being involved", async () => {
    const res = await postHook(h, "not-a-real-key-0000000000000000", fixtureWith("tilda-form.txt"));
    expect(res.status).toBe(404);
    expect(res.body.error).toBe("not_found");
  });

  it("refuses a body over 256 KiB with 413", async () => {
    const tilda = await createSource(h, "tilda");
    const res = await postHook(h, tilda.key, { contentType: "application/x-www-form-urlencoded", text: `Name=x&Comments=${"a".repeat(256 * 1024)}` });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe("payload_too_large");
  });

  it("needs no bearer key and ignores one that is sent", async () => {
    const tilda = await createSource(h, "tilda");
    const res = await h.call("POST", `/hooks/${tilda.key}`, undefined, {
      key: "whatever",
      raw: `Name=Test&Phone=89160000000&tranid=${token()}`,
      contentType: "application/x-www-form-urlencoded",
    });
    expect(res.status).toBe(200);
  });
});
