import { encodingName } from "../text/charset.js";

/**
 * application/x-www-form-urlencoded decoding that never throws: webhook senders and browsers
 * produce broken escapes often enough that losing a lead over one would be worse than keeping the raw text.
 */

const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const HAS_ESCAPE = /%[0-9A-Fa-f]{2}/;

/**
 * Percent-decodes `text`; a run of escapes that is not valid in `charset` (UTF-8 unless a form declares
 * another: a windows-1251 form escapes windows-1251 bytes) is kept as written.
 * @example decodePercent("%D1%81%D1%83%D0%BC%D0%BA%D0%B8") // "сумки"
 * @example decodePercent("%C8%E2%E0%ED", "windows-1251") // "Иван"
 * @example decodePercent("%E0%A4%A") // "%E0%A4%A"
 */
export function decodePercent(text: string, charset?: string): string {
  return decodeRuns(text, runDecoder(charset));
}

function decodeRuns(text: string, decode: (run: string) => string): string {
  return text.replace(ESCAPE_RUN, (run) => {
    try {
      return decode(run);
    } catch {
      return run;
    }
  });
}

/** Decodes one run of escapes (throwing when its bytes are invalid) in the charset's encoding. */
function runDecoder(charset: string | undefined): (run: string) => string {
  const encoding = charset === undefined ? "utf-8" : encodingName(charset);
  // As in the URL standard, UTF-16 forms escape UTF-8; an unknown label was refused with the body already.
  if (encoding === null || encoding === "utf-8" || encoding.startsWith("utf-16")) return decodeURIComponent;
  const decoder = new TextDecoder(encoding, { fatal: true });
  return (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return decoder.decode(bytes);
  };
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
 * Name/value pairs of a form body or query string, in order, duplicates kept; escapes are read in
 * `charset` (the form's declared one), UTF-8 by default.
 * @example parseFormPairs("a=1&b=x+y&a=2") // [["a","1"],["b","x y"],["a","2"]]
 */
export function parseFormPairs(text: string, charset?: string): Array<[string, string]> {
  const decode = runDecoder(charset); // one decoder for the whole body
  const component = (part: string) => decodeRuns(part.replace(/\+/g, " "), decode);
  const pairs: Array<[string, string]> = [];
  for (const part of text.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = component(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? "" : component(part.slice(eq + 1));
    pairs.push([name, value]);
  }
  return pairs;
}
