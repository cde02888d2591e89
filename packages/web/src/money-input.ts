import { formatKopecks, toKopecks } from "@parom/core";
import type { Lang } from "./i18n/index.js";

/**
 * Money as people type it into a form and as a form shows it back, in one place. Typed: spaces of
 * any kind between thousands and a decimal comma or point ("600 000", "600 000,50", "600000.50");
 * the parsing itself is core's (toKopecks), the one the API uses.
 */

/**
 * Kopecks from a money field; undefined when left blank, null when it is not an amount.
 * @example readMoney(" 600 000,50 ") // 60000050
 */
export function readMoney(text: string | undefined): number | null | undefined {
  const trimmed = text?.trim();
  return trimmed ? toKopecks(trimmed) : undefined;
}

/**
 * A money field as the domain's input: blank -> undefined, an amount -> its decimal string
 * ("600000.50"), anything else stays as typed, for the schema to refuse by the field's name.
 */
export function moneyText(text: string | undefined): string | undefined {
  const kopecks = readMoney(text);
  return kopecks === undefined ? undefined : kopecks === null ? text : formatKopecks(kopecks);
}

/**
 * An amount as a money field shows it: thousands parted by plain spaces (so it reads back as typed),
 * kopecks only when there are any, after the language's decimal mark.
 * @example moneyInputValue(60000050, "ru") // "600 000,50"
 */
export function moneyInputValue(kopecks: number, lang: Lang): string {
  const sign = kopecks < 0 ? "-" : "";
  const abs = Math.abs(kopecks);
  const digits = String(Math.floor(abs / 100));
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  const whole = groups.join(" ");
  const cents = abs % 100;
  return `${sign}${whole}${cents === 0 ? "" : `${lang === "ru" ? "," : "."}${String(cents).padStart(2, "0")}`}`;
}
