import type { DayCounters, WinCounters } from "../counters/cohort-counters.js";
import { missingSpendDays } from "../kpi/spend-coverage.js";
import { formatKopecks } from "../money.js";
import { addDays, daysBetween } from "../time.js";

/**
 * The cohort table: leads grouped by when they arrived (calendar month or ISO week of their
 * cohort day, in the workspace time zone), with what each group has brought in so far.
 *
 * Period k of a deal is how many whole units (weeks, or calendar months) old its lead was when the
 * deal was won: won on the day of arrival or within the first week/month is period 0. A cell holds
 * the cumulative won deals and revenue up to period k. A cell is `immature` until period k has
 * fully elapsed for the cohort's youngest day, since its leads may still close within it.
 *
 * The youngest day is the cohort's last day with counters, or today while the cohort's week or
 * month is still running (a lead may yet arrive today). A row is `immature` while that day is
 * younger than `maturityDays`: its CAC and ROMI will still move.
 */
export type CohortUnit = "month" | "week";

export type CohortCell = { period: number; won: number; revenue: string; immature: boolean };

export type CohortRow = {
  /** "2026-01" for a month, "2026-W03" for an ISO week. */
  cohort: string;
  start: string;
  end: string;
  leads: number;
  spend: string;
  won: number;
  revenue: string;
  /** spend / won, null without a won deal or while spend is missing. */
  cac: string | null;
  /** (revenue - spend) / spend as a fraction, null without spend or while spend is missing. */
  romi: number | null;
  /** Days of the cohort with leads of a paid campaign and no recorded spend (kpi/spend-coverage.ts). */
  spendMissing?: { days: string[] };
  immature: boolean;
  periods: CohortCell[];
};

export type CohortTable = { by: CohortUnit; maturityDays: number; asOf: string; cohorts: CohortRow[] };

export type CohortInput = {
  days: DayCounters[];
  wins: WinCounters[];
  by: CohortUnit;
  asOf: string;
  maturityDays: number;
  /** Campaigns marked unpaid: their days need no recorded spend. */
  unpaidCampaignIds?: string[];
};

type Bucket = { start: string; end: string; days: DayCounters[]; wins: WinCounters[] };

export function cohortTable(input: CohortInput): CohortTable {
  const { by, asOf, maturityDays } = input;
  const buckets = new Map<string, Bucket>();
  const bucketOf = (day: string) => {
    const { key, start, end } = cohortOf(day, by);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { start, end, days: [], wins: [] }));
    return bucket;
  };
  for (const row of input.days) bucketOf(row.day).days.push(row);
  for (const row of input.wins) bucketOf(row.cohortDay).wins.push(row);

  const cohorts = [...buckets.entries()]
    .filter(([, bucket]) => bucket.days.length > 0)
    .sort(([, a], [, b]) => a.start.localeCompare(b.start))
    .map(([cohort, bucket]) => cohortRow(cohort, bucket, input));
  return { by, maturityDays, asOf, cohorts };
}

function cohortRow(cohort: string, bucket: Bucket, { by, asOf, maturityDays, unpaidCampaignIds }: CohortInput): CohortRow {
  const sum = (field: "leads" | "spend" | "won" | "revenue") => bucket.days.reduce((total, row) => total + row[field], 0);
  const [leads, spend, won, revenue] = [sum("leads"), sum("spend"), sum("won"), sum("revenue")];
  const dayList = bucket.days.map((row) => row.day).sort();
  const oldestDay = dayList[0]!;
  const stillOpen = bucket.start <= asOf && asOf <= bucket.end;
  const youngestDay = stillOpen ? asOf : dayList[dayList.length - 1]!;
  const youngestAge = periodsBetween(youngestDay, asOf, by);
  const unpriced = missingSpendDays(bucket.days, unpaidCampaignIds);
  const priced = unpriced.length === 0;

  const byPeriod = new Map<number, { won: number; revenue: number }>();
  for (const row of bucket.wins) {
    const period = Math.max(0, periodsBetween(row.cohortDay, row.winDay, by));
    const cell = byPeriod.get(period) ?? { won: 0, revenue: 0 };
    byPeriod.set(period, { won: cell.won + row.won, revenue: cell.revenue + row.revenue });
  }
  const lastPeriod = Math.max(0, periodsBetween(oldestDay, asOf, by), ...byPeriod.keys());
  const periods: CohortCell[] = [];
  const cumulative = { won: 0, revenue: 0 };
  for (let period = 0; period <= lastPeriod; period++) {
    const cell = byPeriod.get(period);
    cumulative.won += cell?.won ?? 0;
    cumulative.revenue += cell?.revenue ?? 0;
    periods.push({ period, won: cumulative.won, revenue: formatKopecks(cumulative.revenue), immature: youngestAge < period + 1 });
  }

  return {
    cohort,
    start: bucket.start,
    end: bucket.end,
    leads,
    spend: formatKopecks(spend),
    won,
    revenue: formatKopecks(revenue),
    cac: priced && won > 0 ? formatKopecks(Math.round(spend / won)) : null,
    romi: priced && spend > 0 ? round4((revenue - spend) / spend) : null,
    ...(priced ? {} : { spendMissing: { days: unpriced } }),
    immature: daysBetween(youngestDay, asOf) < maturityDays,
    periods,
  };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The month or ISO week a cohort day belongs to: its key and first and last days. */
export function cohortOf(day: string, by: CohortUnit): { key: string; start: string; end: string } {
  if (by === "month") {
    const start = `${day.slice(0, 7)}-01`;
    return { key: day.slice(0, 7), start, end: addDays(addMonths(start, 1), -1) };
  }
  const monday = addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
  // ISO 8601: a week belongs to the year of its Thursday, and week 1 holds the year's first Thursday.
  const thursday = addDays(monday, 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { key: `${year}-W${String(week).padStart(2, "0")}`, start: monday, end: addDays(monday, 6) };
}

/**
 * Whole periods from `from` to `to`: weeks of 7 days, or calendar months as in an age (Jan 15 to
 * Feb 14 is 0 months, to Feb 15 is 1; Jan 31 to Feb 28 is 1, the month having no 31st).
 * Negative when `to` is earlier (only its sign matters to callers).
 */
export function periodsBetween(from: string, to: string, by: CohortUnit): number {
  if (by === "week") return Math.floor(daysBetween(from, to) / 7);
  if (to < from) return -1;
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm);
  const anniversary = Math.min(fd, daysInMonth(ty, tm));
  return td >= anniversary ? months : months - 1;
}

function addMonths(firstOfMonth: string, months: number): string {
  const date = new Date(`${firstOfMonth}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
