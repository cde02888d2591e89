import type { GateVerdict, KpiName, KpiReport, KpiRow, KpiSample } from "./model.js";
import type { DayCounters, WinCount } from "../counters/cohort-counters.js";
import { formatKopecks } from "../money.js";
import { costPosterior, romiPosterior } from "../stats/cost.js";
import { betaPosterior, type Interval } from "../stats/rate.js";
import { daysBetween } from "../time.js";
import { costEvidence, decide, judge, rateEvidence, type Evidence, type Pace } from "./judgement.js";
import { averageDealInterval, isMature, medianDaysToWin, totals, type Totals } from "./samples.js";
import { markMissingSpend } from "./spend-coverage.js";
import type { JudgingHypothesis, Targets } from "./targets.js";

export type EvaluateInput = {
  days: DayCounters[];
  /** Wins by cohort day and win day: the median days to win. */
  wins: WinCount[];
  targets: Targets;
  maturityDays: number;
  /** ISO day the answer is computed for: cohort days at least maturityDays before it are mature. */
  asOf: string;
  confidence?: number;
  /** Last day of the probe window, to say whether a verdict can be reached within it. */
  probeEnd?: string;
  /** Campaigns marked unpaid: their days need no recorded spend (spend-coverage.ts). */
  unpaidCampaignIds?: string[];
};

/** Cohort counters with the targets, maturity and confidence of the hypothesis that judges them. */
export type JudgedCounters = {
  days: DayCounters[];
  wins: WinCount[];
  /** Campaigns marked unpaid (no missing-spend rule). */
  unpaidCampaignIds?: string[];
  targets: Targets;
  maturityDays: number;
  confidence: number;
};

/**
 * Counters beside what the hypothesis judges them by: where every reading of its KPIs starts.
 * @example evaluateKpis({ ...judgedBy(hypothesis, counters), asOf })
 */
export function judgedBy(
  hypothesis: Pick<JudgingHypothesis, "targets" | "maturityDays" | "confidence">,
  { days, wins, unpaidCampaignIds }: Pick<JudgedCounters, "days" | "wins" | "unpaidCampaignIds">,
): JudgedCounters {
  return { days, wins, unpaidCampaignIds, targets: hypothesis.targets, maturityDays: hypothesis.maturityDays, confidence: hypothesis.confidence };
}

const roubles = (kopecks: number) => Math.round(kopecks) / 100;
const roublesInterval = (interval: Interval | null): Interval | null => interval && [roubles(interval[0]), roubles(interval[1])];
const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

const sampleOf = (t: Totals): KpiSample => ({
  leads: t.leads,
  qualified: t.qualified,
  won: t.won,
  spend: formatKopecks(t.spend),
  revenue: formatKopecks(t.revenue),
});

/** A KPI before its verdict; money still in kopecks. */
type Figure = { kpi: KpiName; totals: Totals; observed: number | null; estimate: number | null; interval: Interval | null; money?: boolean };

