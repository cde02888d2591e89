import { describe, expect, it } from "vitest";
import { parseDelivery } from "../../packages/core/src/intake/parse-delivery.js";
import { invalid, webhookFixture } from "../fixtures/webhooks/read.js";

const FORM = "application/x-www-form-urlencoded";
const tilda = (text: string, contentType: string = FORM) => parseDelivery("tilda", { contentType, text });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe("Tilda webhooks", () => {
  it("answers the connection test test=test without a lead", () => {
    expect(parseDelivery("tilda", webhookFixture("tilda-test.txt"))).toEqual({ test: true, leads: [], statusChanges: [] });
    expect(tilda('{"test":"test"}', "application/json")).toEqual({ test: true, leads: [], statusChanges: [] });
  });

  it("reads a form post: tranid, contact, UTMs from hidden fields, the page URL and the TILDAUTM cookie", () => {
    const delivery = parseDelivery("tilda", webhookFixture("tilda-form.txt"));
    expect(delivery).toEqual({
      test: false,
      statusChanges: [],
      leads: [
        {
          externalId: "6190123:3148702741",
          contact: { name: "Анна Смирнова", phone: "+79161234567", email: "anna.smirnova@example.ru" },
          // source and medium from hidden fields, campaign and term from the page URL, content only in the cookie
          utm: { source: "yandex", medium: "cpc", campaign: "bags_spring_2025", content: "ad_42", term: "сумки кожаные" },
          clickIds: { yclid: "7243189051234567890" },
          landingUrl:
            "https://sumki-shop.ru/sale?utm_source=yandex&utm_medium=cpc&utm_campaign=bags_spring_2025&utm_term=%D1%81%D1%83%D0%BC%D0%BA%D0%B8+%D0%BA%D0%BE%D0%B6%D0%B0%D0%BD%D1%8B%D0%B5&yclid=7243189051234567890",
          referrer: null,
        },
      ],
    });
  });

  it("reads a JSON post with Russian field names, UTMs from the cookie and a gclid from the page URL", () => {
    const [lead] = parseDelivery("tilda", webhookFixture("tilda-json.json")).leads;
    expect(lead).toMatchObject({
      externalId: "6190123:3148702742",
      contact: { name: "Ольга Петрова", phone: "+79167654321", email: "olga.petrova@example.ru" },
      utm: { source: "vk", medium: "cpc", campaign: "retarget_may", content: null, term: "подарок" },
      clickIds: { gclid: "Cj0KCQjw9Km3BhDjARIsAGUb4nwXk8Vd3pQ7mZ1rT5yH2sLq0aB_cDeFgHiJkLmNoPqEALw_wcB" },
    });
  });

  it("matches field names in any case", () => {
    const [lead] = tilda(form({ NAME: "Анна", phone: "89161234567", "E-mail": "a@example.ru", TRANID: "1:2" })).leads;
    expect(lead).toMatchObject({ externalId: "1:2", contact: { name: "Анна", phone: "+79161234567", email: "a@example.ru" } });
  });

  it("keeps a phone it cannot normalize as the visitor typed it", () => {
    const [lead] = tilda(form({ Phone: "  8 916 123-45-67 доб. 5 ", tranid: "1:3" })).leads;
    expect(lead!.contact.phone).toBe("8 916 123-45-67 доб. 5");
  });

  it("takes the first filled value of a duplicated field and ignores empty ones", () => {
    const [lead] = tilda("Name=&Name=%D0%90%D0%BD%D0%BD%D0%B0&Name=%D0%91%D0%BE%D1%80%D0%B8%D1%81&Phone=&tranid=1:4").leads;
    expect(lead!.contact).toEqual({ name: "Анна", phone: null, email: null });
  });

  it("reads + as a space and keeps an encoded + in values", () => {
    const [lead] = tilda("Name=Anna+Maria&utm_term=c%2B%2B+courses&tranid=1:5").leads;
    expect(lead!.contact.name).toBe("Anna Maria");
    expect(lead!.utm.term).toBe("c++ courses");
  });

  it("prefers a hidden utm field over the page URL, label by label", () => {
    const body = form({
      tranid: "1:6",
      utm_campaign: "from_field",
      referer: "https://shop.ru/?utm_source=from_url&utm_campaign=ignored",
      COOKIES: `TILDAUTM=${encodeURIComponent("utm_source=ignored|||utm_medium=from_cookie|||")}`,
    });
    expect(tilda(body).leads[0]!.utm).toEqual({ source: "from_url", medium: "from_cookie", campaign: "from_field", content: null, term: null });
  });

  it("keeps the lead when the page URL and an escape are malformed", () => {
    const body = "Name=Anna&tranid=1:7&referer=ht%3Atp%3A%2F%2F%3Futm_source%3Dvk%26utm_term%3D%25E0%25A4%25A&utm_content=%E0%A4%A";
    const [lead] = tilda(body).leads;
    expect(lead).toMatchObject({ externalId: "1:7", contact: { name: "Anna" }, landingUrl: "ht:tp://?utm_source=vk&utm_term=%E0%A4%A" });
    expect(lead!.utm).toMatchObject({ source: "vk", term: "%E0%A4%A", content: "%E0%A4%A" });
  });

  it("keeps huge and odd values whole", () => {
    const comment = "ж".repeat(40_000); // about 240 KB encoded, near the 256 KiB body limit
    const cookies = `${"x=1; ".repeat(5_000)}TILDAUTM=${encodeURIComponent("utm_source=vk|||")}`;
    const [lead] = tilda(form({ Name: `  ${"Анна ".repeat(2_000)} `, Comments: comment, COOKIES: cookies, tranid: "1:8", "💡": "🙂" })).leads;
    expect(lead!.contact.name).toHaveLength("Анна ".repeat(2_000).trim().length);
    expect(lead!.utm.source).toBe("vk");
  });

  it("refuses a form with no lead in it with 422", () => {
    for (const body of ["", "Comments=hello&formid=form1", "Name=+++&Phone=&Email=", "test=other"]) {
      expect(() => tilda(body)).toThrow(invalid(422, "(body)"));
    }
  });

  it("treats test=test with a tranid as a real submission", () => {
    expect(tilda("test=test&tranid=1:9&Name=Anna")).toMatchObject({ test: false, leads: [{ externalId: "1:9" }] });
  });
});
