import { z } from "zod";
import type { Ctx } from "../context.js";
import { readCollection } from "../db/collection.js";
import { defineEntity } from "../db/entity.js";
import type { TransactItem } from "../db/transact.js";
import type { Changes } from "../db/write-expressions.js";
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
export type DayCounters = {
  campaignId: string | null;
  day: string;
  /**
   * True once a cost was recorded for the day, an explicit 0 included: a spend of 0 alone cannot
   * tell "free" from "never imported". Read as `spend > 0` where absent (items written before the
   * marker existed, counters built by hand).
   */
  spendRecorded?: boolean;
} & Record<CounterField, number>;

/**
 * Deals won, by cohort day and the day they were won (`WIN#<cohort day>#<win day>` items): the
 * curve behind "won within N days of arrival" in cohort tables and comparisons at equal cohort
 * age, with its revenue.
 */
export type WinCounters = { campaignId: string | null; cohortDay: string; winDay: string; won: number; revenue: number };

/**
 * The same wins without their revenue, also kept inside each day counter item as a histogram of
 * days to win (`wonAfter_<d>`): all a KPI answer needs (median days to win), read with the day
 * counters in one query. The WIN items grow with the spread of win days; this histogram is one
 * attribute per distinct delay, so a KPI answer stays about as fast at 100,000 leads as at 1,000.
 */
export type WinCount = Pick<WinCounters, "cohortDay" | "winDay" | "won">;

const WON_AFTER = "wonAfter_";

/** Leads that match no campaign are counted too, under this pseudo-campaign. */
const UNATTRIBUTED = "UNATTRIBUTED";
/** The campaign as counter items store it. */
const counted = (campaignId: string | null) => campaignId ?? UNATTRIBUTED;

/**
 * A campaign's counters share its partition, one item per cohort day (`DAY#`), per cohort and win
 * day (`WIN#`) and per cohort day and lost reason (`LOST#`). They are only ever added to (ADD
 * upserts, no `type` attribute), and read a partition at a time.
 */
const partition = (campaignId: string) => `COUNTERS#${campaignId}`;
const prefix = { day: "DAY#", win: "WIN#", lost: "LOST#" } as const;
const count = z.number().default(0);

/** Open: besides the counter fields, one `wonAfter_<d>` attribute per distinct delay (see WinCount). */
export const DayCounterEntity = defineEntity({
  type: "dayCounter",
  schema: z.looseObject({ campaignId: z.string(), day: z.string(), ...Object.fromEntries(counterFields.map((f) => [f, count])), spendRecorded: z.boolean().optional() }),
  key: ({ campaignId, day }: { campaignId: string; day: string }) => ({ pk: partition(campaignId), sk: `${prefix.day}${day}` }),
  partition: { of: ({ campaignId }: { campaignId: string }) => partition(campaignId), sortPrefix: prefix.day },
});

export const WinCounterEntity = defineEntity({
  type: "winCounter",
  schema: z.object({ campaignId: z.string(), cohortDay: z.string(), winDay: z.string(), won: count, revenue: count }),
  key: ({ campaignId, cohortDay, winDay }: { campaignId: string; cohortDay: string; winDay: string }) => ({ pk: partition(campaignId), sk: `${prefix.win}${cohortDay}#${winDay}` }),
  partition: { of: ({ campaignId }: { campaignId: string }) => partition(campaignId), sortPrefix: prefix.win },
});

export const LostReasonCounterEntity = defineEntity({
  type: "lostReasonCounter",
  schema: z.object({ campaignId: z.string(), cohortDay: z.string(), reasonKey: z.string(), reason: z.string(), lost: count }),
  key: ({ campaignId, cohortDay, reasonKey }: { campaignId: string; cohortDay: string; reasonKey: string }) => ({
    pk: partition(campaignId),
    sk: `${prefix.lost}${cohortDay}#${reasonKey}`,
  }),
  partition: { of: ({ campaignId }: { campaignId: string }) => partition(campaignId), sortPrefix: prefix.lost },
});

/**
 * A transaction item adding `delta` to a campaign's counters for one day (negative to subtract),
 * and `win` deals won on `win.winDay` to its histogram of days to win (see WinCount). A won deal
 * also needs `addWin` for its revenue by win day.
 */
export function addToDay(
  ctx: Ctx,
  campaignId: string | null,
  day: string,
  delta: Partial<Record<CounterField, number>>,
  win?: { winDay: string; won: number } | Array<{ winDay: string; won: number }>,
): TransactItem {
  const adds: Record<string, number | undefined> = { ...delta };
  // Several wins in one write when leads are merged (lead/same-person.ts): one update per counter item.
  for (const w of win === undefined ? [] : Array.isArray(win) ? win : [win]) {
    const name = `${WON_AFTER}${daysBetween(day, w.winDay)}`;
    adds[name] = (adds[name] ?? 0) + w.won;
  }
  const identity = { campaignId: counted(campaignId), day };
  return DayCounterEntity.updateItem(ctx, identity, counterChanges(identity, adds), "none");
}

