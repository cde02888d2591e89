import { InvalidInputError } from "../errors.js";
import { tableDefinition, type IndexName } from "./table.js";

/*
 * Opaque pagination cursor: the DynamoDB LastEvaluatedKey, base64url-encoded. A cursor comes back
 * from the caller, so it is validated against the query it continues before DynamoDB sees it:
 * exactly that index's key attributes, each a bounded string, in the query's own partition. A
 * crafted one is invalid input naming `cursor`, never a DynamoDB ValidationException (an internal error) and never a
 * look into another partition.
 */

/** DynamoDB's own limit for a sort key value; partition values are shorter still. */
const MAX_KEY_VALUE_LENGTH = 1024;
/** A cursor holds at most four such values; anything longer is not ours. */
const MAX_CURSOR_LENGTH = 8 * 1024;

export const invalidCursor = (why: string) => new InvalidInputError(`cursor is not one this API returned: ${why}`, [{ path: "cursor", message: `invalid cursor: ${why}` }]);

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString("base64url") : null;
}

/** What a cursor must look like to continue a query: its index and its partition (attribute and value). */
export type CursorShape = { index?: string; partition?: { attribute: string; value: unknown } };

export function decodeCursor(cursor: string | undefined, shape: CursorShape = {}): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  if (cursor.length > MAX_CURSOR_LENGTH) throw invalidCursor("too long");
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor("not readable");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw invalidCursor("not readable");
  const key = value as Record<string, unknown>;
  const expected = keyAttributesOf(shape.index);
  const given = Object.keys(key);
  if (given.length !== expected.length || !expected.every((name) => given.includes(name))) throw invalidCursor("it names other attributes than this listing's keys");
  for (const name of expected) {
    const part = key[name];
    if (typeof part !== "string" || part.length === 0 || part.length > MAX_KEY_VALUE_LENGTH) throw invalidCursor(`${name} is not a key value`);
  }
  if (shape.partition && key[shape.partition.attribute] !== shape.partition.value) throw invalidCursor("it belongs to another listing");
  return key;
}

function keyAttributesOf(index: string | undefined): string[] {
  const table = [tableDefinition.partitionKey, tableDefinition.sortKey];
  if (index === undefined) return table;
  const gsi = tableDefinition.globalIndexes[index as IndexName];
  if (!gsi) throw new Error(`unknown index ${index}`);
  return [gsi.partitionKey, gsi.sortKey, ...table];
}
