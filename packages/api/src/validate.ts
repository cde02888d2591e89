import type { Context } from "hono";
import type { z } from "zod";
import { DomainError, fieldIssues, InvalidInputError } from "@parom/core";
import { assertDocumentedSchema } from "./openapi/describe.js";

/** Parses `value` with `schema` or throws a 400 naming every bad field. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what = "body"): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = fieldIssues(result.error);
  throw new InvalidInputError(`${what} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
}

/** The JSON body, validated. Malformed JSON is a 400 of its own. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  assertDocumentedSchema(c, "body", schema);
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new DomainError("invalid_json", "the body is not valid JSON (send Content-Type: application/json)");
  }
  return parseWith(schema, body);
}

/** The query string, validated. */
export function queryParams<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  assertDocumentedSchema(c, "query", schema);
  return parseWith(schema, c.req.query(), "query");
}
