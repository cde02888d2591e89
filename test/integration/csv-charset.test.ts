import { beforeAll, describe, expect, it } from "vitest";
import { OWNER_KEY } from "../support/harness.js";
import { createCampaign, token } from "../support/intake.js";
import { Browser, createWebHarness, expectPage, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let owner: Browser;
let ownerRu: Browser;
beforeAll(async () => {
  h = await createWebHarness({ now: "2026-03-10T09:00:00Z" });
  owner = h.browser({ acceptLanguage: "en" });
  await owner.signIn(OWNER_KEY);
  ownerRu = h.browser({ acceptLanguage: "ru" });
  await ownerRu.signIn(OWNER_KEY);
});

// Written as bytes: Node's TextDecoder reads these charsets but cannot write them.
/** "весна" in windows-1251. */
const VESNA_1251 = [0xe2, 0xe5, 0xf1, 0xed, 0xe0];
/** "Иван Петров" in windows-1251 and in KOI8-R. */
const IVAN_PETROV_1251 = [0xc8, 0xe2, 0xe0, 0xed, 0x20, 0xcf, 0xe5, 0xf2, 0xf0, 0xee, 0xe2];
const IVAN_PETROV_KOI8 = [0xe9, 0xd7, 0xc1, 0xce, 0x20, 0xf0, 0xc5, 0xd4, 0xd2, 0xcf, 0xd7];

/** A file of ASCII text and raw bytes, in order. */
const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))));

/** A campaign "весна-…" and an Excel-style windows-1251 spend CSV naming it. */
async function cyrillicCampaign() {
  const suffix = `-${token()}`;
  const { campaignId } = await createCampaign(h, "vk", `весна${suffix}`);
  const file = bytes("date;utm_source;utm_campaign;cost\r\n2026-03-01;vk;", VESNA_1251, `${suffix};1 500,00\r\n`);
  return { campaignId, file };
}
const spendOf = async (campaignId: string) => (await h.call("GET", `/api/spend?campaignId=${campaignId}`)).body.items as any[];
const postSpend = (file: Buffer, contentType: string) => h.call("POST", "/api/spend", undefined, { raw: file, contentType });
const postAccounting = (file: Buffer, contentType: string) => h.call("POST", "/api/reconciliations?from=2026-03-01&to=2026-03-31", undefined, { raw: file, contentType });

describe("spend CSV in a declared charset (API)", () => {
  it("reads a windows-1251 CSV's Cyrillic campaign when its Content-Type says so", async () => {
    const { campaignId, file } = await cyrillicCampaign();
    const res = await postSpend(file, "text/csv; charset=windows-1251");
    expect(res.body).toEqual({ imported: 1, replaced: 0, rejected: [] });
    expect(await spendOf(campaignId)).toEqual([expect.objectContaining({ date: "2026-03-01", cost: "1500.00" })]);
  });

  it.each(["text/csv; charset=utf-8", "text/csv"])("refuses a file not valid in UTF-8 under %s with a 400 naming the encoding, storing nothing", async (contentType) => {
    const { campaignId, file } = await cyrillicCampaign();
    const res = await postSpend(file, contentType);
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "(body)", message: expect.stringMatching(/^the body is not valid utf-8.*charset=windows-1251/) }]);
    expect(await spendOf(campaignId)).toEqual([]);
  });

  it("refuses a charset it does not know, naming content-type", async () => {
    const res = await postSpend(bytes("date,utm_source,utm_campaign,cost\n"), "text/csv; charset=cp-866-ish");
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "(content-type)", message: expect.stringContaining('charset "cp-866-ish" is not supported') }]);
  });
});

describe("accounting file in a declared charset (API)", () => {
  const accounting = (name: number[]) => bytes("client;amount;date\r\n", name, ";100,00;05.03.2026\r\n");

  it("reads a KOI8-R file when its Content-Type says so, instead of guessing windows-1251", async () => {
    const res = await postAccounting(accounting(IVAN_PETROV_KOI8), "text/csv; charset=koi8-r");
    expect(res.status).toBe(201);
    expect(res.body.encoding).toBe("koi8-r");
    expect(res.body.onlyInAccounting.map((entry: any) => entry.row.client)).toEqual(["Иван Петров"]);
  });

  it("refuses a file not valid in its declared UTF-8 with a 400 naming the encoding", async () => {
    const res = await postAccounting(accounting(IVAN_PETROV_1251), "text/csv; charset=utf-8");
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "(body)", message: expect.stringMatching(/^the accounting file is not valid utf-8: an invalid byte sequence ends at byte 21;/) }]);
  });
});

describe("upload pages: the file's encoding", () => {
  const form = (file: Buffer, fields: Record<string, string>) => {
    const body = new FormData();
    body.set("file", new File([file], "spend.csv", { type: "text/csv" }));
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    return body;
  };

  it("reads Excel's windows-1251 spend CSV by default and says which encoding it read", async () => {
    const { campaignId, file } = await cyrillicCampaign();
    await owner.get("/spend");
    const page = await owner.post("/spend", form(file, { text: "", encoding: "" }));
    expectPage(page, 200, "The file was read as windows-1251. ✓ Imported: 1 rows");
    expect(await spendOf(campaignId)).toHaveLength(1);
  });

  it("refuses, in Russian, a file not valid in the encoding chosen for it, importing nothing", async () => {
    const { campaignId, file } = await cyrillicCampaign();
    await ownerRu.get("/spend");
    const page = await ownerRu.post("/spend", form(file, { text: "", encoding: "utf-8" }));
    expectPage(page, 400, "Файл не читается в кодировке utf-8: байт № 51 в ней невозможен. Выберите кодировку, в которой файл сохранён.");
    expect(page.html).toMatch(/<option value="utf-8" selected[^>]*>UTF-8<\/option>/);
    expect(await spendOf(campaignId)).toEqual([]);
  });

  it("reads an accounting file in the KOI8-R chosen for it on the reconciliation page", async () => {
    await owner.get("/reconciliation");
    const file = bytes("client;amount;date\r\n", IVAN_PETROV_KOI8, ";100,00;05.03.2026\r\n");
    const posted = await owner.post("/reconciliation", form(file, { from: "2026-03-01", to: "2026-03-31", encoding: "koi8-r" }));
    expect(posted.status).toBe(303);
    const page = textOf((await owner.get(posted.location!)).html);
    expect(page).toContain("Иван Петров");
    expect(page).toMatch(/KOI8-R Open/);
  });
});
