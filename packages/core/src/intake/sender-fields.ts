/**
 * The flat fields of a webhook body (a form, or the top level of a JSON object), looked up by name
 * case-insensitively: site owners name their form fields `Phone`, `phone` or `PHONE` at will.
 */
export class SenderFields {
  private readonly values = new Map<string, string>();

  /** The first non-empty value of a name wins, so an empty duplicate (a blank hidden field) never hides a filled one. */
  constructor(pairs: Iterable<readonly [string, string]>) {
    for (const [name, raw] of pairs) {
      const key = name.trim().toLowerCase();
      const value = raw.trim();
      if (value !== "" && !this.values.has(key)) this.values.set(key, value);
    }
  }

  /** Top-level strings and numbers of a JSON object; nested objects and arrays are not form fields. */
  static fromJson(body: Record<string, unknown>): SenderFields {
    const pairs: Array<[string, string]> = [];
    for (const [name, value] of Object.entries(body)) {
      if (typeof value === "string") pairs.push([name, value]);
      else if (typeof value === "number" && Number.isFinite(value)) pairs.push([name, String(value)]);
    }
    return new SenderFields(pairs);
  }

  /**
   * The trimmed value of the first of `names` that has one, or null.
   * @example fields.get("name", "имя")
   */
  get(...names: string[]): string | null {
    for (const name of names) {
      const value = this.values.get(name.toLowerCase());
      if (value !== undefined) return value;
    }
    return null;
  }
}
