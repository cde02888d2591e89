import type { DayCounters, WinCount } from "../counters/cohort-counters.js";
import type { Targets } from "../hypothesis/targets.js";
import { formatKopecks } from "../money.js";
import { costPosterior, romiPosterior } from "../stats/cost.js";
import { betaPosterior, type Interval } from "../stats/rate.js";
import { verdict as verdictFor, type Verdict } from "../stats/verdict.js";
import { averageDealInterval, isMature, medianDaysToWin, totals, type Totals } from "./samples.js";
import { markMissingSpend } from "./spend-coverage.js";

/**
 * KPIs of a hypothesis, campaign or contractor, from cohort counters only (pure: no I/O).
 *
 * Units in the answer: rates and ROMI are fractions (0.05 = 5%, 1 = +100%); money KPIs (cpl, cac,
 * averageDeal, spend and their targets) are numbers of roubles rounded to kopecks, since they are
 * estimates rather than sums that get added up; `sample.spend` and `sample.revenue` are the exact
 * sums as decimal strings ("1234.50"); medianDaysToWin is in days.
 *
 * `observed` is the figure in the sample (null when undefined, e.g. CPL with no lead); `estimate`
 * is the posterior mean (for a cost with no event yet its median, the mean being infinite) and
 * `interval` the 95% equal-tailed credible interval. leads and spend are exact ([x, x]);
 * averageDeal and medianDaysToWin carry frequentist intervals (see samples.ts).
 *
 * Verdicts, for KPIs with a target: from P(true value meets the target) against `confidence`
 * (stats/verdict.ts), then `insufficient_data` when the KPI's sample has fewer leads than
 * `minLeads` or fewer won than `minClients`, or holds no evidence at all; and never `met` while
 * the observed figure itself misses the target, so that a flat prior cannot carry a verdict on a
 * handful of leads. A cost KPI with days of leads but no recorded spend is `insufficient_data`
 * and names those days (`spendMissing`, see spend-coverage.ts): missing spend is not free leads.
 */
export type KpiName = "leads" | "qualifiedRate" | "conversion" | "cpl" | "cac" | "romi" | "averageDeal" | "medianDaysToWin" | "spend";

export type KpiSample = { leads: number; qualified: number; won: number; spend: string; revenue: string };

export type KpiRow = {
  kpi: KpiName;
  target?: number;
  direction?: "min" | "max";
  observed: number | null;
  estimate: number | null;
  interval: Interval | null;
  probability?: number;
  verdict?: Verdict;
  sample: KpiSample;
  /** Cost KPIs (cpl, cac, romi): days of the sample with leads of a paid campaign and no recorded spend (spend-coverage.ts). */
  spendMissing?: { days: string[] };
};

export type KpiReport = { kpis: KpiRow[]; maturing: { leads: number }; asOf: string; confidence: number };

export type EvaluateInput = {
  days: DayCounters[];
  /** Wins by cohort day and win day: the median days to win. */
  wins: WinCount[];
  targets: Targets;
  maturityDays: number;
  /** ISO day the answer is computed for: cohort days at least maturityDays before it are mature. */
  asOf: string;
  confidence?: number;
  /** Campaigns marked unpaid: their days need no recorded spend (spend-coverage.ts). */
  unpaidCampaignIds?: string[];
};

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
type Goal = { target: number; direction: "min" | "max"; probability: number | undefined };

