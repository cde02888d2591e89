/**
 * Numbers for people, through Intl in one place: the mailed reports (Russian) and the pages (Russian
 * or English) format counts, percentages and money here. Money arrives as the API's decimal string in
 * roubles ("1234.50"), which Intl reads as an exact decimal rather than a float, or as integer kopecks.
 * Separators are the locale's as Node's ICU has them (Russian: no-break spaces, decimal comma).
 */

/** How many digits after the decimal separator: always exactly n, or at most n. */
export type FractionDigits = { exactly: number } | { upTo: number };

export type Decimal = `${number}`;

const formats = new Map<string, Intl.NumberFormat>();

/** Building an Intl.NumberFormat costs more than using one: reports and pages format thousands of figures. */
function formatOf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

const digits = (fraction: FractionDigits): Intl.NumberFormatOptions =>
  "exactly" in fraction ? { minimumFractionDigits: fraction.exactly, maximumFractionDigits: fraction.exactly } : { maximumFractionDigits: fraction.upTo };

/** A change shows its sign; no change shows none. */
type Signed = { signed?: boolean };
const sign = ({ signed }: Signed): Intl.NumberFormatOptions => (signed ? { signDisplay: "exceptZero" } : {});

/**
 * The number formats of one locale.
 * @example numbersIn("ru").money("1234567.50") // "1 234 567,50 ₽" (no-break spaces)
 */
export function numbersIn(locale: string) {
  return {
    /** A count or any plain figure: 1234 -> "1 234" (ru), "1,234" (en); up to three decimals unless `digits` says otherwise. */
    number: (value: number, options: Signed & { digits?: FractionDigits } = {}) =>
      formatOf(locale, { ...(options.digits ? digits(options.digits) : {}), ...sign(options) }).format(value),
    /** 0.1234 -> "12,3 %" (ru), "12.3%" (en); one decimal at most unless `digits` says otherwise. */
    percent: (fraction: number, options: Signed & { digits?: FractionDigits } = {}) =>
      formatOf(locale, { style: "percent", ...digits(options.digits ?? { upTo: 1 }), ...sign(options) }).format(fraction),
    /** An amount in `currency` (roubles by default), with kopecks unless `digits` says { upTo: 0 }. */
    money: (amount: Decimal | number, options: Signed & { currency?: string; digits?: FractionDigits } = {}) =>
      formatOf(locale, { style: "currency", currency: options.currency ?? "RUB", ...digits(options.digits ?? { upTo: 2 }), ...sign(options) }).format(amount),
    /** A plain number with the locale's decimal separator and no grouping, as a spreadsheet reads it: "1234,50". */
    spreadsheet: (value: Decimal | number, fraction: FractionDigits) => formatOf(locale, { useGrouping: false, ...digits(fraction) }).format(value),
  };
}

export type Numbers = ReturnType<typeof numbersIn>;