/**
 * A transaction item recording that a day's cost is known: marks the day counter item
 * `spendRecorded` (always, so that an explicit 0 leaves its trace) and moves `spend` by `delta`.
 */
export function recordSpend(ctx: Ctx, campaignId: string, day: string, delta: number): TransactItem {
  const identity = { campaignId, day };
  return DayCounterEntity.updateItem(ctx, identity, counterChanges(identity, { spend: delta }, { spendRecorded: true }), "none");
}

/** A transaction item recording `won` deals (and their revenue) of a cohort day won on `winDay`. */
export function addWin(ctx: Ctx, campaignId: string | null, cohortDay: string, winDay: string, delta: { won: number; revenue: number }): TransactItem {
  const identity = { campaignId: counted(campaignId), cohortDay, winDay };
  return WinCounterEntity.updateItem(ctx, identity, counterChanges(identity, delta), "none");
}

/** An ADD upsert of a counter item (no condition: the first add creates it): its identity set, the non-zero deltas added. */
function counterChanges(identity: Record<string, string>, delta: Record<string, number | undefined>, marks: Record<string, boolean> = {}): Changes {
  const adds = Object.entries(delta).filter(([, v]) => v !== undefined && v !== 0) as [string, number][];
  if (adds.length === 0 && Object.keys(marks).length === 0) throw new Error("a counter update needs at least one non-zero delta");
  return { set: { ...identity, ...marks }, add: Object.fromEntries(adds) };
}

/** A campaign's day counters for cohort days in [from, to] (inclusive ISO days), with their wins counted by win day: one query. */
export async function readCounters(ctx: Ctx, campaignId: string | null, from = "0000-00-00", to = "9999-99-99"): Promise<{ days: DayCounters[]; wins: WinCount[] }> {
  const sk = (day: string) => DayCounterEntity.key({ campaignId: counted(campaignId), day }).sk;
  const days = await DayCounterEntity.inPartition(ctx, { campaignId: counted(campaignId) }, { sort: { between: [sk(from), sk(to)] } });
  return { days: days.map((day) => toDay(campaignId, day)), wins: days.flatMap(winCountsOf) };
}

/** A campaign's day counters for cohort days in [from, to], without their wins. */
export async function readDays(ctx: Ctx, campaignId: string | null, from?: string, to?: string): Promise<DayCounters[]> {
  return (await readCounters(ctx, campaignId, from, to)).days;
}

/** Everything counted for a campaign: day counters, wins with revenue and lost reasons, in one query of its partition. */
export async function readAllCounters(ctx: Ctx, campaignId: string | null): Promise<{ days: DayCounters[]; wins: WinCounters[]; lostReasons: LostReasonCounters[] }> {
  const read = await readCollection(ctx, partition(counted(campaignId)), { days: DayCounterEntity, wins: WinCounterEntity, lostReasons: LostReasonCounterEntity });
  return {
    days: read.days.map((item) => toDay(campaignId, item)),
    wins: read.wins.map((item) => ({ ...item, campaignId })),
    lostReasons: read.lostReasons.map((item) => toLostReason(campaignId, item)).filter((row) => row.lost !== 0),
  };
}

function toDay(campaignId: string | null, item: DayCounterItem): DayCounters {
  const row = { campaignId, day: item.day } as DayCounters;
  for (const field of counterFields) row[field] = Number(item[field]);
  row.spendRecorded = item.spendRecorded === true || row.spend > 0;
  return row;
}

type DayCounterItem = z.infer<typeof DayCounterEntity.schema>;

/** A day item's histogram as rows, earliest win day first. */
function winCountsOf(item: DayCounterItem): WinCount[] {
  const rows: WinCount[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(WON_AFTER) && Number(value) !== 0) {
      rows.push({ cohortDay: item.day, winDay: addDays(item.day, Number(name.slice(WON_AFTER.length))), won: Number(value) });
    }
  }
  return rows.sort((x, y) => x.winDay.localeCompare(y.winDay));
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
  const identity = { campaignId: counted(campaignId), cohortDay, reasonKey: key };
  return LostReasonCounterEntity.updateItem(ctx, identity, { set: identity, setIfMissing: { reason: tidyReason(reason) }, add: { lost: delta } }, "none");
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

const toLostReason = (campaignId: string | null, { cohortDay, reasonKey, reason, lost }: z.infer<typeof LostReasonCounterEntity.schema>): LostReasonCounters => ({
  campaignId,
  cohortDay,
  key: reasonKey,
  reason,
  lost,
});
