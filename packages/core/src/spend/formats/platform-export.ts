import { InvalidInputError } from "../../errors.js";
import { isIsoDay } from "../../time.js";
import { platforms, type Platform } from "../platforms.js";
import type { ParsedRow } from "../spend-row.js";
import { parseDelimited, type DelimitedRecord } from "./delimited.js";

/**
 * Pieces shared by the ad platforms' export formats: finding columns by the names a platform
 * gives them, reading its money and days, and turning one data row into a PlatformSpendRow.
 */

/** Where the columns a spend row needs sit in an export's header (0-based). */
export type PlatformColumns = { date: number; cost: number; campaignId?: number; campaignName?: number; currency?: number };

/** For each column, the header names a platform uses for it (compared case-insensitively). */
export type ColumnNames = { date: string[]; cost: string[]; campaignId: string[]; campaignName: string[]; currency?: string[] };

/** Reads a cost cell into kopecks; null when the cell is not money. */
export type MoneyReader = (cell: string) => number | null;

const normalize = (name: string) => name.replace(/^\uFEFF/, "").trim().replace(/\s+/g, " ").toLowerCase();

/** True when a header cell is `name`, alone or followed by a unit ("Потрачено, ₽", "Cost (RUB)"). */
function isNamed(cell: string, name: string): boolean {
  const header = normalize(cell);
  const wanted = name.toLowerCase();
  return header === wanted || (header.startsWith(wanted) && /^\s*[,(]/.test(header.slice(wanted.length)));
}

function indexOf(header: string[], names: readonly string[] | undefined): number | undefined {
  if (!names) return undefined;
  const index = header.findIndex((cell) => names.some((name) => isNamed(cell, name)));
  return index === -1 ? undefined : index;
}

/** True when the header has a date, a cost and at least one campaign column. */
function looksLikeHeader(header: string[], names: ColumnNames): boolean {
  return columnsOf(header, names) !== null;
}

/** The needed columns, or null when one is missing. */
function columnsOf(header: string[], names: ColumnNames): PlatformColumns | null {
  const date = indexOf(header, names.date);
  const cost = indexOf(header, names.cost);
  const campaignId = indexOf(header, names.campaignId);
  const campaignName = indexOf(header, names.campaignName);
  if (date === undefined || cost === undefined || (campaignId === undefined && campaignName === undefined)) return null;
  return { date, cost, campaignId, campaignName, currency: indexOf(header, names.currency) };
}

/** The needed columns of a platform's header; a 400 naming each missing column otherwise. */
export function requireColumns(platform: Platform, header: string[], names: ColumnNames): PlatformColumns {
  const columns = columnsOf(header, names);
  if (columns) return columns;
  const missing = [
    ...(indexOf(header, names.date) === undefined ? [{ path: names.date[0]!, message: "column is missing from the header" }] : []),
    ...(indexOf(header, names.cost) === undefined ? [{ path: names.cost[0]!, message: "column is missing from the header" }] : []),
    ...(indexOf(header, names.campaignId) === undefined && indexOf(header, names.campaignName) === undefined
      ? [{ path: `${names.campaignId[0]} or ${names.campaignName[0]}`, message: "one of these columns is needed to find the campaign" }]
      : []),
  ];
  throw new InvalidInputError(
    `the ${platforms[platform].label} export's header lacks ${missing.map((issue) => issue.path).join(", ")}; export the report by day with the campaign and its cost`,
    missing,
  );
}

/** A cell an export leaves empty or marks as "no data". */
// Trimmed first: /^\s*(--|-|—)?\s*$/ backtracked quadratically over a long run of spaces.
export const isBlank = (cell: string | undefined) => cell === undefined || /^(--|-|—)?$/.test(cell.trim());

/**
 * Kopecks from a decimal amount as an export writes it, rounded half-up when it has more than two
 * decimals. `decimalMark` is the file's: with "." commas may only group thousands ("1,234.56");
 * with "," spaces or dots group thousands ("1 234,56", "1.234,56") and a lone "." is still read
 * as the decimal point. A mark where the other belongs ("1,234.56" in a "," file) is not money.
 * A currency sign after the number is ignored; a blank cell or "--" is no spend (0).
 *
 * @example decimalKopecks("1,234.565", ".") // 123457
 */
export function decimalKopecks(cell: string, decimalMark: "." | ","): number | null {
  if (isBlank(cell)) return 0;
  let text = cell.replace(/[\s\u00a0\u202f]/g, "").replace(/(₽|руб\.?|р\.|rub)$/i, "");
  if (decimalMark === ".") {
    if (text.includes(",") && !/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return null;
    text = text.replace(/,/g, "");
  } else if (text.includes(",")) {
    if (!/^-?(\d{1,3}(\.\d{3})+|\d+),\d+$/.test(text)) return null;
    text = text.replace(/\./g, "").replace(",", ".");
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  return signed(sign!, Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, "0")) + (Number(fraction[2] ?? "0") >= 5 ? 1 : 0));
}

/**
 * Kopecks from micro-units (a millionth of the currency unit: 1234560000 = 1234.56), rounded
 * half-up to the kopeck in exact integer arithmetic: 1234565000 -> 123457. Blank or "--" is 0.
 */
export function microsKopecks(cell: string): number | null {
  if (isBlank(cell)) return 0;
  const match = /^(-?)(\d+)$/.exec(cell.replace(/[\s\u00a0\u202f]/g, ""));
  if (!match) return null;
  const digits = match[2]!.padStart(5, "0");
  // 10,000 micro-units make a kopeck: the last four digits are the fraction of a kopeck.
  return signed(match[1]!, Number(digits.slice(0, -4)) + (Number(digits.slice(-4)) >= 5000 ? 1 : 0));
}

function signed(sign: string, kopecks: number): number | null {
  if (!Number.isSafeInteger(kopecks)) return null;
  return sign === "-" && kopecks !== 0 ? -kopecks : kopecks;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** An ISO day from "2026-03-01", "01.03.2026" or "Mar 1, 2026" / "March 1, 2026"; null otherwise. */
export function exportDay(cell: string): string | null {
  const text = cell.trim();
  let day = text;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const english = /^([A-Za-z]{3})[A-Za-z]*\.? (\d{1,2}), (\d{4})$/.exec(text);
  if (dotted) day = `${dotted[3]}-${dotted[2]!.padStart(2, "0")}-${dotted[1]!.padStart(2, "0")}`;
  if (english && MONTHS.includes(english[1]!.toLowerCase())) {
    day = `${english[3]}-${String(MONTHS.indexOf(english[1]!.toLowerCase()) + 1).padStart(2, "0")}-${english[2]!.padStart(2, "0")}`;
  }
  return isIsoDay(day) ? day : null;
}

/**
 * A summary line ("Total: Account", "Итого") rather than a day of a campaign: it has no day and
 * says total. Such rows are skipped, never imported.
 */
export function isTotalRow(fields: string[], columns: PlatformColumns): boolean {
  return exportDay(fields[columns.date] ?? "") === null && fields.some((cell) => /^\s*(total|итого|всего)(?!\p{L})/iu.test(cell));
}

/** The separator a delimited header line uses: whichever of tab, ";" and "," it has most of. */
function separatorOf(line: string): string {
  const counts = ["\t", ";", ","].map((separator) => ({ separator, count: line.split(separator).length }));
  return counts.reduce((best, next) => (next.count > best.count ? next : best)).separator;
}

/**
 * The first of an export's first `lines` lines that names the columns of one of `dialects`
 * (exports put a title and a period above the header), with its separator. Reads only those
 * lines, so recognising a body stays cheap.
 */
export function headerLine<D extends { columns: ColumnNames }>(text: string, dialects: readonly D[], lines: number) {
  for (const line of text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/, lines)) {
    const separator = separatorOf(line);
    const cells = line.split(separator).map((cell) => cell.trim().replace(/^"|"$/g, ""));
    const dialect = dialects.find((candidate) => looksLikeHeader(cells, candidate.columns));
    if (dialect) return { separator, dialect };
  }
  return null;
}

/** The export split by its header's separator: the header record, the records under it, its dialect and columns; null without a header. */
export function locateHeader<D extends { columns: ColumnNames }>(text: string, dialects: readonly D[], lines: number) {
  const found = headerLine(text, dialects, lines);
  if (!found) return null;
  const records: DelimitedRecord[] = parseDelimited(text, found.separator);
  const at = records.findIndex((record) => looksLikeHeader(record.fields, found.dialect.columns));
  if (at === -1) return null;
  return { header: records[at]!, rows: records.slice(at + 1), dialect: found.dialect, columns: columnsOf(records[at]!.fields, found.dialect.columns)! };
}

/**
 * One data row of a platform export as a ParsedRow: its day, the platform's campaign id and name,
 * its cost in kopecks and currency, or sentences naming each bad cell by the file's column name.
 */
export function readPlatformRow(
  row: number,
  platform: Platform,
  fields: string[],
  header: string[],
  columns: PlatformColumns,
  money: MoneyReader,
): ParsedRow {
  const errors: string[] = [];
  const cell = (index: number | undefined) => (index === undefined ? undefined : fields[index]);
  const value = (index: number | undefined) => (isBlank(cell(index)) ? null : cell(index)!.trim());
  const name = (index: number) => header[index]!.trim();

  const rawDay = cell(columns.date) ?? "";
  const date = exportDay(rawDay);
  if (date === null) errors.push(`${name(columns.date)} "${rawDay.trim()}" is not a day (write 2026-03-01 or 01.03.2026).`);
  const platformCampaignId = value(columns.campaignId);
  const platformCampaignName = value(columns.campaignName);
  if (platformCampaignId === null && platformCampaignName === null) errors.push("the row names no campaign: its campaign id and name are empty.");
  const rawCost = cell(columns.cost) ?? "";
  const costKopecks = money(rawCost);
  if (costKopecks === null) errors.push(`${name(columns.cost)} "${rawCost.trim()}" is not an amount of money.`);
  else if (costKopecks < 0) errors.push(`${name(columns.cost)} ${rawCost.trim()} is negative; spend cannot be below zero.`);
  const rawCurrency = value(columns.currency);
  if (rawCurrency !== null && !/^[A-Za-z]{3}$/.test(rawCurrency)) {
    errors.push(`${name(columns.currency!)} "${rawCurrency}" is not a three-letter ISO code such as RUB.`);
  }

  if (errors.length > 0 || date === null || costKopecks === null) return { row, errors };
  return {
    row,
    spend: { date, platform, platformCampaignId, platformCampaignName, costKopecks, currency: rawCurrency?.toUpperCase() ?? null },
  };
}
