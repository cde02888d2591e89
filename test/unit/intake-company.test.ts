import { describe, expect, it } from "vitest";
import { parseDelivery } from "../../packages/core/src/intake/parse-delivery.js";

const json = (body: unknown) => parseDelivery("json", { contentType: "application/json", text: JSON.stringify(body) }).leads[0]!;
const form = (format: "json" | "tilda" | "amocrm", pairs: Array<[string, string]>) =>
  parseDelivery(format, { contentType: "application/x-www-form-urlencoded", text: new URLSearchParams(pairs).toString() }).leads[0]!;

describe("the client's company on a lead", () => {
  it("reads the json shape's company object, or a flat company name and inn", () => {
    expect(json({ name: "Анна", company: { name: ' ООО  "Ромашка" ', inn: "77 0123 4567" } }).company).toEqual({ name: 'ООО "Ромашка"', inn: "7701234567" });
    expect(json({ name: "Анна", company: "ИП Петров", inn: 770123456789 }).company).toEqual({ name: "ИП Петров", inn: "770123456789" });
    expect(json({ name: "Анна", company: { name: "Ромашка" }, inn: "7701234567" }).company).toEqual({ name: "Ромашка", inn: "7701234567" });
    expect(form("json", [["name", "Анна"], ["company", "Ромашка"], ["inn", "7701234567"]]).company).toEqual({ name: "Ромашка", inn: "7701234567" });
  });

  it("keeps an INN that is not 10 or 12 digits as the sender wrote it, without refusing the lead", () => {
    expect(json({ phone: "+79161234567", company: { inn: "77-01 23" } }).company).toEqual({ name: null, inn: "77-01 23" });
  });

  it("leaves the company out when none was sent, and takes a lead that has nothing but a company", () => {
    expect(json({ name: "Анна", company: { name: " ", inn: null } })).not.toHaveProperty("company");
    expect(json({ name: "Анна" })).not.toHaveProperty("company");
    expect(json({ company: "Ромашка" }).company).toEqual({ name: "Ромашка", inn: null });
  });

  it("refuses a company that is neither a name nor an object", () => {
    expect(() => json({ name: "Анна", company: ["Ромашка"] })).toThrow(/company/);
  });

  it("reads Tilda fields named Компания / Company and ИНН / INN in any case", () => {
    expect(form("tilda", [["Name", "Анна"], ["КОМПАНИЯ", "Ромашка"], ["инн", "7701234567"], ["tranid", "1"]]).company).toEqual({ name: "Ромашка", inn: "7701234567" });
    expect(form("tilda", [["Name", "Анна"], ["Company", "Acme"], ["INN", "7701234567"], ["tranid", "2"]]).company).toEqual({ name: "Acme", inn: "7701234567" });
    expect(form("tilda", [["Name", "Анна"], ["tranid", "3"]])).not.toHaveProperty("company");
  });

  it("reads an amoCRM deal's custom fields ИНН and Компания", () => {
    const lead = form("amocrm", [
      ["leads[add][0][id]", "31245678"],
      ["leads[add][0][custom_fields][0][name]", "ИНН"],
      ["leads[add][0][custom_fields][0][values][0][value]", "7701234567"],
      ["leads[add][0][custom_fields][1][name]", "Компания"],
      ["leads[add][0][custom_fields][1][values][0][value]", "ООО Ромашка"],
    ]);
    expect(lead.company).toEqual({ name: "ООО Ромашка", inn: "7701234567" });
  });
});
