import type { Interval } from "../stats/rate.js";
import type { Verdict } from "../stats/verdict.js";
import type { Decision } from "./judgement.js";

/**
 * KPIs of a hypothesis, campaign or contractor, from cohort counters only (pure: no I/O).
 *
 * Units in the answer: rates and ROMI are fractions (0.05 = 5%, 1 = +100%); money KPIs (cpl, cac,
 * averageDeal, spend and their targets) are numbers of roubles rounded to kopecks, since they are
 * estimates rather than sums that get added up; `sample.spend` and `sample.revenue` are the exact
 * sums as decimal strings ("1234.50"); medianDaysToWin is in days.
 *
 * `observed` is the figure in the sample (null when undefined, e.g. CPL with no lead); `estimate`
 * is the posterior mean under a flat prior (for a cost with no event yet its median, the mean being
 * infinite) and `interval` its 95% equal-tailed credible interval: what the data alone say. leads
 * and spend are exact ([x, x]); averageDeal and medianDaysToWin carry frequentist intervals (see
 * samples.ts).
 *
 * Verdicts, for KPIs with a target (kpi/judgement.ts): `probability` is P(true value meets the
 * target) under a skeptical prior centred on the target (stats/skeptical.ts), so that a verdict
 * holds when the board is looked at every day; `met` at or above `confidence`, `not_met` at or below
 * 1 - confidence; `insufficient_data` otherwise, below `minLeads` / `minClients`, with no evidence
 * at all, or while the observed figure itself misses the target. An undecided target carries a
 * `decision`: the verdict it is heading for and about how many more leads and days it needs.
 * A cost KPI with days of leads but no recorded spend is `insufficient_data` and names those days
 * (`spendMissing`, see spend-coverage.ts): missing spend is not free leads.
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
  /** For a target still `insufficient_data`: how far a verdict is (kpi/judgement.ts). */
  decision?: Decision;
  sample: KpiSample;
  /** Cost KPIs (cpl, cac, romi): days of the sample with leads of a paid campaign and no recorded spend (spend-coverage.ts). */
  spendMissing?: { days: string[] };
  /** The target was changed after leads had arrived (target-changes.ts): when, and the target it replaced (null: none). */
  targetChangedAt?: string;
  previousTarget?: number | null;
};

export type KpiReport = { kpis: KpiRow[]; maturing: { leads: number }; asOf: string; confidence: number };

export type GateVerdict = { passed: boolean; confidence: number; kpis: KpiRow[]; maturing: { leads: number }; asOf: string };
