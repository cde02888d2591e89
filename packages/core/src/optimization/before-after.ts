import { evaluateKpis, type JudgedCounters } from "../kpi/evaluate.js";
import type { KpiReport, KpiRow } from "../kpi/model.js";
import { addDays, daysBetween } from "../time.js";
import { rateChange, type RateChange } from "./improvement.js";

/** Cohort days from `from` to `to`, both included. */
export type CohortWindow = { from: string; to: string };

export type Windows = { days: number; before: CohortWindow; after: CohortWindow };

/**
 * The cohorts an optimization is judged on: two windows of equal length, `before` ending the day
 * before it started and `after` starting that day. The length is as long as possible while
 * `after` stays before the next optimization's start and no later than today, and `before`
 * starts no earlier than the previous optimization's start, so each window sees one set of
 * changes only and the same weekdays and season. Null (with why) when no such window exists.
 */
export function comparisonWindows(
  startedOn: string,
  neighbours: { previous: string | null; next: string | null },
  today: string,
): Windows | { reason: string } {
  if (startedOn > today) return { reason: `it starts on ${startedOn}, after today (${today})` };
  const afterEnd = neighbours.next !== null && neighbours.next <= today ? addDays(neighbours.next, -1) : today;
  let days = daysBetween(startedOn, afterEnd) + 1;
  if (neighbours.previous !== null) days = Math.min(days, daysBetween(neighbours.previous, startedOn));
  if (days <= 0) return { reason: `another optimization started on ${startedOn} too, so their effects cannot be told apart` };
  return {
    days,
    before: { from: addDays(startedOn, -days), to: addDays(startedOn, -1) },
    after: { from: startedOn, to: addDays(startedOn, days - 1) },
  };
}

/** KPIs of one side of the comparison (the KPI rows of evaluateKpis and the leads still maturing). */
export type SideReport = Pick<KpiReport, "kpis" | "maturing">;

export type Effect = {
  windows: Windows | null;
  /** Why there are no windows, when there are none. */
  reason?: string;
  before: SideReport | null;
  after: SideReport | null;
  /** P(conversion after > before) on mature cohorts; P(qualified rate after > before) on all. */
  improved: { conversion: RateChange; qualifiedRate: RateChange } | null;
};

/** The hypothesis' counters over (at least) both windows, all campaigns. */
export type EffectInput = JudgedCounters & {
  /** Start days of every optimization of the hypothesis, in any order. */
  starts: string[];
  startedOn: string;
  today: string;
};

const inWindow = (day: string, w: CohortWindow) => day >= w.from && day <= w.to;

/** Before/after KPIs of the optimization starting on `startedOn` (pure). */
export function optimizationEffect(input: EffectInput): Effect {
  const { startedOn, today } = input;
  const earlier = input.starts.filter((s) => s < startedOn).sort();
  const later = input.starts.filter((s) => s > startedOn).sort();
  // A second optimization on the same day is a neighbour at distance zero.
  const sameDay = input.starts.filter((s) => s === startedOn).length > 1;
  const neighbours = { previous: sameDay ? startedOn : (earlier.at(-1) ?? null), next: later[0] ?? null };
  const windows = comparisonWindows(startedOn, neighbours, today);
  if ("reason" in windows) return { windows: null, reason: windows.reason, before: null, after: null, improved: null };

  const side = (w: CohortWindow): SideReport => {
    const report = evaluateKpis({
      days: input.days.filter((d) => inWindow(d.day, w)),
      wins: input.wins.filter((x) => inWindow(x.cohortDay, w)),
      unpaidCampaignIds: input.unpaidCampaignIds,
      targets: input.targets,
      maturityDays: input.maturityDays,
      asOf: today,
      confidence: input.confidence,
    });
    return { kpis: report.kpis, maturing: report.maturing };
  };
  const before = side(windows.before);
  const after = side(windows.after);
  return {
    windows,
    before,
    after,
    improved: {
      conversion: rateChange(counts(before, "conversion"), counts(after, "conversion"), input.confidence),
      qualifiedRate: rateChange(counts(before, "qualifiedRate"), counts(after, "qualifiedRate"), input.confidence),
    },
  };
}

/** Successes and trials behind a rate row: conversion's sample is the mature cohorts only. */
function counts(report: SideReport, kpi: "conversion" | "qualifiedRate") {
  const row = report.kpis.find((r) => r.kpi === kpi) as KpiRow;
  return { successes: kpi === "conversion" ? row.sample.won : row.sample.qualified, trials: row.sample.leads };
}
