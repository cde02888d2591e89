import { InvalidInputError } from "../errors.js";
import { decodeFile, requestBody } from "../text/charset.js";
import { parseDelimited, type DelimitedRecord } from "../spend/formats/delimited.js";
import { readAmount, readDay, readEmail, readInn, readPhone } from "./accounting-values.js";
import { type FileNote, type LineProblem, noteOf } from "./file-notes.js";

/** One line of the accounting system's list of closed clients, normalized. */
export type AccountingRow = {
  /** The line in the file (1-based, as an editor shows it). */
  line: number;
  client: string;
  /** 10 or 12 digits. */
  inn: string | null;
  /** E.164. */
  phone: string | null;
  /** Lower-cased. */
  email: string | null;
  /** ISO day. */
  date: string | null;
  /** Negative for a correction. */
  amountKopecks: number;
};

export type AccountingFile = {
  rows: AccountingRow[];
  /** Lines that were not read: a required value missing or unreadable, a totals line. */
  rejected: FileNote[];
  /** Rows that were read, but with an INN, phone or e-mail that could not be used for matching. */
  warnings: FileNote[];
  /** The encoding the file was read in (WHATWG name): declared, else detected. */
  encoding: string;
};

type ColumnKind = "client" | "inn" | "phone" | "email" | "amount" | "date";

/** Header names per column, compared after `headerKey` (so case, "ё" and a unit after a comma do not matter). */
const HEADERS: Record<ColumnKind, string[]> = {
  client: ["Контрагент", "Клиент", "Покупатель", "client", "name", "customer", "company"],
  inn: ["ИНН", "inn", "ИНН контрагента"],
  phone: ["Телефон", "phone", "Тел"],
  email: ["E-mail", "Почта", "email", "Эл. почта", "Электронная почта"],
  amount: ["Сумма", "amount", "sum", "Сумма документа"],
  date: ["Дата", "date", "Дата документа"],
};
const REQUIRED: ColumnKind[] = ["client", "amount"];
const SEPARATORS = [";", "\t", ","];
/** How far down a title block ("Реализация за март 2026 г.") may push the header line. */
const HEADER_SEARCH_LINES = 10;
/** A cell holding only the word, as 1C ends a list; "Итого-Сервис" is a client. */
const TOTALS = /^(итого|всего|total)\s*:?$/iu;

/**
 * Reads an accounting export (1C-style CSV) of closed clients. The encoding is `charset` when the
 * upload declares one, else detected (UTF-8 with or without BOM, UTF-16LE with BOM as Excel's
 * "Unicode text", else windows-1251); bytes invalid in it are refused (text/charset.ts). The
 * separator (`;`, tab or `,`) and the header line, which may follow a few title lines, are detected.
 * Columns are found by their Russian or English names; client name and amount are required.
 *
 * Every line under the header ends up in `rows` or `rejected`. An unreadable INN, phone or e-mail
 * does not drop a paying client: the row keeps the other identifiers and a warning says so.
 * Throws InvalidInputError when no header names a client and an amount column.
 */
export function parseAccountingFile(bytes: Uint8Array, charset: string | null = null): AccountingFile {
  const { text, encoding } = decodeFile(bytes, charset, { ...requestBody, what: "the accounting file" });
  const header = findHeader(text);
  const result: AccountingFile = { rows: [], rejected: [], warnings: [], encoding };
  for (const record of parseDelimited(text, header.separator)) {
    if (record.line <= header.headerLine || record.fields.every((field) => field.trim() === "")) continue;
    const read = readRecord(record, header, result.warnings);
    if (Array.isArray(read)) result.rejected.push(noteOf(record.line, read));
    else result.rows.push(read);
  }
  return result;
}

