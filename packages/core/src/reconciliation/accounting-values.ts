import { normalizePhone } from "../intake/phone.js";
import { toKopecks } from "../money.js";
import { isIsoDay } from "../time.js";

/**
 * Readers for the cells of an accounting export. Each returns the normalized value, or null when
 * the text cannot be read as one (the caller decides whether that rejects the row).
 */

/**
 * Kopecks from an accounting amount: decimal comma or point; spaces, non-breaking or narrow
 * spaces and apostrophes as thousands separators; a leading minus (also U+2212) for corrections.
 * English and German groupings are read too: with both "," and "." the later one is the decimal
 * mark, and a mark that occurs twice groups thousands. A lone "1,234" stays three decimals: refused.
 * @example readAmount("1 234 567,89") // 123456789
 * @example readAmount("-5 000,00") // -500000
 * @example readAmount("1,234.50") // 123450
 */
export function readAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f']/g, "").replace(/^\u2212/, "-");
  const plain = compact === "" ? null : ungroup(compact);
  return plain === null ? null : toKopecks(plain);
}

/** "1,234,567.89" -> "1234567.89"; null when the marks do not group whole thousands. */
function ungroup(compact: string): string | null {
  const marks = [...compact.replace(/[^.,]/g, "")];
  const thousands = marks[0];
  const decimal = marks.at(-1);
  if (thousands === undefined || decimal === undefined || marks.length === 1) return compact;
  if (marks.slice(0, -1).some((mark) => mark !== thousands)) return null;
  const decimalAt = decimal === thousands ? compact.length : compact.lastIndexOf(decimal);
  const whole = compact.slice(0, decimalAt);
  if (!new RegExp(`^-?\\d{1,3}(?:\\${thousands}\\d{3})+$`).test(whole)) return null;
  return whole.replaceAll(thousands, "") + compact.slice(decimalAt).replace(",", ".");
}

const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s]\S*)?$/;

/**
 * An ISO day from `DD.MM.YYYY`, `DD.MM.YY` (20YY), or `YYYY-MM-DD`; a time after the day, as 1C
 * writes it (`02.03.2026 0:00:00`), is ignored.
 * @example readDay("02.03.2026") // "2026-03-02"
 */
export function readDay(text: string): string | null {
  const dotted = DOTTED.exec(text);
  const iso = ISO.exec(text);
  let day: string | null = null;
  if (dotted) {
    const [, d = "", m = "", y = ""] = dotted;
    day = `${y.length === 2 ? `20${y}` : y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  } else if (iso) {
    day = `${iso[1]}-${iso[2]}-${iso[3]}`;
  }
  return day !== null && isIsoDay(day) ? day : null;
}

/** A Russian tax id: 10 digits for an organisation, 12 for a sole trader or a person. */
export function readInn(text: string): string | null {
  const digits = text.replace(/[\s\u00a0]/g, "");
  return /^(\d{10}|\d{12})$/.test(digits) ? digits : null;
}

/**
 * E.164 from a phone cell. Accounting cells often hold two numbers or an extension
 * ("8 495 123-45-67 доб. 12, 8 916 ..."): the first part that reads as a number wins.
 */
export function readPhone(text: string): string | null {
  for (const part of text.split(/[,;/]|доб\.?|ext\.?/i)) {
    const phone = normalizePhone(part);
    if (phone !== null) return phone;
  }
  return null;
}

/**
 * Something@domain.tld with one "@" and a dot inside the domain, checked by hand: the pattern
 * /^[^\s@]+@[^\s@]+\.[^\s@]+$/ backtracked quadratically over a domain of dots (a 100 KB cell froze
 * the server for seconds). Parts come split on white space already.
 */
function isEmail(part: string): boolean {
  const at = part.indexOf("@");
  if (at <= 0 || at !== part.lastIndexOf("@")) return false;
  const domain = part.slice(at + 1);
  return domain.length >= 3 && domain.slice(1, -1).includes(".");
}

/** The first e-mail address in the cell (several may be listed), lower-cased. */
export function readEmail(text: string): string | null {
  return text.toLowerCase().split(/[\s,;]+/).find(isEmail) ?? null;
}
