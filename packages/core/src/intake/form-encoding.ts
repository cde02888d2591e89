/**
 * application/x-www-form-urlencoded decoding that never throws: webhook senders and browsers
 * produce broken escapes often enough that losing a lead over one would be worse than keeping the raw text.
 */

const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const HAS_ESCAPE = /%[0-9A-Fa-f]{2}/;

/**
 * Percent-decodes `text`; a run of escapes that is not valid UTF-8 is kept as written.
 * @example decodePercent("%D1%81%D1%83%D0%BC%D0%BA%D0%B8") // "сумки"
 * @example decodePercent("%E0%A4%A") // "%E0%A4%A"
 */
export function decodePercent(text: string): string {
  return text.replace(ESCAPE_RUN, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** One form or query-string component: `+` is a space, then percent-decoding. */
export function decodeFormComponent(text: string): string {
  return decodePercent(text.replace(/\+/g, " "));
}

/**
 * A value that still carries percent escapes was sent URL-encoded (a raw query value copied into a
 * field): decode it as a form component. Anything else is kept, so a literal `c++` survives.
 */
export function decodeIfEncoded(text: string): string {
  return HAS_ESCAPE.test(text) ? decodeFormComponent(text) : text;
}

/**
 * Name/value pairs of a form body or query string, in order, duplicates kept.
 * @example parseFormPairs("a=1&b=x+y&a=2") // [["a","1"],["b","x y"],["a","2"]]
 */
export function parseFormPairs(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const part of text.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = decodeFormComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? "" : decodeFormComponent(part.slice(eq + 1));
    pairs.push([name, value]);
  }
  return pairs;
}
