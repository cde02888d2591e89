import type { Context } from "hono";
import { tryGetContext } from "hono/context-storage";
import type { z } from "zod";
import { DomainError, type ErrorKind, type FieldIssue, fieldIssues, InvalidInputError } from "@parom/core";
import type { Problem } from "./components/form.js";
import { statusOf } from "./error-status.js";
import type { WebEnv } from "./env.js";
import { dictionaries } from "./i18n/index.js";

/** The text fields of a posted form (files are read separately), without the CSRF token. */
export async function formValues(c: Context<WebEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === "string" && name !== "_csrf") values[name] = value;
  return values;
}

/** "" -> undefined; a number (decimal comma allowed) -> number; anything else stays text for the schema to refuse by name. */
export function optionalNumber(value: string | undefined): number | string | undefined {
  const text = value?.trim().replace(",", ".");
  if (!text) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : value;
}

/** A percent typed by a person ("5") as the fraction the domain keeps (0.05). */
export function optionalPercent(value: string | undefined): number | string | undefined {
  const number = optionalNumber(value);
  return typeof number === "number" ? Number((number / 100).toPrecision(12)) : number;
}

/**
 * A percent field's bound in the percent the person typed: the schema keeps fractions, so its
 * "не больше 1" reads "не больше 100 %" and "должно быть больше 0.5" "должно быть больше 50 %" (in English,
 * "must be at most 1" reads "must be at most 100%").
 * @example inPercent(problem, ["confidence"], v.fmt.percent)
 */
export function inPercent(problem: Problem, paths: readonly string[], percent: (fraction: number) => string): Problem {
  const issues = problem.issues.map((issue) => {
    // The message is our own translation ending in the schema's bound, not user text.
    const bound = paths.includes(issue.path) ? / (-?\d+(?:\.\d+)?)$/.exec(issue.message) : null;
    return bound ? { ...issue, message: `${issue.message.slice(0, bound.index)} ${percent(Number(bound[1]))}` } : issue;
  });
  return { ...problem, issues };
}

export const optionalText = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** A form the schema refused: its issues sit beside the fields, so no summary sentence is needed. */
class FormInvalidError extends InvalidInputError {}

/** A 400 for problems a page finds before the schema (a choice between two fields), shown like the schema's. */
export function formInvalid(issues: FieldIssue[]): never {
  throw new FormInvalidError("the form is invalid", issues);
}

/** The schema's output, or a 400 naming every field (the same checks as the API). */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new FormInvalidError("the form is invalid", fieldIssues(result.error));
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; kind: ErrorKind; problem: Problem };

/**
 * Runs a domain verb; a domain refusal becomes a problem to show beside the form, anything else
 * propagates. The problem is told in the request's language: its code and each field's issue in
 * words (i18n/refusals.ts), so a Russian page never shows the API's English.
 */
export async function attempt<T>(action: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await action() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const issues = (error.details.issues as FieldIssue[] | undefined) ?? [];
    // A bad cursor is a damaged link, not a field the reader typed: the error page says so (pages/errors.tsx).
    if (issues.some((issue) => issue.path === "cursor")) throw error;
    const words = dictionaries[tryGetContext<WebEnv>()?.var.lang ?? "en"].refusals;
    const message = error instanceof FormInvalidError ? undefined : words.message(error.code, error.details, error.message);
    return { ok: false, kind: error.kind, problem: { message, issues: issues.map((issue) => ({ ...issue, message: words.issue(issue.message) })) } };
  }
}

/**
 * The status a refused form answers with: a conflict or unprocessable input keeps its own, and so does
 * any kind the page names in `kept` (a file too large); every other refusal is a 400.
 */
export function formStatus<Kept extends ErrorKind = never>(kind: ErrorKind, ...kept: Kept[]) {
  const keeps = kind === "conflict" || kind === "unprocessable" || (kept as ErrorKind[]).includes(kind);
  // The cast only narrows to the statuses of the kinds kept, which is what `keeps` checked.
  return (keeps ? statusOf[kind] : statusOf.invalid) as 400 | (typeof statusOf)[Kept | "conflict" | "unprocessable"];
}
