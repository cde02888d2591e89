/**
 * One text in both page languages, written side by side so that a wording is changed in one place:
 * `t("Отдел продаж", "People")`. The English side sets the type (a function's parameters, say) and the
 * Russian side must fit it, so a missing or mistyped translation fails typecheck on its own line.
 * `inLang(catalog, lang)` turns a catalog of such texts into the plain `Messages` of one language.
 */
export class Text<T> {
  // A private member makes the type nominal: a namespace that happens to have keys `ru` and `en` is not a text.
  private declare readonly nominal: never;
  constructor(
    readonly ru: T,
    readonly en: T,
  ) {}
}

/**
 * A text in Russian and English; values that are not literals (a locale, a call of a plural helper) go in as they are.
 * @example t((count: number) => `Закрытые (${count})`, (count: number) => `Closed (${count})`)
 */
export const t = <T>(ru: NoInfer<T>, en: T): Text<T> => new Text(ru, en);

export type TextLang = "ru" | "en";

/** A catalog in one language: every text replaced by its value in that language. */
export type In<Catalog> = Catalog extends Text<infer T> ? T : { [Key in keyof Catalog]: In<Catalog[Key]> };

/** @example inLang({ nav: { people: t("Отдел продаж", "People") } }, "en") // { nav: { people: "People" } } */
export function inLang<Catalog extends object>(catalog: Catalog, lang: TextLang): In<Catalog> {
  return Object.fromEntries(
    Object.entries(catalog).map(([key, value]) => [key, value instanceof Text ? value[lang] : inLang(value as object, lang)]),
  ) as In<Catalog>;
}
