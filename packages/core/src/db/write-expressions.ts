/*
 * The expressions of the entity layer's writes: a write's condition and the one builder of dynamic
 * update expressions.
 */

/**
 * A condition on a write: the item must not exist yet, must exist, none (an upsert, such as a counter
 * whose first ADD creates it), or an expression of your own (its placeholders named, not `#a0`/`:v0`
 * style, which updates generate).
 */
export type Condition = "new" | "exists" | "none" | { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };

/**
 * The changes of an update: attributes to set (undefined ones are left alone), to set only when the
 * item lacks them (if_not_exists: a first value that later writes keep), fields to set inside a map
 * attribute (`{ contact: { email } }`, each field on its own so concurrent changes of the others
 * stand), attributes to remove, fields to remove from inside a map attribute (the others stand, as
 * with `setIn`), and numbers to add. Any attribute name works (`wonAfter_-1`).
 */
export type Changes = {
  set?: Record<string, unknown>;
  setIfMissing?: Record<string, unknown>;
  setIn?: Record<string, Record<string, unknown>>;
  remove?: string[];
  removeIn?: Record<string, string[]>;
  add?: Record<string, number>;
};

type ConditionExpressions = { ConditionExpression: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> };

/** The expressions of a write's condition (none for `none`). */
export function conditionOf(condition: Exclude<Condition, "none">): ConditionExpressions;
export function conditionOf(condition: Condition | undefined): ConditionExpressions | Record<string, never>;
export function conditionOf(condition: Condition | undefined): ConditionExpressions | Record<string, never> {
  if (condition === undefined || condition === "none") return {};
  if (condition === "new") return { ConditionExpression: "attribute_not_exists(pk)" };
  if (condition === "exists") return { ConditionExpression: "attribute_exists(pk)" };
  return {
    ConditionExpression: condition.expression,
    ...(condition.names ? { ExpressionAttributeNames: condition.names } : {}),
    ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
  };
}

/**
 * The one builder of dynamic update expressions: SET, REMOVE and ADD clauses with placeholders by
 * position (`#a0`, `:v0`: attribute names need not be valid placeholder names), merged with the
 * condition's own names and values.
 */
export function updateOf(changes: Changes, condition?: Condition) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const name = (attribute: string) => {
    const placeholder = `#a${Object.keys(names).length}`;
    names[placeholder] = attribute;
    return placeholder;
  };
  const value = (v: unknown) => {
    const placeholder = `:v${Object.keys(values).length}`;
    values[placeholder] = v;
    return placeholder;
  };
  const defined = (record: Record<string, unknown> = {}) => Object.entries(record).filter(([, v]) => v !== undefined);
  const sets = [
    ...defined(changes.set).map(([n, v]) => `${name(n)} = ${value(v)}`),
    ...defined(changes.setIfMissing).map(([n, v]) => {
      const attribute = name(n);
      return `${attribute} = if_not_exists(${attribute}, ${value(v)})`;
    }),
    ...Object.entries(changes.setIn ?? {}).flatMap(([map, fields]) => {
      const fieldSets = defined(fields);
      if (fieldSets.length === 0) return [];
      const attribute = name(map);
      return fieldSets.map(([n, v]) => `${attribute}.${name(n)} = ${value(v)}`);
    }),
  ];
  const removes = [
    ...(changes.remove ?? []).map(name),
    ...Object.entries(changes.removeIn ?? {}).flatMap(([map, fields]) => {
      if (fields.length === 0) return [];
      const attribute = name(map);
      return fields.map((field) => `${attribute}.${name(field)}`);
    }),
  ];
  const adds = Object.entries(changes.add ?? {}).map(([n, v]) => `${name(n)} ${value(v)}`);
  const clauses = [
    sets.length ? `SET ${sets.join(", ")}` : "",
    removes.length ? `REMOVE ${removes.join(", ")}` : "",
    adds.length ? `ADD ${adds.join(", ")}` : "",
  ].filter(Boolean);
  if (clauses.length === 0) throw new Error("an update needs at least one change");
  const own = conditionOf(condition) as { ConditionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> };
  Object.assign(names, own.ExpressionAttributeNames);
  Object.assign(values, own.ExpressionAttributeValues);
  return {
    UpdateExpression: clauses.join(" "),
    ...(own.ConditionExpression ? { ConditionExpression: own.ConditionExpression } : {}),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
  };
}
