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

/** An id the API takes in a query or body: refused with a 400 naming its field when it could not fit a key. */
export const IdSchema = z
  .string()
  .min(1)
  .refine((value) => utf8Bytes(value) <= ID_MAX_BYTES, { message: `at most ${ID_MAX_BYTES} bytes (UTF-8)` });
