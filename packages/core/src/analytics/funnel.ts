import type { DayCounters, LostReasonCounters } from "../counters/cohort-counters.js";
import { isMature } from "../kpi/samples.js";

/**
 * The funnel of a hypothesis over all its leads: how many reached each stage (a lead counts at
 * every stage up to the furthest it reached, lost or not), what share of one stage reached the
 * next, and why leads were lost.
 *
 * A step's `dropOff` is the share of the leads at its first stage that have not reached its
 * second: lost there or still being worked. Young leads inflate it, which is why the answer says
 * how many leads are still maturing. `largestDropOff` is the step with the largest share (the
 * earlier step on a tie), null while no lead has arrived.
 */
export const funnelStages = ["new", "contacted", "qualified", "proposal", "won"] as const;
export type FunnelStage = (typeof funnelStages)[number];

export type FunnelStep = { from: FunnelStage; to: FunnelStage; passed: number; dropped: number; rate: number | null; dropOff: number | null };

export type Funnel = {
  stages: Array<{ stage: FunnelStage; reached: number }>;
  steps: FunnelStep[];
  largestDropOff: FunnelStep | null;
  /** Leads lost now (restored leads are not), and their reasons, most frequent first. */
  lost: number;
  lostReasons: Array<{ reason: string; count: number }>;
  maturing: { leads: number };
  asOf: string;
};

export type FunnelInput = { days: DayCounters[]; lostReasons: LostReasonCounters[]; asOf: string; maturityDays: number };

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function funnel(input: FunnelInput): Funnel {
  const reachedAt = (stage: FunnelStage) => input.days.reduce((sum, row) => sum + row[stage === "new" ? "leads" : stage], 0);
  const stages = funnelStages.map((stage) => ({ stage, reached: reachedAt(stage) }));

  const steps = stages.slice(1).map(({ stage: to, reached: passed }, i): FunnelStep => {
    const { stage: from, reached } = stages[i]!;
    const rate = reached > 0 ? passed / reached : null;
    return { from, to, passed, dropped: reached - passed, rate: rate === null ? null : round4(rate), dropOff: rate === null ? null : round4(1 - rate) };
  });
  const largestDropOff = steps.reduce<FunnelStep | null>(
    (worst, step) => (step.dropOff !== null && (worst === null || step.dropOff > worst.dropOff!) ? step : worst),
    null,
  );

  return {
    stages,
    steps,
    largestDropOff,
    lost: input.days.reduce((sum, row) => sum + row.lost, 0),
    lostReasons: countReasons(input.lostReasons),
    maturing: { leads: input.days.filter((row) => !isMature(row.day, input.asOf, input.maturityDays)).reduce((sum, row) => sum + row.leads, 0) },
    asOf: input.asOf,
  };
}

/** Sums reasons across campaigns and days under their normalized key, shown as first spelled on the earliest day. */
function countReasons(rows: LostReasonCounters[]): Array<{ reason: string; count: number }> {
  const byKey = new Map<string, { reason: string; firstDay: string; count: number }>();
  for (const row of rows) {
    const seen = byKey.get(row.key);
    if (!seen) byKey.set(row.key, { reason: row.reason, firstDay: row.cohortDay, count: row.lost });
    else {
      seen.count += row.lost;
      if (row.cohortDay < seen.firstDay) Object.assign(seen, { reason: row.reason, firstDay: row.cohortDay });
    }
  }
  return [...byKey.values()]
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .map(({ reason, count }) => ({ reason, count }));
}
