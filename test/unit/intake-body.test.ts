import { describe, expect, it } from "vitest";
import { parseDelivery } from "../../packages/core/src/intake/parse-delivery.js";
import { invalid } from "../fixtures/webhooks/read.js";

describe("reading webhook bodies", () => {
  it("refuses malformed JSON with 400", () => {
    for (const format of ["tilda", "amocrm", "json"] as const) {
      expect(() => parseDelivery(format, { contentType: "application/json", text: '{"name": "Анна",' })).toThrow(invalid(400, "(body)"));
    }
    expect(() => parseDelivery("json", { contentType: "application/json", text: "" })).toThrow(invalid(400, "(body)"));
  });

  it.each(['["Анна"]', "null", '"Анна"', "42"])("refuses a JSON body that is not an object with 400: %s", (text) => {
    expect(() => parseDelivery("json", { contentType: "application/json", text })).toThrow(invalid(400, "(body)"));
  });

  it.each(["text/plain", "multipart/form-data; boundary=x", "application/xml"])("refuses Content-Type %s with 400", (contentType) => {
    expect(() => parseDelivery("tilda", { contentType, text: "Name=Anna&tranid=1" })).toThrow(invalid(400, "(content-type)"));
  });

  it("reads Content-Type case-insensitively, with parameters and +json suffixes", () => {
    const lead = { contentType: "Application/JSON; charset=UTF-8", text: '{"name":"Анна"}' };
    expect(parseDelivery("json", lead).leads[0]!.contact.name).toBe("Анна");
    expect(parseDelivery("json", { contentType: "application/vnd.lead+json", text: '{"name":"Анна"}' }).leads).toHaveLength(1);
    expect(parseDelivery("tilda", { contentType: "APPLICATION/X-WWW-FORM-URLENCODED;charset=utf-8", text: "Name=Anna" }).leads).toHaveLength(1);
  });

  it("tells JSON from a form by the body when there is no Content-Type", () => {
    expect(parseDelivery("json", { contentType: undefined, text: ' {"name":"Анна"}' }).leads[0]!.contact.name).toBe("Анна");
    expect(parseDelivery("json", { contentType: undefined, text: "name=Anna" }).leads[0]!.contact.name).toBe("Anna");
    expect(parseDelivery("tilda", { contentType: "", text: "test=test" }).test).toBe(true);
  });

  it("ignores a UTF-8 byte order mark before JSON", () => {
    expect(parseDelivery("json", { contentType: "application/json", text: '\uFEFF{"name":"Анна"}' }).leads).toHaveLength(1);
  });
});
