import { DomainError, InvalidInputError } from "../../errors.js";
import { readSpendFields, spendFieldNames, type ParsedRow } from "../spend-row.js";
import type { SpendFormat } from "./format.js";

/**
 * `{rows: [{date, utm_source, utm_campaign, cost, currency?}]}`; cost is a number or a decimal
 * string. `row` is the row's 0-based index in `rows`.
 */
export const jsonFormat: SpendFormat = {
  name: "json",
  detect: ({ contentType, text }) => /^application\/([\w.+-]*\+)?json\b/i.test(contentType) || text.trimStart().startsWith("{"),

  parse(text) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new DomainError("invalid_json", "the body is not valid JSON");
    }
    return envelopeRows(body).map((value, index): ParsedRow => {
      if (!isPlainObject(value)) return { row: index, errors: [`the row must be an object with ${spendFieldNames.join(", ")}.`] };
      const unknown = Object.keys(value).filter((key) => !(spendFieldNames as readonly string[]).includes(key));
      if (unknown.length > 0) {
        return { row: index, errors: unknown.map((key) => `${key} is not a spend field (use ${spendFieldNames.join(", ")}).`) };
      }
      return readSpendFields(index, value);
    });
  },
};

function envelopeRows(body: unknown): unknown[] {
  if (!isPlainObject(body)) throw new InvalidInputError("the body must be {rows: [...]}", [{ path: "(body)", message: "must be an object with rows" }]);
  const issues = Object.keys(body)
    .filter((key) => key !== "rows")
    .map((key) => ({ path: key, message: "unknown field" }));
  if (!Array.isArray(body.rows)) issues.push({ path: "rows", message: "must be an array of spend rows" });
  if (issues.length > 0) {
    throw new InvalidInputError(`body is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
  }
  return body.rows as unknown[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
