/** A form decoded by its bracket keys; every object here has a null prototype, so no key can reach Object.prototype. */
export type FieldTree = { [key: string]: string | FieldTree };

const BRACKET_KEY = /^([^[\]]*)((?:\[[^[\]]*\])+)$/;

/**
 * Nests form pairs by their PHP-style bracket keys, as amoCRM sends them. Numeric segments stay object keys
 * (amoCRM also uses sparse ones such as `linked_leads_id[9982719]`). The first non-empty value of a key wins;
 * a key that would nest under a value already set as text (or the reverse) is dropped rather than thrown on.
 * @example decodeBracketFields([["leads[add][0][id]", "7"]]) // { leads: { add: { "0": { id: "7" } } } }
 */
export function decodeBracketFields(pairs: Iterable<readonly [string, string]>): FieldTree {
  const root: FieldTree = Object.create(null);
  for (const [name, value] of pairs) {
    const path = bracketPath(name);
    const leaf = path.pop()!;
    let node: FieldTree | null = root;
    for (const key of path) {
      const next: string | FieldTree | undefined = node[key];
      if (typeof next === "string") {
        node = null;
        break;
      }
      node = next ?? (node[key] = Object.create(null) as FieldTree);
    }
    if (node === null) continue;
    const existing = node[leaf];
    if (existing === undefined || existing === "") node[leaf] = value;
  }
  return root;
}

/** `a[b][0]` -> ["a", "b", "0"]; a name that is not well-formed bracket notation is one plain key. */
function bracketPath(name: string): string[] {
  const match = BRACKET_KEY.exec(name);
  if (!match) return [name];
  return [match[1]!, ...match[2]!.slice(1, -1).split("][")];
}
