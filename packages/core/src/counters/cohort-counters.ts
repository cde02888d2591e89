import type { Ctx } from "../context.js";
import type { TransactItem } from "../db/transact.js";
import { queryAll } from "../db/query-all.js";
import { addDays, daysBetween } from "../time.js";

/**
 * Per campaign, per cohort day (the day leads arrived, workspace time zone): the numbers every
 * KPI is computed from. They are updated in the same transaction as the fact they count, so
 * they stay exact under retries and concurrency, and reports never scan leads.
 *
 * `contacted`, `qualified`, `proposal`, `won` count leads that *reached* that stage or a later one
 * (a lead that jumps from new to won counts in all four). `lost` counts leads currently lost.
 * Money is integer kopecks. `spend` is the ad cost booked on that day.
 */
export const counterFields = ["leads", "contacted", "qualified", "proposal", "won", "lost", "revenue", "spend"] as const;
export type CounterField = (typeof counterFields)[number];
export type DayCounters = { campaignId: string | null; day: string } & Record<CounterField, number>;

/**
 * Deals won, by cohort day and the day they were won: the curve behind "won within N days of
 * arrival" (cohort tables, days to win, comparisons at equal cohort age). Kept inside each day's
 * counter item as a histogram of days to win (`wonAfter_<d>`, `revenueAfter_<d>`), so reading
 * them costs nothing beyond the day counters however many leads there are.
 */
export type WinCounters = { campaignId: string | null; cohortDay: string; winDay: string; won: number; revenue: number };

/** `won` deals (or a correction of their revenue) of a cohort day, won on `winDay`. */
export type WinDelta = { winDay: string; won: number; revenue: number };

const WON_AFTER = "wonAfter_";
const REVENUE_AFTER = "revenueAfter_";

/** Leads that match no campaign are counted too, under this pseudo-campaign. */
const UNATTRIBUTED = "UNATTRIBUTED";
const partition = (campaignId: string | null) => `COUNTERS#${campaignId ?? UNATTRIBUTED}`;

/**
 * A transaction item adding `delta` to a campaign's counters for one day (negative to subtract),
 * and `win` to that day's histogram of days to win. One item, because a transaction may not
 * touch the same item twice.
 */
export function addToDay(
  ctx: Ctx,
  campaignId: string | null,
  day: string,
  delta: Partial<Record<CounterField, number>>,
  win?: WinDelta,
): TransactItem {
  const adds: Record<string, number | undefined> = { ...delta };
  if (win) {
    const after = daysBetween(day, win.winDay);
    adds[`${WON_AFTER}${after}`] = win.won;
    adds[`${REVENUE_AFTER}${after}`] = win.revenue;
  }
  return { Update: addExpression(ctx, { pk: partition(campaignId), sk: `DAY#${day}` }, { campaignId: campaignId ?? UNATTRIBUTED, day }, adds) };
}

function addExpression(ctx: Ctx, key: { pk: string; sk: string }, identity: Record<string, string>, delta: Record<string, number | undefined>) {
  const adds = Object.entries(delta).filter(([, v]) => v !== undefined && v !== 0) as [string, number][];
  if (adds.length === 0) throw new Error("a counter update needs at least one non-zero delta");
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  for (const [name, value] of Object.entries(identity)) {
    names[`#i_${name}`] = name;
    values[`:i_${name}`] = value;
    sets.push(`#i_${name} = :i_${name}`);
  }
  // Placeholders by position: attribute names like `wonAfter_-1` are not valid placeholder names.
  const addParts = adds.map(([field, value], i) => {
    names[`#a${i}`] = field;
    values[`:a${i}`] = value;
    return `#a${i} :a${i}`;
  });
  return {
    TableName: ctx.table,
    Key: key,
    UpdateExpression: `SET ${sets.join(", ")} ADD ${addParts.join(", ")}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** A campaign's day counters and wins for cohort days in [from, to] (inclusive ISO days): one query. */
export async function readCounters(ctx: Ctx, campaignId: string | null, from = "0000-00-00", to = "9999-99-99"): Promise<{ days: DayCounters[]; wins: WinCounters[] }> {
  const items = await queryAll(ctx, {
    KeyConditionExpression: "pk = :p AND sk BETWEEN :from AND :to",
    ExpressionAttributeValues: { ":p": partition(campaignId), ":from": `DAY#${from}`, ":to": `DAY#${to}` },
  });
  const days: DayCounters[] = [];
  const wins: WinCounters[] = [];
  for (const item of items) {
    const day = { campaignId, day: item.day as string } as DayCounters;
    for (const field of counterFields) day[field] = Number(item[field] ?? 0);
    days.push(day);
    const dayWins: WinCounters[] = [];
    for (const [name, value] of Object.entries(item)) {
      if (!name.startsWith(WON_AFTER)) continue;
      const after = name.slice(WON_AFTER.length);
      const won = Number(value ?? 0);
      const revenue = Number(item[`${REVENUE_AFTER}${after}`] ?? 0);
      // A bar brought back to zero (a win corrected away) is no win.
      if (won !== 0 || revenue !== 0) dayWins.push({ campaignId, cohortDay: day.day, winDay: addDays(day.day, Number(after)), won, revenue });
    }
    wins.push(...dayWins.sort((x, y) => x.winDay.localeCompare(y.winDay)));
  }
  return { days, wins };
}

