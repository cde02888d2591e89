import { InvalidInputError } from "../../errors.js";

/** One record of a delimited text file and the line it starts on (1-based). */
export type DelimitedRecord = { line: number; fields: string[] };

/**
 * Splits CSV-like text (RFC 4180: fields in double quotes may hold the separator, line breaks and
 * "" for a quote) into records. A UTF-8 BOM is dropped, CRLF, LF and CR all end a line, and blank
 * lines are skipped (but counted, so `line` stays the line a person sees in an editor).
 *
 * @example parseDelimited('date;cost\n2026-03-01;"1 234,56"', ";")
 *   // [{line: 1, fields: ["date", "cost"]}, {line: 2, fields: ["2026-03-01", "1 234,56"]}]
 */
export function parseDelimited(text: string, separator: string): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  let fields: string[] = [];
  let field = "";
  // Whether the field so far is only white space: kept as a flag, since trimming the field at every
  // quote made a long run of spaces followed by quotes quadratic.
  let blankSoFar = true;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== "") records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    blankSoFar = true;
  };

  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        inQuotes = false;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
    } else if (ch === '"' && blankSoFar) {
      // Spaces before an opening quote are a common hand-written slip; they are not part of the value.
      field = "";
      blankSoFar = false;
      inQuotes = true;
    } else if (ch === separator) {
      fields.push(field);
      field = "";
      blankSoFar = true;
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      if (blankSoFar && ch.trim() !== "") blankSoFar = false;
    }
  }
  if (inQuotes) {
    throw new InvalidInputError(`the quoted field that starts on line ${recordLine} is never closed`, [
      { path: `line ${recordLine}`, message: "a quoted field is never closed" },
    ]);
  }
  endRecord();
  return records;
}
