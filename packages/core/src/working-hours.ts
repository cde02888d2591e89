import { addDays, dayIn, zonedInstant } from "./time.js";

/**
 * The sales department's working hours: Monday to Friday, 09:00-18:00 Moscow time. Time to first
 * contact and "untouched for 2 working hours" are counted in them, so a lead that arrives on Friday
 * evening is not late on Saturday morning.
 */
export const WORKING_HOURS = { timeZone: "Europe/Moscow", start: "09:00", end: "18:00" } as const;

/** Days looked back at most: longer than any holiday without working days. */
const MAX_DAYS = 400;

const isWeekday = (day: string) => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
};

/** The working window of `day` (a weekday), as instants. */
function windowOf(day: string): [number, number] {
  return [zonedInstant(`${day}T${WORKING_HOURS.start}`, WORKING_HOURS.timeZone)!.getTime(), zonedInstant(`${day}T${WORKING_HOURS.end}`, WORKING_HOURS.timeZone)!.getTime()];
}

/**
 * Whole working minutes from `from` to `to` (0 when `to` is not later).
 * @example workingMinutesBetween(new Date("2026-03-06T17:00:00+03:00"), new Date("2026-03-09T10:00:00+03:00")) // -> 120 (Fri 17-18, Mon 09-10)
 */
export function workingMinutesBetween(from: Date, to: Date, timeZone: string = WORKING_HOURS.timeZone): number {
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  let day = dayIn(from, timeZone);
  const last = dayIn(to, timeZone);
  for (let i = 0; i <= MAX_DAYS && day <= last; i++, day = addDays(day, 1)) {
    if (!isWeekday(day)) continue;
    const [start, end] = windowOf(day);
    total += Math.max(0, Math.min(end, to.getTime()) - Math.max(start, from.getTime()));
  }
  return Math.floor(total / 60_000);
}

/**
 * The latest instant that lies `minutes` working minutes before `now`: a lead that arrived at or
 * before it has waited at least that long in working time.
 * @example workingMinutesBefore(new Date("2026-03-09T10:00:00+03:00"), 120) // -> 2026-03-06T17:00:00+03:00 (Friday)
 */
export function workingMinutesBefore(now: Date, minutes: number): Date {
  let remaining = minutes * 60_000;
  let day = dayIn(now, WORKING_HOURS.timeZone);
  for (let i = 0; i <= MAX_DAYS; i++, day = addDays(day, -1)) {
    if (!isWeekday(day)) continue;
    const [start, windowEnd] = windowOf(day);
    const end = Math.min(windowEnd, now.getTime());
    if (end <= start) continue;
    if (end - start >= remaining) return new Date(end - remaining);
    remaining -= end - start;
  }
  throw new Error(`no ${minutes} working minutes within ${MAX_DAYS} days before ${now.toISOString()}`);
}