/** A campaign's day counters for cohort days in [from, to], without their wins. */
export async function readDays(ctx: Ctx, campaignId: string | null, from?: string, to?: string): Promise<DayCounters[]> {
  return (await readCounters(ctx, campaignId, from, to)).days;
}

/**
 * Leads currently lost for one reason, by campaign and cohort day, behind the funnel's lost
 * reasons. Reasons are free text, so they are counted under a normalized form (trimmed, spaces
 * collapsed, lower-case, at most LOST_REASON_MAX characters); `reason` keeps the spelling first
 * seen for that day.
 */
export type LostReasonCounters = { campaignId: string | null; cohortDay: string; key: string; reason: string; lost: number };

export const LOST_REASON_MAX = 100;

/** The form a lost reason is counted under: "  No  Budget " and "no budget" are one reason. */
export function normalizeLostReason(reason: string): string {
  return tidyReason(reason).toLowerCase();
}

const tidyReason = (reason: string) => [...reason.trim().replace(/\s+/g, " ")].slice(0, LOST_REASON_MAX).join("").trimEnd();

/** A transaction item adding `delta` leads lost for `reason` to a campaign's cohort day. */
export function addLostReason(ctx: Ctx, campaignId: string | null, cohortDay: string, reason: string, delta: number): TransactItem {
  const key = normalizeLostReason(reason);
  if (key === "") throw new Error("a lost reason must not be empty");
  if (delta === 0) throw new Error("a counter update needs a non-zero delta");
  return {
    Update: {
      TableName: ctx.table,
      Key: { pk: partition(campaignId), sk: `LOST#${cohortDay}#${key}` },
      UpdateExpression: "SET campaignId = :c, cohortDay = :d, reasonKey = :k, reason = if_not_exists(reason, :r) ADD lost :delta",
      ExpressionAttributeValues: { ":c": campaignId ?? UNATTRIBUTED, ":d": cohortDay, ":k": key, ":r": tidyReason(reason), ":delta": delta },
    },
  };
}

/**
 * The lost-reason items for a lead whose reason goes from `before` to `after` (null: not lost):
 * -1 for the old reason, +1 for the new, nothing when both count as the same reason.
 */
export function moveLostReason(ctx: Ctx, campaignId: string | null, cohortDay: string, before: string | null, after: string | null): TransactItem[] {
  const from = before === null ? "" : normalizeLostReason(before);
  const to = after === null ? "" : normalizeLostReason(after);
  if (from === to) return [];
  return [
    ...(from ? [addLostReason(ctx, campaignId, cohortDay, before!, -1)] : []),
    ...(to ? [addLostReason(ctx, campaignId, cohortDay, after!, 1)] : []),
  ];
}

/** A campaign's lost-reason counters for cohort days in [from, to]; reasons no lead holds any more are left out. */
export async function readLostReasons(ctx: Ctx, campaignId: string | null, from = "0000-00-00", to = "9999-99-99"): Promise<LostReasonCounters[]> {
  // "$" sorts right after "#", so `LOST#<to>$` bounds every reason of the day `to`.
  const items = await queryAll(ctx, {
    KeyConditionExpression: "pk = :p AND sk BETWEEN :from AND :to",
    ExpressionAttributeValues: { ":p": partition(campaignId), ":from": `LOST#${from}#`, ":to": `LOST#${to}$` },
  });
  return items
    .map((item) => ({ campaignId, cohortDay: item.cohortDay, key: item.reasonKey, reason: item.reason, lost: Number(item.lost ?? 0) }))
    .filter((row) => row.lost !== 0);
}
