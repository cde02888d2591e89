import { describe, expect, it } from "vitest";
import { parseDelivery } from "../../packages/core/src/intake/parse-delivery.js";
import { invalid, webhookFixture } from "../fixtures/webhooks/read.js";

const json = (body: unknown) => parseDelivery("json", { contentType: "application/json", text: JSON.stringify(body) });

describe("json webhooks", () => {
  it("reads a lead with nested utm, flat utm_* fields, its landing URL and extra sender fields", () => {
    expect(parseDelivery("json", webhookFixture("json-lead.json"))).toEqual({
      test: false,
      statusChanges: [],
      leads: [
        {
          externalId: "site-2025-05-01-000123",
          contact: { name: "Иван Кузнецов", phone: "+79161234567", email: "ivan.kuznetsov@example.ru" },
          // source and medium nested, campaign flat, content and term from the URL
          utm: { source: "google", medium: "cpc", campaign: "backpacks_search", content: "ad_7", term: "рюкзак городской" },
          clickIds: { gclid: "Cj0KCQjw9Km3BhDjARIsAGUb4nwXk8Vd3pQ7mZ1rT5yH2sLq0aB_cDeFgHiJkLmNoPqEALw_wcB" },
          landingUrl: expect.stringContaining("https://sumki-shop.ru/landing/backpacks?utm_source=google"),
          referrer: "https://www.google.com/",
        },
      ],
    });
  });

  it("reads the same flat fields from a form post", () => {
    const [lead] = parseDelivery("json", webhookFixture("json-lead-form.txt")).leads;
    expect(lead).toMatchObject({
      externalId: "site-2025-05-02-000457",
      contact: { name: "Мария Соколова", phone: "+79031234567", email: "maria.sokolova@example.ru" },
      utm: { source: "yandex", medium: "cpc", campaign: "clutch_may", content: null, term: "клатч вечерний" },
      clickIds: { yclid: "9182736450123456789" },
    });
  });

  it("prefers the nested utm object over flat fields, then the URL, then the referrer", () => {
    const [lead] = json({
      externalId: "x-1",
      utm: { source: "nested", medium: null },
      utm_source: "flat",
      utm_medium: "flat",
      url: "https://shop.ru/?utm_medium=url&utm_campaign=url",
      referrer: "https://partner.ru/?utm_campaign=ref&utm_content=ref&yclid=ref-y",
      yclid: "field-y",
    }).leads;
    expect(lead!.utm).toEqual({ source: "nested", medium: "flat", campaign: "url", content: "ref", term: null });
    expect(lead!.clickIds).toEqual({ yclid: "field-y" });
  });

  it("decodes a UTM value sent still URL-encoded and trims it", () => {
    const [lead] = json({ name: "Анна", utm: { term: " %D1%81%D1%83%D0%BC%D0%BA%D0%B8+%D0%BA%D0%BE%D0%B6%D0%B0%D0%BD%D1%8B%D0%B5 " }, utm_content: "c++ курсы" }).leads;
    expect(lead!.utm).toMatchObject({ term: "сумки кожаные", content: "c++ курсы" });
  });

  it("accepts numbers for ids and phones", () => {
    const [lead] = json({ externalId: 42, phone: 79161234567 }).leads;
    expect(lead).toMatchObject({ externalId: "42", contact: { phone: "+79161234567" } });
  });

  it("keeps the lead when its URL is malformed", () => {
    const [lead] = json({ externalId: "x-2", url: "not a url?utm_source=vk&utm_term=%E0%A4%A" }).leads;
    expect(lead).toMatchObject({ landingUrl: "not a url?utm_source=vk&utm_term=%E0%A4%A", utm: { source: "vk", term: "%E0%A4%A" } });
  });

  it("treats null and blank fields as missing", () => {
    const [lead] = json({ externalId: "  ", name: null, phone: "", email: "a@example.ru", utm: null, url: "" }).leads;
    expect(lead).toMatchObject({ externalId: null, contact: { name: null, phone: null, email: "a@example.ru" }, landingUrl: null });
  });

  it.each([
    [{ name: "Анна", utm: "yandex" }, "utm"],
    [{ name: "Анна", utm: { source: ["yandex"] } }, "utm.source"],
    [{ name: { first: "Анна" } }, "name"],
    [{ name: "Анна", phone: true }, "phone"],
    [{ name: "Анна", utm_term: { value: "x" } }, "utm_term"],
  ])("refuses a field of the wrong type with 422 naming it: %j", (body, path) => {
    expect(() => json(body)).toThrow(invalid(422, path));
  });

  it("refuses a lead with none of externalId, name, phone, email with 422", () => {
    expect(() => json({ utm: { source: "vk" }, url: "https://shop.ru/?utm_source=vk", comment: "hi" })).toThrow(invalid(422, "(body)"));
  });
});
