import type { DayCounters } from "../counters/cohort-counters.js";
import { isMature, totals, type Totals } from "../kpi/samples.js";
import { missingSpendDays } from "../kpi/spend-coverage.js";
import { formatKopecks } from "../money.js";
import { costPosterior } from "../stats/cost.js";
import { beta, gamma, poisson, seededRandom, type Random } from "../stats/random.js";
import { betaPosterior } from "../stats/rate.js";

/**
 * The waterfall forecast: what a budget would bring if the channel keeps performing as its mature
 * cohorts did (cohort days at least maturityDays old, so every figure comes from leads that have
 * had time to close).
 *
 * Model, one simulation run:
 * - leads per kopeck λ ~ Gamma(1 + leads, spend): the CPL posterior of stats/cost.ts;
 * - qualified rate q ~ Beta(1 + qualified, 1 + leads - qualified) and win rate among qualified
 *   w ~ Beta(1 + won, 1 + qualified - won): the Beta(1, 1) posteriors of stats/rate.ts;
 * - with μ = λ · budget, won ~ Poisson(μqw), qualified-not-won ~ Poisson(μq(1 - w)) and
 *   unqualified ~ Poisson(μ(1 - q)): the exact Poisson splitting of leads ~ Poisson(μ) thinned by
 *   q and w, so the intervals hold the randomness of the outcome as well as of the parameters;
 * - revenue = won · the observed average deal of mature wins. Counters keep sums, not single deals,
 *   so deal size is taken as known, as in the ROMI posterior; the revenue interval is therefore
 *   that of the number of deals, and is too narrow when deal sizes vary a lot.
 * The 80% intervals are the 10th and 90th percentiles of the runs; `expected` is their mean. The
 * generator is seeded from the mature totals and the budget, so the same data give the same answer.
 */
export const FORECAST_RUNS = 10_000;
export const FORECAST_LEVEL = 0.8;

export type Band = { expected: number; interval: [number, number] };
export type MoneyBand = { expected: string; interval: [string, string] };

export type ForecastBasis = {
  leads: number;
  qualified: number;
  won: number;
  spend: string;
  revenue: string;
  cpl: string | null;
  qualifiedRate: number | null;
  winRate: number | null;
  averageDeal: string | null;
};

export type Forecast =
  | {
      status: "ok";
      budget: string;
      level: number;
      leads: Band;
      qualified: Band;
      won: Band;
      revenue: MoneyBand;
      romi: Band;
      basis: ForecastBasis;
      maturing: { leads: number };
      simulation: { runs: number; seed: string };
      asOf: string;
    }
  | {
      status: "insufficient_data";
      reason: string;
      /** Mature cohort days with leads of a paid campaign and no recorded spend: the cost of a lead is not known. */
      spendMissing?: { days: string[] };
      budget: string;
      basis: ForecastBasis;
      maturing: { leads: number };
      asOf: string;
    };

export type ForecastInput = {
  days: DayCounters[];
  budget: number;
  asOf: string;
  maturityDays: number;
  runs?: number;
  /** Campaigns marked unpaid: their days need no recorded spend. */
  unpaidCampaignIds?: string[];
};

