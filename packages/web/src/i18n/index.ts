import { catalog } from "./catalog.js";
import { inLang, type In } from "./text.js";

/** The texts of one language, as pages read them (`t.board.title`, `t.board.closed(3)`). */
export type Messages = In<typeof catalog>;

export const dictionaries = { ru: inLang(catalog, "ru"), en: inLang(catalog, "en") } satisfies Record<string, Messages>;
export type Lang = keyof typeof dictionaries;
export const langs = Object.keys(dictionaries) as Lang[];

export const isLang = (value: string | undefined): value is Lang => value !== undefined && (langs as string[]).includes(value);

/**
 * The language of a request: the `lang` cookie when set, else the first of ours the browser lists
 * (by its q-weights), else Russian, the workspace's own language.
 * @example pickLang("de-DE,de;q=0.9,en;q=0.8", undefined) // "en"
 */
export function pickLang(acceptLanguage: string | undefined, cookie: string | undefined): Lang {
  if (isLang(cookie)) return cookie;
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? 1);
      return { base: tag.toLowerCase().split("-")[0]!, q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return wanted.map((entry) => entry.base).find(isLang) ?? "ru";
}
