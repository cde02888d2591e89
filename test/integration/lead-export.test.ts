import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { OWNER_KEY } from "../support/harness.js";
import { createCampaign, createSource, postHook, token } from "../support/intake.js";
import { addSalesPerson, type SalesPerson } from "../support/sales.js";
import { createWebHarness, textOf, type WebHarness } from "../support/web.js";

/*
 * Bulk export is the owner's alone: a CSV Russian Excel opens as it is, or a real .xlsx, with text
 * that a spreadsheet would run as a formula neutralised; every export is logged; every other role
 * gets 403.
 */

let h: WebHarness;
let manager: SalesPerson;
let head: SalesPerson;
let marketerKey: string;
let campaign: Awaited<ReturnType<typeof createCampaign>>;
let wonId: string;

const HEADERS = "Поступил;Имя;Телефон;E-mail;Компания;ИНН;Источник;Гипотеза;utm_source;utm_medium;utm_campaign;utm_content;utm_term;Этап;Сумма, ₽;Причина отказа;Ответственный;ID лида";

beforeAll(async () => {
  h = await createWebHarness({ now: "2026-03-10T12:00:00Z" });
  const source = await createSource(h, "json");
  campaign = await createCampaign(h, "yandex", `export-${token()}`);
  [manager, head] = await Promise.all([addSalesPerson(h, "manager", { name: "Ольга Звонарёва" }), addSalesPerson(h, "sales_head")]);
  marketerKey = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
  const imported = await h.call("POST", "/api/leads/import", {
    leads: [
      {
        externalId: `crm-${token()}`,
        name: "=HYPERLINK(\"http://evil.example\";\"жми\")",
        phone: "+7 999 000-11-22",
        email: "buyer@shop.example",
        company: { name: "@SUM(1;2)", inn: "7707083893" },
        ...campaign.utm,
        utm_content: "-2+3",
        createdAt: "2026-03-02T08:00:00+03:00",
        stage: "won",
        amount: "50000.5",
        closedAt: "2026-03-05T12:00:00+03:00",
      },
      { externalId: `crm-${token()}`, name: "Пётр; \"Тихий\"", phone: "+79990003344", ...campaign.utm, createdAt: "2026-03-04T23:30:00+03:00" },
    ],
  });
  expect(imported.status, imported.text).toBe(200);
  wonId = imported.body.rows[0].leadId;
  expect((await h.call("PATCH", `/api/leads/${wonId}`, { assigneeId: manager.id })).status).toBe(200);
  // A lead of another channel, which the campaign filter leaves out.
  expect((await postHook(h, source.key, { contentType: "application/json", text: JSON.stringify({ name: "Чужой", phone: "+79990005566" }) })).status).toBe(200);
}, 60_000);

