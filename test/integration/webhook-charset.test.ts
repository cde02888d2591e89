import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { createSource, token } from "../support/intake.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});

// Written as bytes: Node's TextDecoder reads these charsets but cannot write them.
/** "Иван Петров" in windows-1251. */
const IVAN_PETROV_1251 = [0xc8, 0xe2, 0xe0, 0xed, 0x20, 0xcf, 0xe5, 0xf2, 0xf0, 0xee, 0xe2];
/** "Иван Петров" in KOI8-R. */
const IVAN_PETROV_KOI8 = [0xe9, 0xd7, 0xc1, 0xce, 0x20, 0xf0, 0xc5, 0xd4, 0xd2, 0xcf, 0xd7];

/** A body of ASCII text and raw bytes, in order. */
const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))));
/** Each byte as a form's percent escape, as a PHP site in windows-1251 sends it (`+` for the space). */
const escaped = (codes: number[]) => codes.map((code) => (code === 0x20 ? "+" : `%${code.toString(16).toUpperCase()}`)).join("");

const post = (key: string, contentType: string | undefined, body: Buffer) => h.call("POST", `/hooks/${key}`, undefined, { key: null, raw: body, contentType });
const lead = async (id: string) => (await h.call("GET", `/api/leads/${id}`)).body;
const quarantinedFor = async (sourceId: string) => ((await h.call("GET", "/api/quarantine?limit=200")).body.items as any[]).filter((q) => q.sourceId === sourceId);
const leadsOf = async (sourceId: string) => ((await h.call("GET", "/api/leads?unattributed=true&limit=200")).body.items as any[]).filter((l) => l.sourceId === sourceId);

describe("webhook: declared charsets", () => {
  it("reads a windows-1251 Tilda form, whose percent escapes are windows-1251 bytes, with the Cyrillic name intact", async () => {
    const tilda = await createSource(h, "tilda");
    const body = bytes(`Name=${escaped(IVAN_PETROV_1251)}&Phone=%2B7+916+111-22-33&tranid=${token()}`);
    const res = await post(tilda.key, "application/x-www-form-urlencoded; charset=windows-1251", body);
    expect(res.status).toBe(200);
    expect((await lead(res.body.leads[0].id)).contact).toMatchObject({ name: "Иван Петров", phone: "+79161112233" });
  });

  it("reads a KOI8-R form sent as raw bytes, and takes cp1251 as a name for windows-1251", async () => {
    const tilda = await createSource(h, "tilda");
    const koi8 = await post(tilda.key, 'application/x-www-form-urlencoded; charset="KOI8-R"', bytes("Name=", IVAN_PETROV_KOI8, `&Phone=89161112234&tranid=${token()}`));
    expect(koi8.status).toBe(200);
    expect((await lead(koi8.body.leads[0].id)).contact.name).toBe("Иван Петров");

    const cp1251 = await post(tilda.key, "application/x-www-form-urlencoded;charset=cp1251", bytes("Name=", IVAN_PETROV_1251, `&Phone=89161112235&tranid=${token()}`));
    expect(cp1251.status).toBe(200);
    expect((await lead(cp1251.body.leads[0].id)).contact.name).toBe("Иван Петров");
  });

  it("reads a windows-1251 JSON body", async () => {
    const json = await createSource(h, "json");
    const body = bytes(`{"externalId":"${token()}","name":"`, IVAN_PETROV_1251, `","phone":"89161112236"}`);
    const res = await post(json.key, "application/json; charset=windows-1251", body);
    expect(res.status).toBe(200);
    expect((await lead(res.body.leads[0].id)).contact.name).toBe("Иван Петров");
  });

  it.each([
    ["no charset (so UTF-8)", "application/x-www-form-urlencoded"],
    ["a declared UTF-8 charset", "application/x-www-form-urlencoded; charset=utf-8"],
  ])("refuses and quarantines bytes that are not valid UTF-8 under %s, storing no lead", async (_, contentType) => {
    const tilda = await createSource(h, "tilda");
    const res = await post(tilda.key, contentType, bytes("Name=", IVAN_PETROV_1251, `&Phone=89161112237&tranid=${token()}`));
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "(body)", message: expect.stringContaining("not valid utf-8") }]);
    expect(res.body.message).toContain("an invalid byte sequence ends at byte 6");

    const [item, ...others] = await quarantinedFor(tilda.id);
    expect(others).toEqual([]);
    expect(item.error).toMatchObject({ error: "invalid_input", message: res.body.message });
    expect(item.body).toContain("Name=\uFFFD"); // shown lossily for people; never stored as a lead
    expect(await leadsOf(tilda.id)).toEqual([]);
  });

  it("refuses and quarantines a charset it does not know, naming content-type", async () => {
    const tilda = await createSource(h, "tilda");
    const res = await post(tilda.key, "application/x-www-form-urlencoded; charset=x-mac-klingon", bytes(`Name=Ivan&Phone=89161112238&tranid=${token()}`));
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "(content-type)", message: expect.stringContaining('charset "x-mac-klingon" is not supported') }]);
    expect((await quarantinedFor(tilda.id)).map((q) => q.error.message)).toEqual([res.body.message]);
    expect(await leadsOf(tilda.id)).toEqual([]);
  });

  it("shows a quarantined body on the list in its declared charset", async () => {
    const json = await createSource(h, "json");
    const res = await post(json.key, "application/json; charset=windows-1251", bytes('{"comment":"', IVAN_PETROV_1251, '"}'));
    expect(res.status).toBe(422); // read, but holds no lead
    expect((await quarantinedFor(json.id)).map((q) => q.body)).toEqual(['{"comment":"Иван Петров"}']);
  });
});
