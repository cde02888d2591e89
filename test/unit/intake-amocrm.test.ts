import { describe, expect, it } from "vitest";
import { decodeBracketFields } from "../../packages/core/src/intake/bracket-fields.js";
import { parseFormPairs } from "../../packages/core/src/intake/form-encoding.js";
import { parseDelivery } from "../../packages/core/src/intake/parse-delivery.js";
import { invalid, webhookFixture } from "../fixtures/webhooks/read.js";

const amo = (pairs: Array<[string, string]>) =>
  parseDelivery("amocrm", { contentType: "application/x-www-form-urlencoded", text: new URLSearchParams(pairs).toString() });

describe("amoCRM webhooks", () => {
  it("turns leads[add] into leads keyed by the amoCRM id, UTMs from custom fields by name or code", () => {
    const delivery = parseDelivery("amocrm", webhookFixture("amocrm-lead-add.txt"));
    expect(delivery).toEqual({
      test: false,
      statusChanges: [],
      contacts: [],
      leads: [
        {
          externalId: "31245678",
          contact: { name: null, phone: null, email: null },
          // utm_campaign is matched by name only, utm_term ("Ключевая фраза") by its code UTM_TERM
          utm: { source: "yandex", medium: "cpc", campaign: "bags_spring_2025", content: "ad_42", term: "сумки кожаные" },
          clickIds: { yclid: "7243189051234567890" },
          landingUrl: null,
          referrer: "https://yandex.ru/",
          crm: { responsibleUserId: "8123456", pipelineId: "7654321" },
        },
        {
          externalId: "31245702",
          contact: { name: null, phone: null, email: null },
          utm: { source: "google", medium: "cpc", campaign: "brand_search", content: null, term: "сумка женская" },
          clickIds: { gclid: "EAIaIQobChMI8rKx3Yb2hQMVh5BoCR0x2wZyEAAYASAAEgJk9fD_BwE" },
          landingUrl: null,
          referrer: null,
          crm: { responsibleUserId: "8123456", pipelineId: "7654321" },
        },
      ],
    });
  });

  it("turns leads[status] into status changes with the deal price, pipeline and loss reason", () => {
    expect(parseDelivery("amocrm", webhookFixture("amocrm-status-won.txt"))).toEqual({
      test: false,
      leads: [],
      contacts: [],
      statusChanges: [{ externalId: "31245678", statusId: "142", price: "15000", lossReasonId: null, pipelineId: "7654321" }],
      // The deal's responsible CRM user, which hands the lead to that user's person (lead/crm-responsible.ts).
      responsibles: [{ externalId: "31245678", responsibleUserId: "8123456" }],
    });
    expect(parseDelivery("amocrm", webhookFixture("amocrm-status-lost.txt")).statusChanges).toEqual([
      { externalId: "31245702", statusId: "143", price: "0", lossReasonId: null, pipelineId: "7654321" },
    ]);
    expect(parseDelivery("amocrm", webhookFixture("amocrm-status-lost-reason.txt")).statusChanges).toEqual([
      { externalId: "31245702", statusId: "143", price: "0", lossReasonId: "7656397", pipelineId: "7654321" },
    ]);
  });

  it("reads a leads[update] that only names another responsible user as a change of hands, not a status change", () => {
    const delivery = parseDelivery("amocrm", {
      contentType: "application/x-www-form-urlencoded",
      text: "leads%5Bupdate%5D%5B0%5D%5Bid%5D=77&leads%5Bupdate%5D%5B0%5D%5Bresponsible_user_id%5D=6100002",
    });
    expect(delivery.statusChanges).toEqual([]);
    expect(delivery.responsibles).toEqual([{ externalId: "77", responsibleUserId: "6100002" }]);
  });

  it("reads loss_reason_id 0 as no reason, as amoCRM sends it for a loss without one", () => {
    const [change] = amo([
      ["leads[status][0][id]", "7"],
      ["leads[status][0][status_id]", "143"],
      ["leads[status][0][loss_reason_id]", "0"],
    ]).statusChanges;
    expect(change).toMatchObject({ statusId: "143", lossReasonId: null, pipelineId: null });
  });

  it("turns contacts[add] into the person of its linked deals: name, phone in E.164, e-mail", () => {
    expect(parseDelivery("amocrm", webhookFixture("amocrm-contact-add.txt"))).toEqual({
      test: false,
      leads: [],
      statusChanges: [],
      contacts: [
        {
          contactId: "29876001",
          contact: { name: "Анна Смирнова", phone: "+79161234567", email: "Anna.Smirnova@example.ru" },
          linkedExternalIds: ["31245678"],
        },
      ],
    });
  });

  it("reads linked deals as a list too, the first phone that is a number, and skips companies", () => {
    const { contacts } = amo([
      ["contacts[update][0][id]", "501"],
      ["contacts[update][0][name]", "Пётр"],
      ["contacts[update][0][custom_fields][0][code]", "PHONE"],
      ["contacts[update][0][custom_fields][0][values][0][value]", "доб. 12"],
      ["contacts[update][0][custom_fields][0][values][1][value]", "8 903 555 44 33"],
      ["contacts[update][0][linked_leads_id][0]", "77"],
      ["contacts[update][0][linked_leads_id][1]", "78"],
      ["contacts[add][0][id]", "502"],
      ["contacts[add][0][type]", "company"],
      ["contacts[add][0][name]", "ООО Ромашка"],
    ]);
    expect(contacts).toEqual([{ contactId: "501", contact: { name: "Пётр", phone: "+79035554433", email: null }, linkedExternalIds: ["77", "78"] }]);
  });

  it("refuses a contact without its id and a deal id too long to be amoCRM's, with 422 naming each", () => {
    expect(() => amo([["contacts[add][0][name]", "Без id"]])).toThrow(invalid(422, "contacts.add.0.id"));
    expect(() => amo([["leads[add][0][id]", "9".repeat(201)]])).toThrow(invalid(422, "leads.add.0.id"));
  });

  it("counts leads[update] as a status change only when it carries status_id, once per lead and status", () => {
    const delivery = amo([
      ["leads[status][0][id]", "7"],
      ["leads[status][0][status_id]", "142"],
      ["leads[status][0][price]", ""],
      ["leads[update][0][id]", "7"],
      ["leads[update][0][status_id]", "142"],
      ["leads[update][1][id]", "8"],
      ["leads[update][1][name]", "renamed deal"],
      ["leads[update][2][id]", "9"],
      ["leads[update][2][status_id]", "55512346"],
      ["leads[update][2][price]", "1 500"],
    ]);
    expect(delivery.statusChanges).toEqual([
      { externalId: "7", statusId: "142", price: null, lossReasonId: null, pipelineId: null },
      { externalId: "9", statusId: "55512346", price: "1 500", lossReasonId: null, pipelineId: null },
    ]);
  });

  it("reads contacts from lead custom fields coded PHONE and EMAIL", () => {
    const [lead] = amo([
      ["leads[add][0][id]", "10"],
      ["leads[add][0][custom_fields][0][name]", "Телефон"],
      ["leads[add][0][custom_fields][0][code]", "PHONE"],
      ["leads[add][0][custom_fields][0][values][0][value]", "8 (903) 123-45-67"],
      ["leads[add][0][custom_fields][0][values][0][enum]", "114611"],
      ["leads[add][0][custom_fields][1][code]", "EMAIL"],
      ["leads[add][0][custom_fields][1][values][0][value]", "client@example.ru"],
    ]).leads;
    expect(lead!.contact).toEqual({ name: null, phone: "+79031234567", email: "client@example.ru" });
  });

  it("reads a JSON body of the same shape", () => {
    const text = JSON.stringify({
      leads: {
        add: [{ id: 11, custom_fields: [{ name: "utm_source", values: [{ value: "vk" }] }, { code: "UTM_TERM", values: ["сумки"] }] }],
        status: [{ id: 12, status_id: 142, price: 2500 }],
      },
      account: { subdomain: "shop" },
    });
    const delivery = parseDelivery("amocrm", { contentType: "application/json", text });
    expect(delivery.leads[0]).toMatchObject({ externalId: "11", utm: { source: "vk", term: "сумки" } });
    expect(delivery.statusChanges).toEqual([{ externalId: "12", statusId: "142", price: "2500", lossReasonId: null, pipelineId: null }]);
  });

  it("ignores events about other entities", () => {
    expect(amo([["tasks[add][0][id]", "5"], ["leads[delete][0][id]", "6"], ["account[subdomain]", "shop"]])).toEqual({
      test: false,
      leads: [],
      statusChanges: [],
      contacts: [],
    });
  });

  it("refuses lead events without their ids with 422 naming each", () => {
    expect(() => amo([["leads[add][0][name]", "no id"]])).toThrow(invalid(422, "leads.add.0.id"));
    expect(() => amo([["leads[status][0][id]", "7"]])).toThrow(invalid(422, "leads.status.0.status_id"));
    expect(() => amo([["leads[status][0][status_id]", "142"]])).toThrow(invalid(422, "leads.status.0.id"));
  });

  it("refuses a body that is not amoCRM's at all with 422", () => {
    expect(() => amo([["id", "7"], ["status_id", "142"]])).toThrow(invalid(422, "(body)"));
    expect(() => parseDelivery("amocrm", { contentType: "application/json", text: '{"leads": 5}' })).toThrow(invalid(422, "(body)"));
  });
});

