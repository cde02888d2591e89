import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../packages/core/src/errors.js";
import { csvFormat } from "../../packages/core/src/spend/formats/csv.js";
import { parseDelimited } from "../../packages/core/src/spend/formats/delimited.js";
import { chooseSpendFormat } from "../../packages/core/src/spend/formats/index.js";
import { jsonFormat } from "../../packages/core/src/spend/formats/json.js";
import { readSpendFields } from "../../packages/core/src/spend/spend-row.js";

describe("delimited text", () => {
  it("keeps separators, line breaks and doubled quotes inside quoted fields", () => {
    const records = parseDelimited('a,b\r\n"x, y","say ""hi""\nthere"\r\nlast,1', ",");
    expect(records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"\nthere'] },
      { line: 4, fields: ["last", "1"] },
    ]);
  });

  it("drops a UTF-8 BOM and skips blank lines while counting them", () => {
    expect(parseDelimited("\uFEFFa;b\n\n1;2\n", ";")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["1", "2"] },
    ]);
  });

  it("refuses a quoted field that is never closed, naming its line", () => {
    expect(() => parseDelimited('a,b\n"open,1', ",")).toThrow(/line 2/);
  });
});

describe("spend row fields", () => {
  it("normalizes a good row into kopecks and an upper-case currency", () => {
    const parsed = readSpendFields(1, { date: "2026-03-01", utm_source: " VK ", utm_campaign: "Spring", cost: "1 234,56", currency: "rub" });
    expect(parsed).toEqual({ row: 1, spend: { date: "2026-03-01", utmSource: "VK", utmCampaign: "Spring", costKopecks: 123456, currency: "RUB" } });
  });

  it("leaves the currency open when the row does not name one", () => {
    expect(readSpendFields(1, { date: "2026-03-01", utm_source: "vk", utm_campaign: "a", cost: 10 })).toMatchObject({ spend: { currency: null, costKopecks: 1000 } });
  });

  it("names every bad field of a row in its own sentence", () => {
    const parsed = readSpendFields(7, { date: "2026-02-30", utm_source: "", cost: "-5", currency: "рубли" });
    expect(parsed).toEqual({
      row: 7,
      errors: [
        'date "2026-02-30" is not a calendar day written as YYYY-MM-DD.',
        "utm_source is missing.",
        "utm_campaign is missing.",
        "cost -5 is negative; spend cannot be below zero.",
        'currency "рубли" is not a three-letter ISO code such as RUB.',
      ],
    });
  });

  it("refuses a cost with more than two decimals or that is not a number", () => {
    for (const cost of ["12.345", "abc", 0.1 + 0.2]) {
      const parsed = readSpendFields(1, { date: "2026-03-01", utm_source: "vk", utm_campaign: "a", cost });
      expect(parsed).toMatchObject({ errors: [expect.stringMatching(/^cost .* is not an amount of money/)] });
    }
  });
});

describe("CSV spend format", () => {
  it("reads comma files with columns in any order and numbers data rows from 1", () => {
    const rows = csvFormat.parse("utm_campaign,Date,utm_source,cost\nspring,2026-03-01,vk,100.50\nspring,2026-03-02,vk,7\n");
    expect(rows).toEqual([
      { row: 1, spend: { date: "2026-03-01", utmSource: "vk", utmCampaign: "spring", costKopecks: 10050, currency: null } },
      { row: 2, spend: { date: "2026-03-02", utmSource: "vk", utmCampaign: "spring", costKopecks: 700, currency: null } },
    ]);
  });

  it("reads Excel's semicolon files with a BOM, quoted fields and decimal commas", () => {
    const rows = csvFormat.parse('\uFEFFdate;utm_source;utm_campaign;cost;currency\r\n2026-03-01;vk;"весна; акция";"1 234,56";RUB\r\n');
    expect(rows).toEqual([{ row: 1, spend: { date: "2026-03-01", utmSource: "vk", utmCampaign: "весна; акция", costKopecks: 123456, currency: "RUB" } }]);
  });

  it("explains a row split by an unquoted decimal comma", () => {
    const [row] = csvFormat.parse("date,utm_source,utm_campaign,cost\n2026-03-01,vk,a,1234,56\n");
    expect(row).toEqual({ row: 1, errors: [expect.stringContaining("the row has 5 fields but the header has 4")] });
  });

  it("refuses a header with a missing, unknown or repeated column, naming each", () => {
    try {
      csvFormat.parse("date,utm_source,cost,curency,cost\n");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((issue) => issue.path)).toEqual(["utm_campaign", "curency", "cost"]);
    }
    expect(() => csvFormat.parse("")).toThrow(/empty/);
  });
});

describe("JSON spend format", () => {
  it("numbers rows by their index in rows and accepts numeric or text costs", () => {
    const rows = jsonFormat.parse(
      JSON.stringify({ rows: [{ date: "2026-03-01", utm_source: "vk", utm_campaign: "a", cost: 12.5 }, { date: "2026-03-01", utm_source: "vk", utm_campaign: "a", cost: "3,10", currency: "RUB" }] }),
    );
    expect(rows).toEqual([
      { row: 0, spend: { date: "2026-03-01", utmSource: "vk", utmCampaign: "a", costKopecks: 1250, currency: null } },
      { row: 1, spend: { date: "2026-03-01", utmSource: "vk", utmCampaign: "a", costKopecks: 310, currency: "RUB" } },
    ]);
  });

  it("rejects a row with unknown fields, and a body that is not {rows: [...]}", () => {
    const [row] = jsonFormat.parse(JSON.stringify({ rows: [{ date: "2026-03-01", utm_source: "vk", utm_campaign: "a", cost: 1, amount: 2 }] }));
    expect(row).toEqual({ row: 0, errors: ["amount is not a spend field (use date, utm_source, utm_campaign, cost, currency)."] });
    expect(() => jsonFormat.parse(JSON.stringify({ rows: {}, extra: 1 }))).toThrow(/extra: unknown field; rows: must be an array/);
    expect(() => jsonFormat.parse("{nope")).toThrow(/not valid JSON/);
  });
});

describe("choosing a spend format", () => {
  it("picks by content type, then by content, and honours a named format", () => {
    expect(chooseSpendFormat({ contentType: "text/csv; charset=utf-8", text: "" }).name).toBe("csv");
    expect(chooseSpendFormat({ contentType: "application/json", text: "" }).name).toBe("json");
    // curl --data-binary sends form encoding by default: the header line still gives the CSV away.
    expect(chooseSpendFormat({ contentType: "application/x-www-form-urlencoded", text: "date,utm_source" }).name).toBe("csv");
    expect(chooseSpendFormat({ contentType: "application/octet-stream", text: "x" }, "csv").name).toBe("csv");
  });

  it("refuses an unknown format name and a body it cannot recognise", () => {
    expect(() => chooseSpendFormat({ contentType: "text/csv", text: "" }, "xlsx")).toThrow(/format "xlsx" is unknown/);
    expect(() => chooseSpendFormat({ contentType: "application/octet-stream", text: "PK" })).toThrow(/text\/csv or application\/json/);
  });
});