export function evaluateKpis(input: EvaluateInput): KpiReport {
  const { targets, asOf, maturityDays } = input;
  const confidence = input.confidence ?? 0.9;
  const { all, mature } = totals(input.days, asOf, maturityDays);
  const matureWins = input.wins.filter((row) => isMature(row.cohortDay, asOf, maturityDays));
  const rows: KpiRow[] = [];
  const paceOf = paces(input, all.leads - mature.leads);

  const add = (figure: Figure, evidence?: Evidence) => {
    const money = figure.money ? roubles : (x: number) => x;
    const row: KpiRow = {
      kpi: figure.kpi,
      observed: figure.observed === null ? null : money(figure.observed),
      estimate: figure.estimate === null ? null : money(figure.estimate),
      interval: figure.money ? roublesInterval(figure.interval) : figure.interval,
      sample: sampleOf(figure.totals),
    };
    if (evidence) {
      const { probability, verdict } = judge(evidence, targets, confidence);
      row.target = money(evidence.target);
      row.direction = evidence.direction;
      if (probability !== undefined) row.probability = probability;
      row.verdict = verdict;
      // Conversion, CAC and ROMI are judged on mature cohorts: leads still maturing will join them.
      if (verdict === "insufficient_data") row.decision = decide(evidence, targets, confidence, paceOf(figure.totals === mature));
    }
    rows.push(row);
  };

  add({ kpi: "leads", totals: all, observed: all.leads, estimate: all.leads, interval: [all.leads, all.leads] });

  const rateKpi = (kpi: KpiName, successes: number, t: Totals, targetMin: number | undefined) => {
    const posterior = t.leads > 0 ? betaPosterior(successes, t.leads) : null;
    const figure = { kpi, totals: t, observed: ratio(successes, t.leads), estimate: posterior?.mean ?? null, interval: posterior?.interval ?? null };
    add(figure, targetMin === undefined ? undefined : rateEvidence(successes, t.leads, t.won, targetMin));
  };
  rateKpi("qualifiedRate", all.qualified, all, targets.qualifiedRateMin);
  rateKpi("conversion", mature.won, mature, targets.conversionMin);

  const costKpi = (kpi: KpiName, count: number, t: Totals, targetMax: number | undefined) => {
    const posterior = costPosterior(count, t.spend);
    const figure = { kpi, totals: t, observed: ratio(t.spend, count), estimate: posterior?.estimate ?? null, interval: posterior?.interval ?? null, money: true };
    add(figure, targetMax === undefined ? undefined : costEvidence(count, t.spend, t.leads, t.won, targetMax));
  };
  costKpi("cpl", all.leads, all, targets.cplMax);
  costKpi("cac", mature.won, mature, targets.cacMax);

  const averageDeal = ratio(mature.revenue, mature.won) ?? ratio(all.revenue, all.won);
  const romi = romiPosterior(mature.won, mature.spend, averageDeal);
  add(
    { kpi: "romi", totals: mature, observed: ratio(mature.revenue - mature.spend, mature.spend), estimate: romi?.estimate ?? null, interval: romi?.interval ?? null },
    targets.romiMin === undefined ? undefined : romiEvidence(mature, averageDeal, targets.romiMin),
  );

  add({ kpi: "averageDeal", totals: all, observed: ratio(all.revenue, all.won), estimate: ratio(all.revenue, all.won), interval: averageDealInterval(input.days), money: true });

  // Mature cohorts only: a young cohort has shown only its quick wins, which would pull the median down.
  const days = medianDaysToWin(matureWins);
  add({ kpi: "medianDaysToWin", totals: mature, observed: days?.median ?? null, estimate: days?.median ?? null, interval: days?.interval ?? null });

  add({ kpi: "spend", totals: all, observed: all.spend, estimate: all.spend, interval: [all.spend, all.spend], money: true });
  markMissingSpend(rows, input);

  return { kpis: rows, maturing: { leads: all.leads - mature.leads }, asOf, confidence };
}

/**
 * ROMI = revenue / spend - 1 with revenue as won deals times the average deal, so a ROMI target is
 * met exactly when the CAC of averageDeal / (1 + romiMin) would be (stats/cost.ts). The row keeps
 * the ROMI target; only the evidence is a CAC's. Without a deal won its figure is undefined.
 */
function romiEvidence(t: Totals, averageDeal: number | null, romiMin: number): Evidence {
  const evidence = costEvidence(t.won, t.spend, t.leads, t.won, romiMin <= -1 ? Infinity : (averageDeal ?? 0) / (1 + romiMin));
  const romi = ratio(t.revenue - t.spend, t.spend);
  return {
    ...evidence,
    target: romiMin,
    direction: "min",
    observedMeets: romi === null || averageDeal === null ? null : romi >= romiMin,
    // Undefined without spend (ROMI has no denominator) or without a deal's size.
    probabilityAfter: (more) => (averageDeal === null || !(averageDeal > 0) || t.spend === 0 ? undefined : romiMin <= -1 ? 1 : evidence.probabilityAfter(more)),
  };
}

/** The pace of a KPI's sample: leads a day since the first lead, and for mature samples the leads still maturing. */
function paces(input: EvaluateInput, maturingLeads: number): (mature: boolean) => Pace {
  const withLeads = input.days.filter((row) => row.leads > 0).map((row) => row.day);
  const first = withLeads.length > 0 ? withLeads.reduce((a, b) => (a < b ? a : b)) : null;
  const leads = input.days.reduce((sum, row) => sum + row.leads, 0);
  const leadsPerDay = first === null ? null : leads / (daysBetween(first, input.asOf) + 1);
  const probeDaysLeft = input.probeEnd === undefined ? null : Math.max(0, daysBetween(input.asOf, input.probeEnd));
  return (mature) => ({ leadsPerDay, maturingLeads: mature ? maturingLeads : 0, probeDaysLeft });
}


/**
 * The scale-out gate: one row per target, passed only when every target is `met`. A hypothesis
 * with no target at all does not pass: there is nothing to have proven.
 */
export function gateVerdict(report: KpiReport): GateVerdict {
  const kpis = report.kpis.filter((row) => row.verdict !== undefined);
  return {
    passed: kpis.length > 0 && kpis.every((row) => row.verdict === "met"),
    confidence: report.confidence,
    kpis,
    maturing: report.maturing,
    asOf: report.asOf,
  };
}