export function forecast(input: ForecastInput): Forecast {
  const { budget, asOf, maturityDays } = input;
  const { all, mature } = totals(input.days, asOf, maturityDays);
  const common = { budget: formatKopecks(budget), basis: basisOf(mature), maturing: { leads: all.leads - mature.leads }, asOf };
  const reason = missing(all, mature, maturityDays);
  if (reason) return { status: "insufficient_data", reason, ...common };
  const unpriced = missingSpendDays(
    input.days.filter((row) => isMature(row.day, asOf, maturityDays)),
    input.unpaidCampaignIds,
  );
  if (unpriced.length > 0) {
    const why = `spend missing on ${unpriced.length} of the mature cohort days with leads (${unpriced.join(", ")}), so the cost of a lead is unknown`;
    return { status: "insufficient_data", reason: why, spendMissing: { days: unpriced }, ...common };
  }

  const seed = `forecast:${budget}:${mature.leads}:${mature.qualified}:${mature.won}:${mature.spend}:${mature.revenue}`;
  const runs = simulate(mature, budget, input.runs ?? FORECAST_RUNS, seededRandom(seed));
  const band = (values: Float64Array, digits: number): Band => {
    const [lo, hi] = percentiles(values);
    return { expected: round(mean(values), digits), interval: [round(lo, digits), round(hi, digits)] };
  };
  const money = (values: Float64Array): MoneyBand => {
    const { expected, interval } = band(values, 0);
    return { expected: formatKopecks(expected), interval: [formatKopecks(interval[0]), formatKopecks(interval[1])] };
  };
  return {
    status: "ok",
    ...common,
    level: FORECAST_LEVEL,
    leads: band(runs.leads, 1),
    qualified: band(runs.qualified, 1),
    won: band(runs.won, 1),
    revenue: money(runs.revenue),
    romi: band(runs.romi, 4),
    simulation: { runs: runs.leads.length, seed },
  };
}

/** Why the mature data cannot carry a forecast, or null when they can. */
function missing(all: Totals, mature: Totals, maturityDays: number): string | null {
  if (all.leads === 0) return "no leads yet";
  if (mature.leads === 0) return `no mature leads yet: a cohort day counts once it is ${maturityDays} days old`;
  if (mature.spend === 0) return "no spend recorded on the mature cohort days, so the cost of a lead is unknown";
  if (mature.won === 0) return "no deal won among the mature leads, so neither the win rate nor the deal size is known";
  return null;
}

function simulate(mature: Totals, budget: number, count: number, random: Random) {
  const cpl = costPosterior(mature.leads, mature.spend)!;
  const qualifiedRate = betaPosterior(mature.qualified, mature.leads);
  const winRate = betaPosterior(mature.won, mature.qualified);
  const averageDeal = mature.revenue / mature.won;
  const runs = { leads: new Float64Array(count), qualified: new Float64Array(count), won: new Float64Array(count), revenue: new Float64Array(count), romi: new Float64Array(count) };
  for (let i = 0; i < count; i++) {
    const expectedLeads = gamma(random, cpl.shape, cpl.rate) * budget;
    const q = beta(random, qualifiedRate.a, qualifiedRate.b);
    const w = beta(random, winRate.a, winRate.b);
    const won = poisson(random, expectedLeads * q * w);
    const qualified = won + poisson(random, expectedLeads * q * (1 - w));
    const revenue = won * averageDeal;
    runs.leads[i] = qualified + poisson(random, expectedLeads * (1 - q));
    runs.qualified[i] = qualified;
    runs.won[i] = won;
    runs.revenue[i] = revenue;
    runs.romi[i] = (revenue - budget) / budget;
  }
  return runs;
}

function basisOf(t: Totals): ForecastBasis {
  return {
    leads: t.leads,
    qualified: t.qualified,
    won: t.won,
    spend: formatKopecks(t.spend),
    revenue: formatKopecks(t.revenue),
    cpl: t.leads > 0 ? formatKopecks(Math.round(t.spend / t.leads)) : null,
    qualifiedRate: t.leads > 0 ? round(t.qualified / t.leads, 4) : null,
    winRate: t.qualified > 0 ? round(t.won / t.qualified, 4) : null,
    averageDeal: t.won > 0 ? formatKopecks(Math.round(t.revenue / t.won)) : null,
  };
}

/** The equal-tailed 80% interval: the 10th and 90th percentiles, taken as simulated values so that counts stay whole. */
function percentiles(values: Float64Array): [number, number] {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.round(p * (sorted.length - 1))]!;
  return [at(0.1), at(0.9)];
}

const mean = (values: Float64Array) => values.reduce((sum, x) => sum + x, 0) / values.length;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
