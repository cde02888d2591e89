import { type Decimal, numbersIn } from "@parom/core/format";

/**
 * Numbers, money and dates in the reader's locale; the numbers are core's (format/numbers.ts), the
 * same Intl formats the mailed reports use. Money arrives as integer kopecks or as the API's decimal
 * strings; it is divided only for display, never summed here.
 */
export type Format = ReturnType<typeof formatterFor>;

export function formatterFor(locale: string, timeZone: string) {
  const numbers = numbersIn(locale);
  // ISO days are calendar dates, not instants: formatted in UTC so no zone can shift them.
  const days = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const instants = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  return {
    number: (value: number) => numbers.number(value),
    percent: (fraction: number) => numbers.percent(fraction),
    /** 1234550 kopecks -> "12 345,50 ₽" (ru) or "RUB 12,345.50" (en). */
    kopecks: (kopecks: number, currency = "RUB") => numbers.money(kopecks / 100, { currency }),
    /** Rounded to whole units, where space is short (a board card): "RUB 12,346". */
    wholeMoney: (kopecks: number, currency = "RUB") => numbers.money(kopecks / 100, { currency, digits: { upTo: 0 } }),
    /** The API's decimal string ("1234.50") in the locale's money format. */
    money: (decimal: string, currency = "RUB") => numbers.money(decimal as Decimal, { currency }),
    /** The currency's sign as the locale writes money ("₽" in Russian, "RUB" in English), for a money field's label. */
    currencySign: (currency = "RUB") =>
      new Intl.NumberFormat(locale, { style: "currency", currency }).formatToParts(0).find((part) => part.type === "currency")?.value ?? currency,
    day: (isoDay: string) => days.format(new Date(`${isoDay}T00:00:00Z`)),
    dateTime: (iso: string) => instants.format(new Date(iso)),
  };
}
