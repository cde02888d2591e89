import { betaIncUpper, gammaIncUpper } from "./special.js";

/**
 * The probability that a target is met, judged under a skeptical prior centred on the target.
 *
 * Why: the board is looked at every day. With a flat prior, P(target met) >= 0.9 on each look is a
 * fresh chance for an early lucky streak to pass the gate; a channel truly at 80% of a 5% conversion
 * target then passed in about 40% of 60-day runs at 5 leads a day (test/unit/gate-simulation.test.ts).
 * A skeptical prior (Spiegelhalter, Freedman & Parmar 1994, "Bayesian approaches to randomized
 * trials", JRSS A 157) starts from "the channel is exactly at its target" and weighs that belief
 * as SKEPTICAL_WEIGHT events (clients, leads) seen at the target: a few lucky deals cannot carry the
 * verdict, while a few hundred leads outweigh the prior. The weight is in events, not leads, so one
 * rule fits a 5% conversion and a 40% qualified rate, a CPL and a CAC, with no number for the
 * marketer to choose. The seeded simulation keeps it honest: at 80% of a target (or 1.25x a cost
 * target) it passes in at most 10% of runs at 5 to 200 leads a day; at 130% in at least 80% at 20
 * and 50 leads a day.
 *
 * The prior only judges: KPI estimates and intervals stay those of the data alone (flat priors).
 */
export const SKEPTICAL_WEIGHT = 4;

/**
 * P(true rate >= targetMin) after `successes` of `trials`, under a Beta prior with mean `targetMin`
 * holding SKEPTICAL_WEIGHT successes. Trials may be fractional (projections).
 * @example rateMeetsProbability(3, 20, 0.05) // about 0.74: three won of twenty is a streak, not proof
 */
export function rateMeetsProbability(successes: number, trials: number, targetMin: number): number {
  if (!(successes >= 0 && trials >= successes)) throw new RangeError(`need 0 <= successes <= trials, got ${successes} of ${trials}`);
  if (targetMin <= 0) return 1;
  if (targetMin >= 1) return 0;
  const a = SKEPTICAL_WEIGHT + successes;
  const b = (SKEPTICAL_WEIGHT * (1 - targetMin)) / targetMin + trials - successes;
  return betaIncUpper(targetMin, a, b);
}

/**
 * P(true cost per event <= costMax) after `count` events for `spend` (events arrive as a Poisson
 * process in money at λ per unit; cost = 1/λ), under a Gamma prior on λ with mean 1 / costMax holding
 * SKEPTICAL_WEIGHT events and their spend at the target cost. Any money unit, the same for both.
 * @example costMeetsProbability(40, 2_000_000, 60_000) // P(CPL <= 600.00) after 40 leads for 20 000.00
 */
export function costMeetsProbability(count: number, spend: number, costMax: number): number {
  if (!(count >= 0 && spend >= 0)) throw new RangeError(`need count >= 0 and spend >= 0, got ${count} and ${spend}`);
  if (!(costMax > 0)) return 0;
  const shape = SKEPTICAL_WEIGHT + count;
  const rate = SKEPTICAL_WEIGHT * costMax + spend;
  // P(λ >= 1/costMax) for λ ~ Gamma(shape, rate).
  return gammaIncUpper(shape, rate / costMax);
}
