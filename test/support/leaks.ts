/**
 * What a Russian page must never show (issue 13, point 4): codes, English refusals, broken figures,
 * and English words outside names and what people typed.
 */

/** The tokens: a code's `_` inside a word, English refusals, statistics jargon, stored codes, broken figures. */
const leakedToken = /[\p{L}\p{N}]_[\p{L}\p{N}]|\brefused\b|\binvalid\b|\bmust\b|P\(|crm_status|no_contact|yandex_direct|\bundefined\b|\bNaN\b|\bnull\b/giu;

/** A word in Latin letters with the digits, hyphens and dots inside it (e-mail, UTF-8, KOI8-R). */
const latinWord = /\p{Script=Latin}[\p{Script=Latin}\p{N}]*(?:[-.][\p{Script=Latin}\p{N}]+)*/gu;

/**
 * Latin words a Russian page may use, each for a reason; everything else in Latin letters is English.
 * Names of products and platforms are written in Latin in Russian too; format names are what a file
 * or an integration is called; RU/EN is the language switch, written in the language it switches to.
 */
const allowedLatin = new Set([
  // Products and platforms, as their Russian users write them.
  "Tilda", "amoCRM", "VK", "Google", "Telegram", "Instagram", "Facebook", "myTarget", "Excel", "curl", "Ozon",
  // Formats, encodings and kinds of system a person names in Russian by these letters.
  "UTM", "CSV", "JSON", "API", "SEO", "CRM", "e-mail", "E-mail", "UTF-8", "Windows-1251", "KOI8-R",
  // Return on marketing investment: Russian marketers have no other word for it.
  "ROMI",
  // The backlog's scoring method (impact, confidence, ease), named so by the issue and by marketers.
  "ICE",
  // The language switch.
  "RU", "EN",
]);

/** E-mail addresses and web addresses are data a person typed or copies, in Latin by nature. */
const addresses = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|https?:\/\/[^\s"<>]+/gu;

const entities: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", nbsp: "\u00a0" };
/** Hono writes &amp; &quot; &#39; &lt; &gt;; Chromium's serialized DOM writes &nbsp; too. */
const decode = (text: string) =>
  text.replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (whole, name: string) =>
    name.startsWith("#") ? String.fromCodePoint(Number(name.startsWith("#x") ? `0${name.slice(1)}` : name.slice(1))) : (entities[name] ?? whole),
  );

/** Attributes a person reads: tooltips, placeholders, labels read aloud, the text of input buttons and filled-in fields. */
function seenAttributes(tag: string, attributes: string): string[] {
  const values = new Map([...attributes.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name!.toLowerCase(), decode(value!)]));
  if (values.get("translate") === "no") return [];
  const seen = ["title", "placeholder", "aria-label", "alt"].flatMap((name) => values.get(name) ?? []);
  // An input shows its value, except hidden fields, check boxes and radio buttons, whose values are codes for the server,
  // and dates and times, which the browser shows in the reader's own format.
  if (tag.toLowerCase() === "input" && !notShownAsIs.has(values.get("type") ?? "text")) seen.push(values.get("value") ?? "");
  return seen;
}
const notShownAsIs = new Set(["hidden", "checkbox", "radio", "date", "datetime-local", "time", "month", "week"]);

/**
 * The text a person sees on a page: its text outside scripts and styles plus the attributes they
 * read. An element marked `translate="no"` (a webhook address, a key, a raw body, a file's column
 * names) is data to copy as is, in no language, and is left out.
 */
export function visibleText(html: string): string {
  const shown = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, " ").replace(/<(\w+)\b[^>]*\btranslate="no"[^>]*>[\s\S]*?<\/\1>/g, " ");
  const attributes = [...shown.matchAll(/<(\w+)\b([^>]*)>/g)].flatMap(([, tag, attrs]) => seenAttributes(tag!, attrs!));
  const text = decode(shown.replace(/<[^>]+>/g, " "));
  return [text, ...attributes].join(" ").replace(/\s+/g, " ").trim();
}

const wordChar = /[\p{L}\p{N}_]/u;

/** `text` without `phrase` where it stands as a whole ("phone" the utm medium, not inside "phones"). */
function withoutPhrase(text: string, phrase: string): string {
  let out = "";
  let from = 0;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const end = at + phrase.length;
    if (at < from || wordChar.test(text[at - 1] ?? "") || wordChar.test(text[end] ?? "")) continue;
    out += `${text.slice(from, at)} `;
    from = end;
  }
  return out + text.slice(from);
}

/**
 * Each leak in `text` with a little of its context: the tokens and English words, once the
 * text people typed (`typed`, longest first) and addresses are taken out.
 */
export function leaksIn(text: string, typed: string[]): string[] {
  let own = text.replace(addresses, " ");
  for (const phrase of typed) own = withoutPhrase(own, phrase);
  const around = (index: number, length: number) => `…${own.slice(Math.max(0, index - 30), index + length + 30)}…`;
  const tokens = [...own.matchAll(leakedToken)].map((m) => around(m.index, m[0].length));
  const english = [...own.matchAll(latinWord)].filter((m) => !allowedLatin.has(m[0])).map((m) => `${m[0]} in ${around(m.index, m[0].length)}`);
  return [...tokens, ...english];
}
