/** Calendar days as ISO dates (YYYY-MM-DD) in the workspace time zone. */
import { TZDateMini } from "@date-fns/tz";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day on which `at` falls in `timeZone`, e.g. a lead's cohort day. */
export function dayIn(at: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}

/** The day `days` after `day` (negative for before). */
export function addDays(day: string, days: number): string {
  return dayOfNumber(dayNumber(day) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/*
 * Days as numbers since 1970-01-01 and back, remembered both ways: counter code asks about the same
 * few hundred calendar days thousands of times per answer (once per win counter), and building a
 * Date each time was a third of a KPI answer at 100,000 leads.
 */
const dayNumbers = new Map<string, number>();
const dayStrings = new Map<number, string>();

function dayNumber(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    n = Date.parse(`${day}T00:00:00Z`) / 86_400_000;
    dayNumbers.set(day, n);
  }
  return n;
}

function dayOfNumber(n: number): string {
  let day = dayStrings.get(n);
  if (day === undefined) {
    day = new Date(n * 86_400_000).toISOString().slice(0, 10);
    dayStrings.set(n, day);
  }
  return day;
}

/**
 * The instant a wall-clock time ("2026-03-02T09:00", seconds optional) happens in `timeZone`, at
 * the offset in force then (the zone rules are @date-fns/tz's, read from Intl). A time skipped by a
 * spring-forward change lands after the change, in every zone. Null for text that is no such time.
 */
export function zonedInstant(wallClock: string, timeZone: string): Date | null {
  const match = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.exec(wallClock);
  // Read as if UTC only to check the fields and split them; the zone places them below.
  const wall = match ? new Date(`${wallClock}${match[1] ? "" : ":00"}Z`) : null;
  if (!wall || Number.isNaN(wall.getTime())) return null;
  const zoned = new TZDateMini(
    wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), timeZone,
  );
  // The library answers an unknown zone with an invalid date; Intl (and so dayIn) throws, and so do we.
  if (Number.isNaN(zoned.getTime())) throw new RangeError(`unknown time zone: ${timeZone}`);
  return new Date(zoned.getTime());
}

/**
 * The years a date may fall in unless its field says otherwise. Outside them a date is a typo
 * (year 99) or a placeholder (0000-01-01), and stored it would break every cohort it lands in.
 */
export const SANE_YEARS = { from: 2000, to: 2100 } as const;
export const SANE_DAY_RULE = `must be a real date written YYYY-MM-DD, in the years ${SANE_YEARS.from}-${SANE_YEARS.to}`;
export const SANE_TIME_RULE = `must be in the years ${SANE_YEARS.from}-${SANE_YEARS.to}`;

const saneYear = (year: number) => year >= SANE_YEARS.from && year <= SANE_YEARS.to;

/** True for a real calendar date written as YYYY-MM-DD, in the years 2000-2100. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !saneYear(Number(value.slice(0, 4)))) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** True for an instant (an ISO time, already checked for form) in the years 2000-2100, in UTC. */
export function isSaneInstant(value: string | Date): boolean {
  const at = typeof value === "string" ? new Date(value) : value;
  return !Number.isNaN(at.getTime()) && saneYear(at.getUTCFullYear());
}
