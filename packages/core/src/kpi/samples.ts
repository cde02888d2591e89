import type { DayCounters, WinCount } from "../counters/cohort-counters.js";
import type { Interval } from "../stats/rate.js";
import { betaInc } from "../stats/special.js";
import { daysBetween } from "../time.js";

/** Counter totals over a set of cohort days (money in kopecks). */
export type Totals = { leads: number; qualified: number; won: number; spend: number; revenue: number };

const empty = (): Totals => ({ leads: 0, qualified: 0, won: 0, spend: 0, revenue: 0 });

/** True when a cohort day is at least `maturityDays` old at `asOf`: its leads have had time to close. */
export const isMature = (day: string, asOf: string, maturityDays: number) => daysBetween(day, asOf) >= maturityDays;

/**
 * Sums day counters (of any number of campaigns) over all cohort days and over the mature ones.
 * Rows of several campaigns for the same day simply add up: maturity depends on the day alone.
 */
export function totals(days: DayCounters[], asOf: string, maturityDays: number): { all: Totals; mature: Totals } {
  const all = empty();
  const mature = empty();
  for (const row of days) {
    const targets = isMature(row.day, asOf, maturityDays) ? [all, mature] : [all];
    for (const sum of targets) {
      sum.leads += row.leads;
      sum.qualified += row.qualified;
      sum.won += row.won;
      sum.spend += row.spend;
      sum.revenue += row.revenue;
    }
  }
  return { all, mature };
}

/**
 * Median days from arrival to win, with a distribution-free 95% interval from order statistics:
 * [x_(j+1), x_(n-j)] for the largest j with P(Binomial(n, 1/2) <= j) <= 2.5%. Below six wins no
 * such j exists, and the interval is the whole range (coverage 1 - 2^(1-n)).
 * Null without wins.
 */
export function medianDaysToWin(wins: WinCount[]): { median: number; interval: Interval } | null {
  const byDelay = new Map<number, number>();
  for (const row of wins) {
    if (row.won <= 0) continue;
    const delay = daysBetween(row.cohortDay, row.winDay);
    byDelay.set(delay, (byDelay.get(delay) ?? 0) + row.won);
  }
  const counts = [...byDelay.entries()].sort((a, b) => a[0] - b[0]);
  const n = counts.reduce((sum, [, won]) => sum + won, 0);
  if (n === 0) return null;
  /** The k-th smallest delay (1-based), without expanding the counts. */
  const orderStatistic = (k: number) => {
    let seen = 0;
    for (const [delay, won] of counts) {
      seen += won;
      if (seen >= k) return delay;
    }
    return counts[counts.length - 1]![0];
  };
  const median = (orderStatistic(Math.floor((n + 1) / 2)) + orderStatistic(Math.floor(n / 2) + 1)) / 2;
  // P(Binomial(n, 1/2) <= j) = I_{1/2}(n - j, j + 1), increasing in j: bisect for the largest j at or under 2.5%.
  const binomialAtMost = (j: number) => betaInc(0.5, n - j, j + 1);
  let lo = -1;
  let hi = Math.floor(n / 2);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (binomialAtMost(mid) <= 0.025) lo = mid;
    else hi = mid;
  }
  const j = Math.max(lo, 0);
  return { median, interval: [orderStatistic(j + 1), orderStatistic(n - j)] };
}

/**
 * Average deal with a 95% interval from the ratio estimator revenue / won, treating each day
 * counter with wins (a cohort day of one campaign) as a cluster: counters keep sums, not single
 * deals, so this is the spread they support. Normal approximation; null with fewer than two
 * clusters.
 */
export function averageDealInterval(days: DayCounters[]): Interval | null {
  const rows = days.filter((row) => row.won > 0);
  const won = rows.reduce((sum, row) => sum + row.won, 0);
  if (rows.length < 2) return null;
  const ratio = rows.reduce((sum, row) => sum + row.revenue, 0) / won;
  const squares = rows.reduce((sum, row) => sum + (row.revenue - ratio * row.won) ** 2, 0);
  const standardError = Math.sqrt((rows.length / (rows.length - 1)) * squares) / won;
  return [Math.max(0, ratio - 1.96 * standardError), ratio + 1.96 * standardError];
}
