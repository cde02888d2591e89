/**
 * Money is kept as integer kopecks (hundredths of the currency unit) so sums stay exact.
 * Input may be a number or a decimal string ("1234.5", "1 234,50"); output is a decimal string.
 */

import { z } from "zod";

const DECIMAL = /^-?\d+(?:[.,]\d{1,2})?$/;

/** Kopecks from a money amount, or null when it is not one (more than two decimals, not a number). */
export function toKopecks(value: number | string): number | null {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value.replace(/[\s\u00a0]/g, "");
  if (!DECIMAL.test(text)) return null;
  const [whole = "0", fraction = ""] = text.replace(",", ".").split(".");
  const negative = whole.startsWith("-");
  const kopecks = Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(kopecks)) return null;
  return negative ? -kopecks : kopecks;
}

/**
 * A zod transform to kopecks for amounts that must be positive (budgets, money targets): one
 * wording of the refusal wherever such an amount is read.
 * @example z.string().transform(positiveKopecks)
 */
export function positiveKopecks(value: number | string, ctx: z.RefinementCtx): number {
  const kopecks = toKopecks(value);
  if (kopecks === null || kopecks <= 0) {
    ctx.addIssue({ code: "custom", message: "must be a positive amount with at most two decimals" });
    return z.NEVER;
  }
  return kopecks;
}

/** "1234.56" from 123456 kopecks. */
export function formatKopecks(kopecks: number): string {
  const sign = kopecks < 0 ? "-" : "";
  const abs = Math.abs(kopecks);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