/** The raw bytes of an export (the harness's text would drop the BOM). */
async function download(query: string, key: string | null = OWNER_KEY) {
  const res = await h.app.request(`/api/leads/export?${query}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("the owner's CSV export", () => {
  it("is UTF-8 with a BOM, `;` and CRLF, Russian headers, money as Russian Excel reads it, formulas neutralised", async () => {
    const res = await download(`format=csv&campaignId=${campaign.campaignId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="leads-2026-03-10\.csv"$/);
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(res.bytes).slice(1);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(HEADERS);
    expect(lines).toHaveLength(4); // headers, two leads, and the final CRLF's empty remainder
    expect(lines[3]).toBe("");
    // Newest first: the lead of 4 March (23:30 in Moscow) before the won lead of 2 March.
    expect(lines[1]).toMatch(/^04\.03\.2026 23:30;"Пётр; ""Тихий""";'\+79990003344;/);
    const won = lines[2]!.split(";");
    expect(won[0]).toBe("02.03.2026 08:00");
    expect(lines[2]).toContain(`;"'=HYPERLINK(""http://evil.example"";""жми"")";'+79990001122;buyer@shop.example;"'@SUM(1;2)";7707083893;`);
    expect(lines[2]).toContain(";'-2+3;");
    expect(lines[2]).toContain(";Сделка;50000,50;;Ольга Звонарёва;");
    expect(lines[2]!.endsWith(`;${wonId}`)).toBe(true);
  });

  it("narrows by stage, person and arrival days", async () => {
    const rows = async (query: string) => {
      const res = await download(`format=csv&campaignId=${campaign.campaignId}&${query}`);
      expect(res.status, query).toBe(200);
      return Number(res.headers.get("x-export-rows"));
    };
    expect(await rows("stage=won")).toBe(1);
    expect(await rows(`assigneeId=${manager.id}`)).toBe(1);
    expect(await rows("from=2026-03-03&to=2026-03-04")).toBe(1);
    expect(await rows("from=2026-03-05")).toBe(0);
    expect(await rows("to=2026-03-02")).toBe(1);
  });

  it("refuses a bad filter with 400 naming it", async () => {
    for (const [query, field] of [
      ["format=pdf", "format"],
      ["format=csv&stage=flying", "stage"],
      ["format=csv&from=2026-02-30", "from"],
      ["format=csv&from=2026-03-05&to=2026-03-01", "from"],
      ["format=csv&color=red", "color"],
    ] as const) {
      const res = await h.call("GET", `/api/leads/export?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.text, query).toContain(field);
    }
  });
});

describe("the owner's .xlsx export", () => {
  it("is a workbook whose cells read back as the leads, formulas shown as text", async () => {
    const res = await download(`format=xlsx&campaignId=${campaign.campaignId}&stage=won`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(res.bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Лиды")!;
    expect(sheet.rowCount).toBe(2);
    expect((sheet.getRow(1).values as unknown[]).slice(1).join(";")).toBe(HEADERS);
    const row = sheet.getRow(2);
    expect(row.getCell(2).value).toBe("'=HYPERLINK(\"http://evil.example\";\"жми\")");
    expect(row.getCell(3).value).toBe("'+79990001122");
    expect(row.getCell(5).value).toBe("'@SUM(1;2)");
    expect(row.getCell(12).value).toBe("'-2+3");
    expect(row.getCell(15).value).toBe(50000.5);
    expect(row.getCell(15).numFmt).toBe("#,##0.00");
    row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
  });
});

describe("who may export", () => {
  it("refuses every other role with 403, in the API and on the page, and no key with 401", async () => {
    for (const key of [marketerKey, manager.key, head.key]) {
      for (const path of ["/api/leads/export?format=csv", "/api/leads/exports"]) expect((await h.call("GET", path, undefined, { key })).status, path).toBe(403);
    }
    expect((await download("format=csv", null)).status).toBe(401);

    const marketer = h.browser({ acceptLanguage: "ru" });
    await marketer.signIn(marketerKey);
    expect((await marketer.get("/leads/export?format=csv")).status).toBe(403);
    expect((await marketer.get("/leads")).html).not.toContain("/leads/export");
    const owner = h.browser({ acceptLanguage: "ru" });
    await owner.signIn(OWNER_KEY);
    const list = await owner.get(`/leads?campaignId=${campaign.campaignId}`);
    expect(list.html).toContain(`/leads/export?format=xlsx&amp;campaignId=${campaign.campaignId}`);
    const file = await owner.get(`/leads/export?format=csv&campaignId=${campaign.campaignId}`);
    expect(file.status).toBe(200);
    expect(file.html.split("\r\n")[0]).toContain("Поступил;Имя;Телефон");
    const bad = await owner.get("/leads/export?format=pdf&stage=flying");
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain("В адресе выгрузки неверный фильтр: format, stage.");
  });

  it("logs every export with who, when, filters and rows, for the owner to read", async () => {
    await download(`format=csv&campaignId=${campaign.campaignId}&stage=won`);
    const log = await h.call("GET", "/api/leads/exports?limit=200");
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({ keyId: "env:OWNER_API_KEY", format: "csv", filters: { campaignId: campaign.campaignId, stage: "won" }, rows: 1, at: "2026-03-10T12:00:00.000Z" });
    // Refused exports are not logged: only the owner's got through.
    expect(log.body.items.every((entry: { keyId: string }) => entry.keyId === "env:OWNER_API_KEY")).toBe(true);
  });
});
