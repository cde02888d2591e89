import { keyPartIssue } from "../db/key-limits.js";
import type { FieldIssue } from "../errors.js";

/**
 * Reading amoCRM's classic webhook bodies: bracket forms decode to nested objects keyed by index
 * (or by id, as in `linked_leads_id[9982719]`), and a JSON body of the same shape uses arrays.
 */

export function isRecord(node: unknown): node is Record<string, unknown> {
  return typeof node === "object" && node !== null;
}

export function child(node: unknown, key: string): unknown {
  return isRecord(node) && !Array.isArray(node) ? node[key] : undefined;
}

/** The items of a list, whether a JSON array or an object keyed by index (as bracket forms decode). */
export function entries(node: unknown): Array<[string, unknown]> {
  if (Array.isArray(node)) return node.map((item, index) => [String(index), item]);
  return isRecord(node) ? Object.entries(node) : [];
}

export function text(node: unknown): string | null {
  if (typeof node === "number" && Number.isFinite(node)) return String(node);
  if (typeof node !== "string") return null;
  const trimmed = node.trim();
  return trimmed === "" ? null : trimmed;
}

/**
 * An id amoCRM sent, or null when absent or "0" (amoCRM's "none"). One too long for a key is kept, so
 * that the call is refused naming it (delivery-limits.ts) instead of the id silently going missing.
 */
export function amoId(node: unknown): string | null {
  const id = text(node);
  return id && id !== "0" ? id : null;
}

/** Adds an issue named as amoCRM names the field (`leads.status.0.loss_reason_id`) for each id in `keys` too long for a key. */
export function longIdIssues(entry: unknown, keys: string[], path: string, issues: FieldIssue[]): boolean {
  const found = keys.map((key) => keyPartIssue(`${path}.${key}`, text(child(entry, key)))).filter((issue) => issue !== null);
  issues.push(...found);
  return found.length > 0;
}

/**
 * Custom field values by lower-cased name and code (`utm_source`, `UTM_SOURCE` -> "utm_source"):
 * every value of a field, in order (a contact's PHONE field holds its work and mobile numbers).
 */
export function customFieldValues(entry: unknown): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const [, field] of entries(child(entry, "custom_fields"))) {
    // Most values are `{value, enum?}`; date fields send the bare timestamp.
    const list = entries(child(field, "values"))
      .map(([, value]) => text(value) ?? text(child(value, "value")))
      .filter((value): value is string => value !== null);
    if (list.length === 0) continue;
    for (const key of [text(child(field, "name")), text(child(field, "code"))]) {
      const name = key?.toLowerCase();
      if (name && !values.has(name)) values.set(name, list);
    }
  }
  return values;
}
