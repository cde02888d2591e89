import { evaluateKpis, type JudgedCounters } from "../kpi/evaluate.js";
import type { KpiName, KpiRow } from "../kpi/model.js";
import { addDays } from "../time.js";

/** A target the post-scale cohorts miss, with the figures and the day it started to. */
export type MissedTarget = KpiRow & {
  /**
   * The day the cohort that tipped it matured: from then to today, the mature post-scale
   * cohorts (as counted now) have missed this target without a break.
   */
  since: string;
};

export type PostScaleCheck = {
  /** The mature cohort days after scale-out that were judged; null when none is mature yet. */
  cohorts: { from: string; to: string; leads: number } | null;
  missed: MissedTarget[];
};

/** Counters of the hypothesis' campaigns: only cohort days after `scaledOn` are judged. */
export type PostScaleInput = JudgedCounters & {
  /** The day the hypothesis moved to scale; cohorts from the next day on are post-scale. */
  scaledOn: string;
  today: string;
};

/**
 * Judges the targets on the cohorts that arrived after scale-out and are mature today, every KPI
 * included (so a qualified rate or CPL is also judged on cohorts that had time to be worked).
 * Pure. For each target missed, walks back one matured cohort at a time to find when the miss
 * began; it stops at the first earlier state that was not a miss.
 */
export function checkPostScale(input: PostScaleInput): PostScaleCheck {
  const lastMature = addDays(input.today, -input.maturityDays);
  const days = input.days.filter((d) => d.day > input.scaledOn && d.day <= lastMature);
  const cohortDays = [...new Set(days.map((d) => d.day))].sort();
  if (cohortDays.length === 0) return { cohorts: null, missed: [] };

  /** Verdicts with the cohorts up to `upTo` mature, as they are counted now. */
  const judge = (upTo: string) =>
    evaluateKpis({
      days: days.filter((d) => d.day <= upTo),
      wins: input.wins.filter((w) => w.cohortDay > input.scaledOn && w.cohortDay <= upTo),
      unpaidCampaignIds: input.unpaidCampaignIds,
      targets: input.targets,
      maturityDays: input.maturityDays,
      confidence: input.confidence,
      // The day cohort `upTo` matured: every cohort passed in is mature then.
      asOf: addDays(upTo, input.maturityDays),
    }).kpis;

  const now = judge(cohortDays.at(-1)!);
  const missedNow = now.filter((row) => row.verdict === "not_met");
  const firstMiss = new Map<KpiName, string>(missedNow.map((row) => [row.kpi, cohortDays.at(-1)!]));
  for (let i = cohortDays.length - 2; i >= 0 && firstMiss.size > 0; i--) {
    const open = [...firstMiss.keys()].filter((kpi) => firstMiss.get(kpi) === cohortDays[i + 1]);
    if (open.length === 0) break;
    const earlier = judge(cohortDays[i]!);
    for (const kpi of open) {
      if (earlier.find((row) => row.kpi === kpi)?.verdict === "not_met") firstMiss.set(kpi, cohortDays[i]!);
    }
  }
  return {
    cohorts: { from: cohortDays[0]!, to: cohortDays.at(-1)!, leads: days.reduce((sum, d) => sum + d.leads, 0) },
    missed: missedNow.map((row) => ({ ...row, since: addDays(firstMiss.get(row.kpi)!, input.maturityDays) })),
  };
}
