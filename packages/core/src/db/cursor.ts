import { InvalidInputError } from "../errors.js";

/** Opaque pagination cursor: the DynamoDB LastEvaluatedKey, base64url-encoded. */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString("base64url") : null;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the 400 below
  }
  throw new InvalidInputError("cursor is not one this API returned", [{ path: "cursor", message: "invalid cursor" }]);
}
