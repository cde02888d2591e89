import { InvalidInputError } from "../../errors.js";
import type { ParsedRow } from "../spend-row.js";
import type { SpendFormat } from "./format.js";
import { decimalKopecks, headerLine, isTotalRow, locateHeader, microsKopecks, readPlatformRow, type ColumnNames } from "./platform-export.js";

/**
 * VK Ads (VK Реклама, ads.vk.com) statistics by campaign and day, as the cabinet's report is
 * downloaded (CSV, or XLSX saved as CSV by Excel):
 *
 *   Дата;ID кампании;Название кампании;Показы;Клики;Потрачено, ₽
 *   01.03.2026;11223344;Весна B2B;10 000;55;"1 234,56"
 *   Итого;;;10 000;55;"1 234,56"
 *
 * VK publishes no specification of this file, so it is read by the column names the cabinet
 * shows: the day `Дата`, the campaign `ID кампании` and/or `Кампания` / `Название кампании`, the
 * cost `Потрачено` or `Расход(ы)` (a unit after a comma or in brackets is allowed), `Валюта` if
 * present. Days as 01.03.2026 or 2026-03-01; money with a decimal comma and spaces between
 * thousands (a decimal point also reads); `Итого` / `Всего` rows are skipped. Up to five lines
 * (a title, the period) may precede the header; the separator is the header's `;`, `,` or tab.
 * Roubles, not micro-units, unless `moneyInMicros` says otherwise. `row` is the data row number:
 * 1 is the line under the header.
 */
const COLUMNS: ColumnNames = {
  date: ["Дата"],
  campaignId: ["ID кампании", "Идентификатор кампании"],
  campaignName: ["Название кампании", "Кампания"],
  cost: ["Потрачено", "Расход", "Расходы"],
  currency: ["Валюта"],
};
const DIALECTS = [{ columns: COLUMNS }] as const;
const PREAMBLE_LINES = 6;

export const vkAdsFormat: SpendFormat = {
  name: "vk_ads",
  detect: ({ text }) => headerLine(text, DIALECTS, PREAMBLE_LINES) !== null,

  parse(text, options = {}) {
    const found = locateHeader(text, DIALECTS, PREAMBLE_LINES);
    if (!found) {
      throw new InvalidInputError(
        `no VK Ads statistics header in the first ${PREAMBLE_LINES} lines; expected Дата, ID кампании or Название кампании, and Потрачено (statistics by campaign and day)`,
        [{ path: "header", message: "must name the day, the campaign and its cost" }],
      );
    }
    const { header, rows, columns } = found;
    const money = options.moneyInMicros ? microsKopecks : (cell: string) => decimalKopecks(cell, ",");
    return rows
      .filter((record) => !isTotalRow(record.fields, columns))
      .map((record): ParsedRow => readPlatformRow(record.line - header.line, "vk_ads", record.fields, header.fields, columns, money));
  },
};
