import { InvalidInputError } from "../errors.js";
import { declaredCharset } from "../text/charset.js";
import { parseFormPairs } from "./form-encoding.js";

/** A webhook body as it arrived: its Content-Type header and its text (decoded by the header's charset: text/charset.ts). */
export type WebhookBody = { contentType: string | undefined; text: string };

/** A body decoded into either form pairs (in order, duplicates kept) or a JSON object. */
export type ReadBody =
  | { kind: "form"; pairs: Array<[string, string]> }
  | { kind: "json"; value: Record<string, unknown> };

/**
 * Decodes a body by its Content-Type; without one, a body starting with `{` or `[` is JSON, anything else a form.
 * Throws invalid input when the body cannot be read at all.
 */
export function readBody(body: WebhookBody): ReadBody {
  const mediaType = body.contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  const text = body.text.replace(/^\uFEFF/, "");
  const looksLikeJson = /^\s*[{[]/.test(text);

  if (mediaType === "application/json" || mediaType.endsWith("+json") || (mediaType === "" && looksLikeJson)) {
    return { kind: "json", value: parseJsonObject(text) };
  }
  if (mediaType === "application/x-www-form-urlencoded" || mediaType === "") {
    // The text was decoded in the declared charset already; the escapes in it are that charset's bytes too.
    return { kind: "form", pairs: parseFormPairs(text, declaredCharset(body.contentType) ?? undefined) };
  }
  const message = `${mediaType} is not supported: send application/json or application/x-www-form-urlencoded`;
  throw new InvalidInputError(message, [{ path: "(content-type)", message }]);
}

function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = `the body is not valid JSON (${(error as Error).message})`;
    throw new InvalidInputError(message, [{ path: "(body)", message }]);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const message = "the JSON body must be an object";
    throw new InvalidInputError(message, [{ path: "(body)", message }]);
  }
  return value as Record<string, unknown>;
}
