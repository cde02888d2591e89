import { betaIncInv } from "./special.js";

/** A 95% equal-tailed credible interval. */
export type Interval = [lo: number, hi: number];

/** The posterior of a rate (qualified rate, conversion) after `successes` of `trials`. */
export type RatePosterior = {
  /** Beta posterior parameters, for sampling in forecasts. */
  a: number;
  b: number;
  mean: number;
  interval: Interval;
};

/**
 * Beta-binomial posterior of a rate. The default Beta(1, 1) prior is flat: every rate is equally
 * plausible before the first lead, so the data speak as soon as there are a few dozen trials.
 * Targets are judged under a skeptical prior instead (skeptical.ts); this one describes the data.
 * @example betaPosterior(3, 60).interval // the 95% interval of a conversion after 3 won of 60
 */
export function betaPosterior(successes: number, trials: number, prior = { a: 1, b: 1 }): RatePosterior {
  if (!(successes >= 0 && trials >= successes)) throw new RangeError(`need 0 <= successes <= trials, got ${successes} of ${trials}`);
  const a = prior.a + successes;
  const b = prior.b + trials - successes;
  return {
    a,
    b,
    mean: a / (a + b),
    interval: [betaIncInv(0.025, a, b), betaIncInv(0.975, a, b)],
  };
}