/** The row, or why the line is not one. Unusable identifiers are added to `warnings`. */
function readRecord(record: DelimitedRecord, { separator, columns, names }: Header, warnings: FileNote[]): AccountingRow | LineProblem[] {
  const cell = (kind: ColumnKind) => {
    const index = columns[kind];
    return index === undefined ? "" : (record.fields[index] ?? "").trim();
  };
  const title = (kind: ColumnKind) => names[columns[kind]!];

  const firstValue = record.fields.find((field) => field.trim() !== "")?.trim() ?? "";
  if (TOTALS.test(firstValue)) return [{ code: "totals_line", value: firstValue }];
  if (record.fields.slice(names.length).some((field) => field.trim() !== "")) {
    return [{ code: "too_many_fields", fields: record.fields.length, headerFields: names.length, separator }];
  }

  const problems: LineProblem[] = [];
  const client = cell("client").replace(/\s+/g, " ");
  if (client === "") problems.push({ code: "empty", column: title("client")! });
  const amountText = cell("amount");
  const amountKopecks = readAmount(amountText);
  if (amountText === "") problems.push({ code: "empty", column: title("amount")! });
  else if (amountKopecks === null) problems.push({ code: "not_amount", column: title("amount")!, text: amountText });
  const dateText = cell("date");
  const date = dateText === "" ? null : readDay(dateText);
  if (dateText !== "" && date === null) problems.push({ code: "not_day", column: title("date")!, text: dateText });
  if (problems.length > 0 || amountKopecks === null) return problems;

  const identifier = (kind: "inn" | "phone" | "email", read: (text: string) => string | null) => {
    const text = cell(kind);
    const value = text === "" ? null : read(text);
    if (text !== "" && value === null) warnings.push(noteOf(record.line, [{ code: "identifier_unreadable", column: title(kind)!, text, kind }]));
    return value;
  };
  return {
    line: record.line,
    client,
    inn: identifier("inn", readInn),
    phone: identifier("phone", readPhone),
    email: identifier("email", readEmail),
    date,
    amountKopecks,
  };
}

type Header = { separator: string; headerLine: number; columns: Partial<Record<ColumnKind, number>>; names: string[] };

/** The first line (of the first few) that names both required columns with one of the separators. */
function findHeader(text: string): Header {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/).slice(0, HEADER_SEARCH_LINES * 2);
  const candidates = lines
    .map((content, index) => ({ content, line: index + 1 }))
    .filter(({ content }) => content.trim() !== "")
    .slice(0, HEADER_SEARCH_LINES);
  for (const { content, line } of candidates) {
    for (const separator of SEPARATORS) {
      const names = headerCells(content, separator);
      const columns = mapColumns(names);
      if (REQUIRED.every((kind) => columns[kind] !== undefined)) return { separator, headerLine: line, columns, names };
    }
  }
  throw missingColumns(candidates[0]?.content ?? "");
}

function headerCells(content: string, separator: string): string[] {
  try {
    return (parseDelimited(content, separator)[0]?.fields ?? []).map((name) => name.trim());
  } catch {
    return []; // an unclosed quote: a title line, not the header
  }
}

function mapColumns(names: string[]): Partial<Record<ColumnKind, number>> {
  const columns: Partial<Record<ColumnKind, number>> = {};
  const duplicates: string[] = [];
  names.forEach((name, index) => {
    const kind = (Object.keys(HEADERS) as ColumnKind[]).find((k) => HEADERS[k].some((alias) => headerKey(alias) === headerKey(name)));
    if (kind === undefined) return;
    if (columns[kind] === undefined) columns[kind] = index;
    else duplicates.push(`«${names[columns[kind]]}» and «${name}» both look like the ${kind} column`);
  });
  if (duplicates.length > 0 && REQUIRED.every((kind) => columns[kind] !== undefined)) {
    throw new InvalidInputError(
      `the accounting file's header is ambiguous: ${duplicates.join("; ")}; keep one of each`,
      duplicates.map((message) => ({ path: "header", message })),
    );
  }
  return columns;
}

/** "Сумма, руб." and "сумма (руб)" are both "сумма"; "Ё" is "е". */
function headerKey(name: string): string {
  return name.toLowerCase().replace(/ё/g, "е").split(/[,(]/)[0]!.replace(/\s+/g, " ").trim().replace(/\.$/, "");
}

function missingColumns(firstLine: string): InvalidInputError {
  const widest = SEPARATORS.map((separator) => headerCells(firstLine, separator)).sort((a, b) => b.length - a.length)[0] ?? [];
  const columns = mapColumns(widest);
  const issues = REQUIRED.filter((kind) => columns[kind] === undefined).map((kind) => ({
    path: kind,
    message: `no column named ${HEADERS[kind].join(", ")} (any case)`,
  }));
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
  return new InvalidInputError(`the accounting file has no usable header line (${summary})`, issues);
}
