/**
 * `npm start`'s stand-in for the report Crons: the same job on the same schedule (weekly on
 * Monday 09:00, monthly on the 1st 09:00, workspace time), delivering into the outbox.
 */
import type { Ctx } from "@parom/core";
import { outboxMailer, type ReportPeriod, reportPeriods, runReports, weekdayOf } from "@parom/core/report";
import { addDays, dayIn, zonedInstant } from "@parom/core";

const FIRE_HOUR = 9;

/** The instant a whole hour of `day` happens in `timeZone`. */
export const zonedTime = (day: string, hour: number, timeZone: string): Date => zonedInstant(`${day}T${String(hour).padStart(2, "0")}:00`, timeZone)!;

const isFireDay = (period: ReportPeriod, day: string) => (period === "weekly" ? weekdayOf(day) === 0 : day.endsWith("-01"));

/**
 * The next time a period's job fires strictly after `after`: the next Monday (weekly) or 1st
 * (monthly) at 09:00 in `timeZone`.
 * @example nextFireTime("weekly", new Date("2026-03-02T06:00:00Z"), "Europe/Moscow") // 2026-03-09T06:00:00.000Z
 */
export function nextFireTime(period: ReportPeriod, after: Date, timeZone: string): Date {
  const today = dayIn(after, timeZone);
  for (let offset = 0; offset <= 32; offset++) {
    const day = addDays(today, offset);
    if (!isFireDay(period, day)) continue;
    const at = zonedTime(day, FIRE_HOUR, timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new Error(`no ${period} fire time within 32 days of ${after.toISOString()}`);
}

/** setTimeout holds at most ~24.8 days; a month-away fire time is reached in steps. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Runs the weekly and monthly report jobs at their fire times until stopped. A run's `now` is
 * its scheduled time, so a late timer still reports the right period; errors are logged and the
 * next fire time is kept.
 */
export function startReportScheduler(ctx: Ctx, log: (line: string) => void = console.log): { stop(): void } {
  const timers = new Map<ReportPeriod, NodeJS.Timeout>();
  let stopped = false;
  const send = outboxMailer(ctx).send;

  const schedule = (period: ReportPeriod, fireAt: Date) => {
    if (stopped) return;
    const wait = fireAt.getTime() - Date.now();
    const timer = setTimeout(() => (wait > MAX_TIMEOUT_MS ? schedule(period, fireAt) : fire(period, fireAt)), Math.max(0, Math.min(wait, MAX_TIMEOUT_MS)));
    timer.unref();
    timers.set(period, timer);
  };

  const fire = async (period: ReportPeriod, fireAt: Date) => {
    try {
      const result = await runReports(ctx, { period, now: fireAt, send });
      const counts = result.results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.outcome]: (acc[r.outcome] ?? 0) + 1 }), {});
      log(`Reports ${result.periodKey} (${result.from}..${result.to}): ${JSON.stringify(counts)}; see GET /api/outbox`);
    } catch (error) {
      log(`Reports ${period} run failed: ${(error as Error).message}`);
    }
    schedule(period, nextFireTime(period, fireAt, ctx.timeZone));
  };

  for (const period of reportPeriods) {
    const fireAt = nextFireTime(period, new Date(), ctx.timeZone);
    log(`  ${period} reports: next run ${fireAt.toISOString()} (into the outbox)`);
    schedule(period, fireAt);
  }
  return {
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
}
