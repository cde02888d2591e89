/**
 * Numbers, money and dates in the reader's locale. Money arrives as integer kopecks or as the
 * API's decimal strings; it is divided only for display, never summed here.
 */
export type Format = ReturnType<typeof formatterFor>;

export function formatterFor(locale: string, timeZone: string) {
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const moneys = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (currency: string, fractionDigits: 0 | 2 = 2) => {
    const key = `${currency}/${fractionDigits}`;
    let format = moneys.get(key);
    if (!format) moneys.set(key, (format = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: fractionDigits })));
    return format;
  };
  // ISO days are calendar dates, not instants: formatted in UTC so no zone can shift them.
  const days = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const instants = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  return {
    number: (value: number) => numbers.format(value),
    percent: (fraction: number) => percents.format(fraction),
    /** 1234550 kopecks -> "12 345,50 ₽" (ru) or "RUB 12,345.50" (en). */
    kopecks: (kopecks: number, currency = "RUB") => moneyFormat(currency).format(kopecks / 100),
    /** Rounded to whole units, where space is short (a board card): "RUB 12,346". */
    wholeMoney: (kopecks: number, currency = "RUB") => moneyFormat(currency, 0).format(kopecks / 100),
    /** The API's decimal string ("1234.50") in the locale's money format. */
    money: (decimal: string, currency = "RUB") => moneyFormat(currency).format(Number(decimal)),
    day: (isoDay: string) => days.format(new Date(`${isoDay}T00:00:00Z`)),
    dateTime: (iso: string) => instants.format(new Date(iso)),
  };
}
