/** Plain-words views of a JSON Schema for the reference page: a type label, its limits, a body to start from. */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
  format?: string;
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  examples?: unknown[];
};

/** `"won" | "lost"`, `string[]`, `number | string`, `object`. */
export function typeLabel(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeLabel).join(" | ");
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (schema.type === "array") return `${schema.items ? typeLabel(schema.items) : "any"}[]`;
  if (schema.type === "object" && !schema.properties && typeof schema.additionalProperties === "object") {
    return `{ [key]: ${typeLabel(schema.additionalProperties)} }`;
  }
  return schema.type ?? "any";
}

// Numbers zod writes for "no limit" say nothing to a reader.
const meaningful = (value: number | undefined) => value !== undefined && Math.abs(value) < Number.MAX_SAFE_INTEGER;

/** `1–200 characters`, `≥ 1`, `date-time`, `default 30`. */
export function limits(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.format) parts.push(schema.format);
  if (meaningful(schema.minLength) || meaningful(schema.maxLength)) parts.push(`${schema.minLength ?? 0}–${schema.maxLength ?? "∞"} characters`);
  if (meaningful(schema.minItems) || meaningful(schema.maxItems)) parts.push(`${schema.minItems ?? 0}–${schema.maxItems ?? "∞"} items`);
  if (meaningful(schema.minimum)) parts.push(`≥ ${schema.minimum}`);
  if (meaningful(schema.maximum)) parts.push(`≤ ${schema.maximum}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}

/** A body holding only the required fields, each with a placeholder of its type: a start for "Try it". */
export function skeleton(schema: JsonSchema): unknown {
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  const first = (schema.anyOf ?? schema.oneOf)?.[0];
  if (first) return skeleton(first);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "object") {
    const required = schema.required ?? [];
    return Object.fromEntries(required.map((name) => [name, skeleton(schema.properties?.[name] ?? {})]));
  }
  if (type === "array") return schema.minItems && schema.items ? [skeleton(schema.items)] : [];
  if (type === "number" || type === "integer") return schema.minimum ?? 0;
  if (type === "boolean") return false;
  if (type === "string") return "";
  return null;
}
