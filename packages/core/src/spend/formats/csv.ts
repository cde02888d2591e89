import { InvalidInputError } from "../../errors.js";
import { readSpendFields, spendFieldNames, type ParsedRow, type SpendFields } from "../spend-row.js";
import { parseDelimited } from "./delimited.js";
import type { SpendFormat } from "./format.js";

const required = ["date", "utm_source", "utm_campaign", "cost"] as const;
const HEADER = "date,utm_source,utm_campaign,cost[,currency]";

/**
 * Our own CSV: the header `date,utm_source,utm_campaign,cost[,currency]` (any order, any case),
 * `,` or `;` as the separator (whichever the header uses, so Excel's Russian `;` files work),
 * optional UTF-8 BOM, quoted fields.
 *
 * `row` is the data row number: 1 is the first line under the header (a spreadsheet shows it as
 * row 2). Blank lines count, so the number always points at the line in the file.
 */
export const csvFormat: SpendFormat = {
  name: "csv",
  detect: ({ contentType, text }) =>
    /^(text\/(csv|plain)|application\/csv)\b/i.test(contentType) || /^\uFEFF?\s*"?date"?\s*[,;]/i.test(text),

  parse(text) {
    const firstLine = text.split(/\r?\n|\r/, 1)[0] ?? "";
    const records = parseDelimited(text, firstLine.includes(";") ? ";" : ",");
    const header = records[0];
    if (!header) throw headerError("the CSV is empty", []);
    const columns = header.fields.map((name) => name.trim().toLowerCase());
    checkColumns(columns);

    return records.slice(1).map((record): ParsedRow => {
      const row = record.line - header.line;
      const extra = record.fields.slice(columns.length).filter((value) => value.trim() !== "");
      if (extra.length > 0) {
        return {
          row,
          errors: [
            `the row has ${record.fields.length} fields but the header has ${columns.length}; put a value that contains the separator in double quotes, e.g. "1 234,56".`,
          ],
        };
      }
      const fields: SpendFields = {};
      columns.forEach((name, index) => {
        fields[name as keyof SpendFields] = record.fields[index];
      });
      return readSpendFields(row, fields);
    });
  },
};

function checkColumns(columns: string[]) {
  const known: readonly string[] = spendFieldNames;
  const issues = [
    ...required.filter((name) => !columns.includes(name)).map((name) => ({ path: name, message: "column is missing from the header" })),
    ...columns.filter((name) => !known.includes(name)).map((name) => ({ path: name || "(blank)", message: "is not a spend column" })),
    ...columns.filter((name, index) => columns.indexOf(name) !== index).map((name) => ({ path: name, message: "column appears twice" })),
  ];
  if (issues.length > 0) throw headerError("the CSV header is not usable", issues);
}

function headerError(problem: string, issues: { path: string; message: string }[]) {
  const details = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
  return new InvalidInputError(`${problem}${details ? ` (${details})` : ""}; the first line must be ${HEADER}`, issues.length ? issues : [{ path: "header", message: `must be ${HEADER}` }]);
}
