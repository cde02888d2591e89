import { InvalidInputError } from "../../errors.js";
import type { ParsedRow } from "../spend-row.js";
import type { SpendFormat } from "./format.js";
import { decimalKopecks, isBlank, isTotalRow, microsKopecks, readPlatformRow, requireColumns, type ColumnNames } from "./platform-export.js";

/**
 * A Yandex.Direct Reports API report (Format TSV, e.g. CAMPAIGN_PERFORMANCE_REPORT by Date):
 *
 *   "Campaign stats (2026-03-01 - 2026-03-07)"     report name and period (absent with skipReportHeader)
 *   Date<TAB>CampaignId<TAB>CampaignName<TAB>Cost   the FieldNames (required: send no skipColumnHeader)
 *   2026-03-01<TAB>70012345<TAB>Весна<TAB>1234560000
 *   Total rows: 1                                   (absent with skipReportSummary)
 *
 * Columns are found by their API names; others (Clicks, AdGroupId...) are ignored, and rows of one
 * campaign and day are summed at import. The report has no quoting, so cells are split on tabs.
 * Money: micro-units unless requested with `returnMoneyInMicros: false`, in which case decimals
 * with a point. `moneyInMicros` forces either; otherwise a file with any decimal point is decimal
 * and a file of whole numbers is micro-units, unless some are 1..9999 (under a kopeck as
 * micro-units), which is ambiguous and asks the caller to say.
 *
 * `row` is the data row number: 1 is the line under the header. A `Total rows: N` footer that
 * disagrees with the rows present means a cut-off file and refuses the whole body.
 */
const COLUMNS: ColumnNames = { date: ["Date"], cost: ["Cost"], campaignId: ["CampaignId"], campaignName: ["CampaignName"] };
// The API writes the footer in the request's Accept-Language.
const FOOTER = /^(?:Total rows|Всего строк):\s*(\d+)\s*$/i;

type Line = { number: number; text: string };

export const yandexDirectFormat: SpendFormat = {
  name: "yandex_direct",
  // Only the first two lines decide; a large body need not be split whole.
  detect: ({ text }) => headerIndex(linesOf(text.slice(0, 64 * 1024))) !== null,

  parse(text, options = {}) {
    const lines = linesOf(text);
    const at = headerIndex(lines);
    if (at === null) {
      throw new InvalidInputError("no Yandex.Direct report header (Date, CampaignId or CampaignName, Cost, tab-separated) in the first two lines; request the report without skipColumnHeader", [
        { path: "header", message: "must name the report's FieldNames, tab-separated" },
      ]);
    }
    const header = lines[at]!.text.split("\t");
    const columns = requireColumns("yandex_direct", header, COLUMNS);
    const data = rowsUnder(lines, at);
    const records = data.map((line) => ({ row: line.number - lines[at]!.number, fields: line.text.split("\t") }));

    const micros = options.moneyInMicros ?? inMicros(records.map((record) => record.fields[columns.cost] ?? ""));
    const money = micros ? microsKopecks : (cell: string) => decimalKopecks(cell, ".");
    return records
      .filter((record) => !isTotalRow(record.fields, columns))
      .map((record): ParsedRow => readPlatformRow(record.row, "yandex_direct", record.fields, header, columns, money));
  },
};

function linesOf(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\n|\r/)
    .map((line, index) => ({ number: index + 1, text: line }))
    .filter((line) => line.text.trim() !== "");
}

/** The header is the first non-blank line, or the second when the first is the report's title. */
function headerIndex(lines: Line[]): number | null {
  const index = lines.slice(0, 2).findIndex((line) => {
    const cells = line.text.split("\t").map((cell) => cell.trim());
    return cells.includes("Cost") && (cells.includes("CampaignId") || cells.includes("CampaignName"));
  });
  return index === -1 ? null : index;
}

/** The data lines under the header, checked against the `Total rows` footer when there is one. */
function rowsUnder(lines: Line[], header: number): Line[] {
  const rest = lines.slice(header + 1);
  const footer = rest.length > 0 ? FOOTER.exec(rest.at(-1)!.text.trim()) : null;
  if (!footer) return rest;
  const data = rest.slice(0, -1);
  const expected = Number(footer[1]);
  if (data.length !== expected) {
    throw new InvalidInputError(`the report says it has ${expected} rows but ${data.length} arrived; it may have been cut off, export it again`, [
      { path: "Total rows", message: `says ${expected}, found ${data.length}` },
    ]);
  }
  return data;
}

/** Whether a report's costs are micro-units, when the caller did not say. */
function inMicros(costs: string[]): boolean {
  const amounts = costs.filter((cost) => !isBlank(cost)).map((cost) => cost.trim());
  if (amounts.some((amount) => /[.,]/.test(amount))) return false;
  const small = amounts.find((amount) => /^\d+$/.test(amount) && Number(amount) > 0 && Number(amount) < 10_000);
  if (small !== undefined) {
    throw new InvalidInputError(
      `Cost ${small} is a whole number too small for micro-units (under a kopeck) yet the report has no decimals; say how it was exported with ?moneyInMicros=true (micro-units) or ?moneyInMicros=false (roubles)`,
      [{ path: "moneyInMicros", message: "needed: the report's money could be micro-units or roubles" }],
    );
  }
  return true;
}