describe("decodeBracketFields", () => {
  it("nests bracket keys, keeping sparse numeric keys", () => {
    const tree = decodeBracketFields(
      parseFormPairs("contacts%5Bupdate%5D%5B0%5D%5Blinked_leads_id%5D%5B9982719%5D%5BID%5D=9982719&account%5Bsubdomain%5D=apfitness&plain=1"),
    );
    expect(JSON.parse(JSON.stringify(tree))).toEqual({
      contacts: { update: { "0": { linked_leads_id: { "9982719": { ID: "9982719" } } } } },
      account: { subdomain: "apfitness" },
      plain: "1",
    });
  });

  it("keeps the first filled duplicate and drops keys that clash with a value already set", () => {
    const tree = decodeBracketFields([
      ["a[x]", ""],
      ["a[x]", "first"],
      ["a[x]", "second"],
      ["note[type]", "3"],
      ["note[type][message_uuid]", "70f31734"],
      ["b[c][d]", "deep"],
      ["b[c]", "flat"],
    ]);
    expect(JSON.parse(JSON.stringify(tree))).toEqual({ a: { x: "first" }, note: { type: "3" }, b: { c: { d: "deep" } } });
  });

  it("treats malformed bracket names as plain keys and never touches Object.prototype", () => {
    const tree = decodeBracketFields([
      ["a[b", "1"],
      ["a]b[", "2"],
      ["[x]", "3"],
      ["__proto__[polluted]", "yes"],
      ["leads[constructor][prototype][polluted]", "yes"],
    ]);
    expect(tree["a[b"]).toBe("1");
    expect(tree["a]b["]).toBe("2");
    expect(tree[""]).toEqual(expect.objectContaining({ x: "3" }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
