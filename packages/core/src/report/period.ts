import { addDays, dayIn, daysBetween } from "../time.js";

export const reportPeriods = ["weekly", "monthly"] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

/** Days a report covers, both inclusive, in the workspace time zone. */
export type DayRange = { from: string; to: string };

/** A scheduled report's period: its days and the key that makes its sending once-only. */
export type PeriodWindow = DayRange & { period: ReportPeriod; periodKey: string };

/** 0 = Monday ... 6 = Sunday, for an ISO day. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * The last complete period before `now`: the previous Monday-Sunday week, or the previous
 * calendar month, as days in `timeZone`.
 * @example previousPeriod("weekly", new Date("2026-03-02T06:00:00Z"), "Europe/Moscow") // 2026-02-23..2026-03-01
 */
export function previousPeriod(period: ReportPeriod, now: Date, timeZone: string): PeriodWindow {
  const today = dayIn(now, timeZone);
  if (period === "weekly") {
    const monday = addDays(today, -weekdayOf(today));
    const from = addDays(monday, -7);
    return { period, from, to: addDays(monday, -1), periodKey: `weekly:${from}` };
  }
  const firstOfThisMonth = `${today.slice(0, 7)}-01`;
  const to = addDays(firstOfThisMonth, -1);
  const from = `${to.slice(0, 7)}-01`;
  return { period, from, to, periodKey: `monthly:${from.slice(0, 7)}` };
}

/** The equal-length range just before `range`: what a report compares against. */
export function rangeBefore(range: DayRange): DayRange {
  const length = daysBetween(range.from, range.to) + 1;
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}
