import { type Decimal, numbersIn } from "@parom/core/format";

/**
 * Numbers, money and dates in the reader's locale; the numbers are core's (format/numbers.ts), the
 * same Intl formats the mailed reports use. Money arrives as integer kopecks or as the API's decimal
 * strings; it is divided only for display, never summed here.
 */
export type Format = ReturnType<typeof formatterFor>;

const DAY_MS = 86_400_000;

export function formatterFor(locale: string, timeZone: string) {
  const numbers = numbersIn(locale);
  // ISO days are calendar dates, not instants: formatted in UTC so no zone can shift them.
  const days = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const instants = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const months = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  return {
    number: (value: number) => numbers.number(value),
    percent: (fraction: number) => numbers.percent(fraction),
    /** 1234550 kopecks -> "12 345,50 ₽" (ru) or "RUB 12,345.50" (en). */
    kopecks: (kopecks: number, currency = "RUB") => numbers.money(kopecks / 100, { currency }),
    /**
     * As a person writes an amount: whole roubles when there are no kopecks, kopecks when there are some
     * (60000000 -> "600 000 ₽", 60000050 -> "600 000,50 ₽"); the hypothesis page's money, so it reads like the board.
     */
    amount: (kopecks: number, currency = "RUB") =>
      numbers.money(kopecks / 100, { currency, digits: kopecks % 100 === 0 ? { upTo: 0 } : { exactly: 2 } }),
    /** Rounded to whole units, where space is short (a board card): "RUB 12,346". */
    wholeMoney: (kopecks: number, currency = "RUB") => numbers.money(kopecks / 100, { currency, digits: { upTo: 0 } }),
    /** The API's decimal string ("1234.50") in the locale's money format. */
    money: (decimal: string, currency = "RUB") => numbers.money(decimal as Decimal, { currency }),
    /** The currency's sign as the locale writes money ("₽" in Russian, "RUB" in English), for a money field's label. */
    currencySign: (currency = "RUB") =>
      new Intl.NumberFormat(locale, { style: "currency", currency }).formatToParts(0).find((part) => part.type === "currency")?.value ?? currency,
    day: (isoDay: string) => days.format(new Date(`${isoDay}T00:00:00Z`)),
    dateTime: (iso: string) => instants.format(new Date(iso)),
    /** A cohort's key as a reader names it: "2026-03" -> "март 2026 г.", ISO week "2026-W10" -> "2 мар. – 8 мар. 2026 г."; any other key as it is. */
    cohort: (key: string) => {
      const month = /^(\d{4})-(\d{2})$/.exec(key);
      if (month) return months.format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
      const week = /^(\d{4})-W(\d{2})$/.exec(key);
      if (!week) return key;
      // ISO week 1 is the week holding 4 January; weeks start on Monday.
      const jan4 = Date.UTC(Number(week[1]), 0, 4);
      const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (Number(week[2]) - 1) * 7 * DAY_MS;
      return `${dayMonth.format(new Date(monday))} – ${days.format(new Date(monday + 6 * DAY_MS))}`;
    },
  };
}
