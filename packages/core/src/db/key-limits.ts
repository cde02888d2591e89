import { z } from "zod";
import type { FieldIssue } from "../errors.js";

/**
 * DynamoDB refuses a partition key over 2048 bytes and a sort key over 1024 bytes (UTF-8) with a
 * ValidationException, which would surface as a 500 that every retry repeats. Whatever a sender or
 * a client sends that becomes part of a key is measured here, at the boundary, with room left for
 * the key's prefixes (`LEADREF#<sourceId>#ext#`, `UTM#...#`).
 */

/** Ids and keys from outside (a sender's lead id, amoCRM ids, `Idempotency-Key`, API path and query ids). */
export const ID_MAX_BYTES = 200;
/** Each of utm_source and utm_campaign as it stands in the campaign claim key `UTM#<source>#<campaign>` (2048 bytes in all). */
export const UTM_KEY_PART_MAX_BYTES = 1000;

export function utf8Bytes(value: string): number {
  return Buffer.byteLength(value, "utf8");
}

/**
 * An issue naming `path` when `value` takes more than `max` bytes, else null.
 * @example keyPartIssue("tranid", "x".repeat(300)) // { path: "tranid", message: "at most 200 bytes (UTF-8), got 300" }
 */
export function keyPartIssue(path: string, value: string | null | undefined, max = ID_MAX_BYTES): FieldIssue | null {
  if (value == null) return null;
  const bytes = utf8Bytes(value);
  return bytes > max ? { path, message: `at most ${max} bytes (UTF-8), got ${bytes}` } : null;
}

/** An id the API takes in a query or body: refused as invalid, naming its field, when it could not fit a key. */
export const IdSchema = z
  .string()
  .min(1)
  .refine((value) => utf8Bytes(value) <= ID_MAX_BYTES, { message: `at most ${ID_MAX_BYTES} bytes (UTF-8)` });

/**
 * The path parameters of `path` too long for a key, named as the routes matched for it name them
 * (`/api/leads/:id` names the third segment `id`). Pure, so the API and the pages share it.
 * @example longPathParams(["/api/leads/:id"], "/api/leads/" + "0".repeat(300)) // [{ path: "id", message: "at most 200 bytes (UTF-8), got 300" }]
 */
export function longPathParams(routePaths: readonly string[], path: string): FieldIssue[] {
  const segments = path.split("/");
  const issues = new Map<string, FieldIssue>();
  for (const routePath of routePaths) {
    routePath.split("/").forEach((part, position) => {
      if (!part.startsWith(":") || segments[position] === undefined) return;
      const name = part.slice(1).replace(/\{.*$/, "").replace(/\?$/, "");
      const issue = keyPartIssue(name, decodedSegment(segments[position]!));
      if (issue) issues.set(name, issue);
    });
  }
  return [...issues.values()];
}

function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
