import { toKopecks } from "../money.js";
import { isIsoDay } from "../time.js";
import type { Platform } from "./platforms.js";

/** One day's ad cost of one campaign as a format read it, before it is matched to a campaign. */
export type SpendRow = {
  date: string;
  utmSource: string;
  utmCampaign: string;
  costKopecks: number;
  /** Upper-case ISO code, or null when the row did not say (the hypothesis currency is assumed). */
  currency: string | null;
};

/**
 * One day's cost of one campaign as an ad platform exported it: the campaign is the platform's,
 * named by its id, its name or both, and is matched to ours at import.
 */
export type PlatformSpendRow = {
  date: string;
  platform: Platform;
  platformCampaignId: string | null;
  platformCampaignName: string | null;
  costKopecks: number;
  /** As for SpendRow: null when the export did not say. */
  currency: string | null;
};

/**
 * What a format made of one row of the body: the row, or why it cannot be used (sentences that
 * name the field). Each format documents what its `row` numbers mean.
 */
export type ParsedRow = { row: number; spend: SpendRow | PlatformSpendRow } | { row: number; errors: string[] };

/** The generic spend row's fields (CSV columns, JSON properties), as received. */
export const spendFieldNames = ["date", "utm_source", "utm_campaign", "cost", "currency"] as const;
export type SpendFields = Partial<Record<(typeof spendFieldNames)[number], unknown>>;

/** Validates and normalizes the generic fields of one row; every problem is reported, not just the first. */
export function readSpendFields(row: number, fields: SpendFields): ParsedRow {
  const errors: string[] = [];
  const date = text("date", fields.date, errors);
  if (date !== null && !isIsoDay(date)) errors.push(`date "${date}" is not a calendar day written as YYYY-MM-DD.`);
  const utmSource = text("utm_source", fields.utm_source, errors);
  const utmCampaign = text("utm_campaign", fields.utm_campaign, errors);
  const costKopecks = cost(fields.cost, errors);
  const currency = currencyCode(fields.currency, errors);
  if (errors.length > 0 || date === null || utmSource === null || utmCampaign === null || costKopecks === null) {
    return { row, errors };
  }
  return { row, spend: { date, utmSource, utmCampaign, costKopecks, currency } };
}

/** A required text field, trimmed; null (with an error) when it is absent, blank or not text. */
function text(name: string, value: unknown, errors: string[]): string | null {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
    errors.push(`${name} is missing.`);
    return null;
  }
  if (typeof value !== "string") {
    errors.push(`${name} must be text.`);
    return null;
  }
  return value.trim();
}

function cost(value: unknown, errors: string[]): number | null {
  if (typeof value !== "number") {
    const given = text("cost", value, errors);
    if (given === null) return null;
    value = given;
  }
  const kopecks = toKopecks(value as number | string);
  if (kopecks === null) {
    errors.push(`cost "${String(value)}" is not an amount of money (write 1234.56 or "1 234,56", at most two decimals).`);
    return null;
  }
  if (kopecks < 0) {
    errors.push(`cost ${String(value)} is negative; spend cannot be below zero.`);
    return null;
  }
  return kopecks;
}

function currencyCode(value: unknown, errors: string[]): string | null {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return null;
  if (typeof value !== "string" || !/^[A-Za-z]{3}$/.test(value.trim())) {
    errors.push(`currency "${String(value)}" is not a three-letter ISO code such as RUB.`);
    return null;
  }
  return value.trim().toUpperCase();
}
