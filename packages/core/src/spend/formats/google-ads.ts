import { InvalidInputError } from "../../errors.js";
import type { ParsedRow } from "../spend-row.js";
import type { SpendFormat } from "./format.js";
import { decimalKopecks, headerLine, isTotalRow, locateHeader, microsKopecks, readPlatformRow, type ColumnNames } from "./platform-export.js";

/**
 * A Google Ads campaign report, in either of two shapes:
 *
 * - downloaded from the Google Ads UI as .csv: a title line ("Campaign report"), a date-range line
 *   ("March 1, 2026 - March 7, 2026"), then `Day,Campaign,Campaign ID,Currency code,Cost,...`,
 *   costs as decimals with thousands separators ("1,234.56"), and `Total: ...` summary rows at
 *   the end, which are skipped. A UI set to Russian writes `День,Кампания,Идентификатор кампании,
 *   Код валюты,Стоимость` and "1 234,56".
 * - the API's GAQL columns (`segments.date,campaign.id,campaign.name,metrics.cost_micros`, with
 *   `customer.currency_code` if selected), as API clients write search results to CSV: costs in
 *   micro-units.
 *
 * Separator: whichever of ",", ";" and tab the header uses. `moneyInMicros` overrides what the cost
 * column's name implies. `row` is the data row number: 1 is the line under the header.
 */
const UI_EN: ColumnNames = { date: ["Day", "Date"], campaignId: ["Campaign ID"], campaignName: ["Campaign"], cost: ["Cost"], currency: ["Currency code", "Currency"] };
const UI_RU: ColumnNames = {
  date: ["День", "Дата"],
  campaignId: ["Идентификатор кампании", "ID кампании"],
  campaignName: ["Кампания"],
  cost: ["Стоимость"],
  currency: ["Код валюты", "Валюта"],
};
const GAQL: ColumnNames = {
  date: ["segments.date"],
  campaignId: ["campaign.id"],
  campaignName: ["campaign.name"],
  cost: ["metrics.cost_micros"],
  currency: ["customer.currency_code"],
};
const DIALECTS = [
  { columns: GAQL, micros: true, decimalMark: "." },
  { columns: UI_EN, micros: false, decimalMark: "." },
  { columns: UI_RU, micros: false, decimalMark: "," },
] as const;
/** The UI puts a title and a date range above the header; a few more lines are tolerated. */
const PREAMBLE_LINES = 6;

export const googleAdsFormat: SpendFormat = {
  name: "google_ads",
  detect: ({ text }) => headerLine(text, DIALECTS, PREAMBLE_LINES) !== null,

  parse(text, options = {}) {
    const found = locateHeader(text, DIALECTS, PREAMBLE_LINES);
    if (!found) {
      throw new InvalidInputError(
        `no Google Ads report header in the first ${PREAMBLE_LINES} lines; expected Day,Campaign,Campaign ID,Cost (the UI's campaign report by day) or segments.date,campaign.id,campaign.name,metrics.cost_micros`,
        [{ path: "header", message: "must name the day, the campaign and its cost" }],
      );
    }
    const { header, rows, dialect, columns } = found;
    const micros = options.moneyInMicros ?? dialect.micros;
    const money = micros ? microsKopecks : (cell: string) => decimalKopecks(cell, dialect.decimalMark);
    return rows
      .filter((record) => !isTotalRow(record.fields, columns))
      .map((record): ParsedRow => readPlatformRow(record.line - header.line, "google_ads", record.fields, header.fields, columns, money));
  },
};
