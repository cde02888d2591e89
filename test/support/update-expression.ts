/** An Update as DynamoDB receives it: its expression with placeholders, and what they stand for. */
type Update = { UpdateExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> };

/**
 * What an update does, by attribute name, whatever placeholders the builder chose: values it sets,
 * values it sets only where the attribute is missing (`if_not_exists`), and numbers it adds.
 * Reads the builder's own expression shape (`SET #a = :v, #b = if_not_exists(#b, :w) ADD #c :x`).
 */
export function readUpdate(update: Update) {
  const name = (placeholder: string) => update.ExpressionAttributeNames?.[placeholder] ?? placeholder;
  const value = (placeholder: string) => update.ExpressionAttributeValues?.[placeholder];
  const read = { set: {} as Record<string, unknown>, setIfMissing: {} as Record<string, unknown>, add: {} as Record<string, unknown> };
  for (const clause of (update.UpdateExpression ?? "").split(/ (?=SET |ADD |REMOVE )/)) {
    const [keyword, ...rest] = clause.trim().split(" ");
    const body = rest.join(" ");
    if (keyword === "SET") {
      for (const part of body.split(/,\s*(?![^(]*\))/)) {
        const [target, expression] = part.split(" = ").map((s) => s.trim()) as [string, string];
        const ifMissing = /^if_not_exists\(\S+, (\S+)\)$/.exec(expression);
        if (ifMissing) read.setIfMissing[name(target)] = value(ifMissing[1]!);
        else read.set[name(target)] = value(expression);
      }
    } else if (keyword === "ADD") {
      for (const part of body.split(",")) {
        const [target, placeholder] = part.trim().split(" ") as [string, string];
        read.add[name(target)] = value(placeholder);
      }
    }
  }
  return read;
}
