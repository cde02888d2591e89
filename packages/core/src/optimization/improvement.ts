import { betaIncUpper, lnBeta } from "../stats/special.js";
import { verdict } from "../stats/verdict.js";

/** A Beta(a, b) distribution, e.g. a rate's posterior. */
export type BetaParams = { a: number; b: number };

/** Simpson intervals; the before-density spans about 40 standard deviations, so h ≈ 0.04 sd. */
const INTERVALS = 1_000;
const SPAN_SDS = 20;

/**
 * P(X > Y) for independent X ~ Beta(x.a, x.b) and Y ~ Beta(y.a, y.b): the probability that the
 * rate after a change exceeds the rate before it, given both posteriors.
 *
 * Computed exactly up to quadrature error, not by simulation: P(X > Y) = ∫ f_Y(t) P(X > t) dt,
 * by composite Simpson over Y's mean ± 20 sd (clipped to [0, 1]), normalised by ∫ f_Y over the
 * same span so the clipped tail and any log-gamma rounding cancel. Both factors are smooth for
 * a, b >= 1 (a flat prior guarantees it), so the error is far below 1e-6; unit tests check it
 * against the closed-form sum for integer parameters and a seeded simulation.
 * @example probabilityGreater({ a: 31, b: 171 }, { a: 21, b: 181 }) // ≈ 0.92
 */
export function probabilityGreater(x: BetaParams, y: BetaParams): number {
  for (const p of [x.a, x.b, y.a, y.b]) if (!(p >= 1)) throw new RangeError(`Beta parameters must be at least 1, got ${p}`);
  const mean = y.a / (y.a + y.b);
  const sd = Math.sqrt((y.a * y.b) / ((y.a + y.b) ** 2 * (y.a + y.b + 1)));
  const lo = Math.max(0, mean - SPAN_SDS * sd);
  const hi = Math.min(1, mean + SPAN_SDS * sd);
  const lnNorm = lnBeta(y.a, y.b);
  const density = (t: number) => {
    const logs = (y.a - 1) * (y.a === 1 ? 0 : Math.log(t)) + (y.b - 1) * (y.b === 1 ? 0 : Math.log1p(-t));
    return Number.isFinite(logs) ? Math.exp(logs - lnNorm) : 0;
  };
  const h = (hi - lo) / INTERVALS;
  let mass = 0;
  let weighted = 0;
  for (let i = 0; i <= INTERVALS; i++) {
    const t = lo + i * h;
    const w = i === 0 || i === INTERVALS ? 1 : i % 2 === 1 ? 4 : 2;
    const f = w * density(t);
    mass += f;
    weighted += f * betaIncUpper(t, x.a, x.b);
  }
  return Math.min(1, Math.max(0, weighted / mass));
}

/** Did a rate change? From the two samples, with flat Beta(1, 1) priors. */
export type RateChange = {
  before: { successes: number; trials: number };
  after: { successes: number; trials: number };
  /** P(rate after > rate before); null when either side has no trial. */
  probability: number | null;
  /** `improved` at or above the confidence, `worse` at or below 1 - confidence, else `unclear`. */
  verdict: "improved" | "worse" | "unclear" | "insufficient_data";
};

export function rateChange(before: { successes: number; trials: number }, after: { successes: number; trials: number }, confidence: number): RateChange {
  if (before.trials === 0 || after.trials === 0) return { before, after, probability: null, verdict: "insufficient_data" };
  const probability = probabilityGreater(
    { a: 1 + after.successes, b: 1 + after.trials - after.successes },
    { a: 1 + before.successes, b: 1 + before.trials - before.successes },
  );
  const v = verdict(probability, confidence);
  return { before, after, probability, verdict: v === "met" ? "improved" : v === "not_met" ? "worse" : "unclear" };
}