export function evaluateKpis(input: EvaluateInput): KpiReport {
  const { targets, asOf, maturityDays } = input;
  const confidence = input.confidence ?? 0.9;
  const { all, mature } = totals(input.days, asOf, maturityDays);
  const matureWins = input.wins.filter((row) => isMature(row.cohortDay, asOf, maturityDays));
  const rows: KpiRow[] = [];

  const add = (figure: Figure, goal?: Goal) => {
    const money = figure.money ? roubles : (x: number) => x;
    const row: KpiRow = {
      kpi: figure.kpi,
      observed: figure.observed === null ? null : money(figure.observed),
      estimate: figure.estimate === null ? null : money(figure.estimate),
      interval: figure.money ? roublesInterval(figure.interval) : figure.interval,
      sample: sampleOf(figure.totals),
    };
    if (goal) {
      row.target = money(goal.target);
      row.direction = goal.direction;
      if (goal.probability !== undefined) row.probability = goal.probability;
      row.verdict = judge(figure, goal, targets, confidence);
    }
    rows.push(row);
  };

  add({ kpi: "leads", totals: all, observed: all.leads, estimate: all.leads, interval: [all.leads, all.leads] });

  const rateKpi = (kpi: KpiName, successes: number, t: Totals, targetMin: number | undefined) => {
    const posterior = t.leads > 0 ? betaPosterior(successes, t.leads) : null;
    const figure = { kpi, totals: t, observed: ratio(successes, t.leads), estimate: posterior?.mean ?? null, interval: posterior?.interval ?? null };
    add(figure, targetMin === undefined ? undefined : { target: targetMin, direction: "min", probability: posterior?.probabilityAtLeast(targetMin) });
  };
  rateKpi("qualifiedRate", all.qualified, all, targets.qualifiedRateMin);
  rateKpi("conversion", mature.won, mature, targets.conversionMin);

  const costKpi = (kpi: KpiName, count: number, t: Totals, targetMax: number | undefined) => {
    const posterior = costPosterior(count, t.spend);
    const figure = { kpi, totals: t, observed: ratio(t.spend, count), estimate: posterior?.estimate ?? null, interval: posterior?.interval ?? null, money: true };
    add(figure, targetMax === undefined ? undefined : { target: targetMax, direction: "max", probability: posterior?.probabilityAtMost(targetMax) });
  };
  costKpi("cpl", all.leads, all, targets.cplMax);
  costKpi("cac", mature.won, mature, targets.cacMax);

  const averageDeal = ratio(mature.revenue, mature.won) ?? ratio(all.revenue, all.won);
  const romi = romiPosterior(mature.won, mature.spend, averageDeal);
  add(
    { kpi: "romi", totals: mature, observed: ratio(mature.revenue - mature.spend, mature.spend), estimate: romi?.estimate ?? null, interval: romi?.interval ?? null },
    targets.romiMin === undefined ? undefined : { target: targets.romiMin, direction: "min", probability: romi?.probabilityAtLeast(targets.romiMin) },
  );

  add({ kpi: "averageDeal", totals: all, observed: ratio(all.revenue, all.won), estimate: ratio(all.revenue, all.won), interval: averageDealInterval(input.days), money: true });

  // Mature cohorts only: a young cohort has shown only its quick wins, which would pull the median down.
  const days = medianDaysToWin(matureWins);
  add({ kpi: "medianDaysToWin", totals: mature, observed: days?.median ?? null, estimate: days?.median ?? null, interval: days?.interval ?? null });

  add({ kpi: "spend", totals: all, observed: all.spend, estimate: all.spend, interval: [all.spend, all.spend], money: true });
  markMissingSpend(rows, input);

  return { kpis: rows, maturing: { leads: all.leads - mature.leads }, asOf, confidence };
}

function judge(figure: Figure, goal: Goal, targets: Targets, confidence: number): Verdict {
  const t = figure.totals;
  if (targets.minLeads !== undefined && t.leads < targets.minLeads) return "insufficient_data";
  if (targets.minClients !== undefined && t.won < targets.minClients) return "insufficient_data";
  const result = verdictFor(goal.probability, confidence);
  const observedMeets =
    figure.observed !== null && (goal.direction === "min" ? figure.observed >= goal.target : figure.observed <= goal.target);
  return result === "met" && !observedMeets ? "insufficient_data" : result;
}

export type GateVerdict = { passed: boolean; confidence: number; kpis: KpiRow[]; maturing: { leads: number }; asOf: string };

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
