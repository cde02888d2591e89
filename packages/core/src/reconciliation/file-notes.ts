/**
 * Why a line of the accounting file was not read, or was read without an identifier: stable codes
 * with their parameters, so a page can say them in its own language; `inEnglish` is the API's
 * `reason`. `column` is the file's own header text (Russian or English, as the file has it).
 */
export type LineProblem =
  | { code: "totals_line"; value: string }
  | { code: "too_many_fields"; fields: number; headerFields: number; separator: string }
  | { code: "empty"; column: string }
  | { code: "not_amount"; column: string; text: string }
  | { code: "not_day"; column: string; text: string }
  | { code: "identifier_unreadable"; column: string; text: string; kind: "inn" | "phone" | "email" };

/** A line of the file that is not a client row, or a row read with a warning: its problems and, for the API, the same in English. */
export type FileNote = { line: number; reason: string; problems: LineProblem[] };

const EXPECTED = { inn: "10 or 12 digits", phone: "a phone number", email: "an e-mail address" };

export function noteOf(line: number, problems: LineProblem[]): FileNote {
  return { line, reason: problems.map(inEnglish).join("; "), problems };
}

function inEnglish(problem: LineProblem): string {
  switch (problem.code) {
    case "totals_line":
      return `a totals line («${problem.value}»), not a client`;
    case "too_many_fields":
      return `the line has ${problem.fields} fields but the header has ${problem.headerFields}; a value holding "${problem.separator}" must be in double quotes`;
    case "empty":
      return `${problem.column} is empty`;
    case "not_amount":
      return `${problem.column} "${problem.text}" is not an amount such as 1 234,56`;
    case "not_day":
      return `${problem.column} "${problem.text}" is not a day such as 31.03.2026`;
    case "identifier_unreadable":
      return `${problem.column} "${problem.text}" is not ${EXPECTED[problem.kind]}; the row is matched without it`;
  }
}
