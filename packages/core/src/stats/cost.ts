import type { Interval } from "./rate.js";
import { gammaIncInv } from "./special.js";

/**
 * Cost-per KPIs (CPL = spend / leads, CAC = spend / won) and ROMI.
 *
 * Model: events (leads, won deals) arrive as a Poisson process in money spent, at λ events per
 * money unit. Prior on λ: Gamma(shape 1, rate 0), flat on λ and improper, the Gamma analogue of
 * the flat Beta(1, 1) used for rates. It adds no pseudo-spend, so the posterior
 * Gamma(1 + count, spend) is proper as soon as anything was spent, and its mean cost
 * E[1/λ] = spend / count equals the observed cost.
 * The cost is 1/λ, so its quantiles are the reciprocals of λ's: the 95% interval is
 * [1/λ_97.5%, 1/λ_2.5%]. Targets are judged under a skeptical prior instead (skeptical.ts).
 * Money may be in any unit (kopecks here); costs come back in the same unit.
 */
export const COST_PRIOR = { shape: 1, rate: 0 };

export type CostPosterior = {
  /** Gamma posterior of λ (events per money unit), for sampling in forecasts. */
  shape: number;
  rate: number;
  /**
   * Point estimate of the cost: the posterior mean when it exists (at least one event), else the
   * posterior median (with no event the mean of 1/λ is infinite).
   */
  estimate: number;
  estimateKind: "mean" | "median";
  interval: Interval;
};

/**
 * Posterior of the cost of one event after `count` events for `spend`.
 * Null when there is nothing to learn from (no spend and no event). With no spend but some
 * events the cost is exactly zero (organic leads).
 * Targets are judged under a skeptical prior instead (skeptical.ts); this one describes the data.
 * @example costPosterior(40, 2_000_000).interval // the 95% interval of a CPL after 40 leads for 20 000.00
 */
export function costPosterior(count: number, spend: number, prior = COST_PRIOR): CostPosterior | null {
  if (!(count >= 0 && spend >= 0)) throw new RangeError(`need count >= 0 and spend >= 0, got ${count} and ${spend}`);
  const shape = prior.shape + count;
  const rate = prior.rate + spend;
  if (rate === 0) {
    if (count === 0) return null;
    return { shape, rate, estimate: 0, estimateKind: "mean", interval: [0, 0] };
  }
  const hasMean = shape > 1;
  return {
    shape,
    rate,
    estimate: hasMean ? rate / (shape - 1) : rate / gammaIncInv(0.5, shape),
    estimateKind: hasMean ? "mean" : "median",
    interval: [rate / gammaIncInv(0.975, shape), rate / gammaIncInv(0.025, shape)],
  };
}

export type RomiPosterior = {
  /** Posterior mean of ROMI. */
  estimate: number;
  interval: Interval;
};

/**
 * Posterior of ROMI = (revenue - spend) / spend. Revenue is taken as won deals times the observed
 * average deal, so ROMI = λ_won · averageDeal - 1 with λ_won the won-per-money-unit rate under the
 * same Gamma model as CAC; its uncertainty is the uncertainty in how many deals the spend buys,
 * not in deal size. Hence ROMI >= romiMin exactly when λ_won >= (1 + romiMin) / averageDeal: a ROMI
 * target is judged as the CAC of averageDeal / (1 + romiMin) (kpi/evaluate.ts, romiEvidence).
 * Null when ROMI is undefined (no spend) or the deal size is unknown (no deal won yet).
 */
export function romiPosterior(won: number, spend: number, averageDeal: number | null, prior = COST_PRIOR): RomiPosterior | null {
  if (!(won >= 0 && spend >= 0)) throw new RangeError(`need won >= 0 and spend >= 0, got ${won} and ${spend}`);
  const shape = prior.shape + won;
  const rate = prior.rate + spend;
  if (spend === 0 || averageDeal === null || !(averageDeal > 0)) return null;
  const romiAt = (lambda: number) => lambda * averageDeal - 1;
  return {
    estimate: romiAt(shape / rate),
    interval: [romiAt(gammaIncInv(0.025, shape) / rate), romiAt(gammaIncInv(0.975, shape) / rate)],
  };
}

