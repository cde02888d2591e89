import { describe, expect, it } from "vitest";
import { probabilityGreater, rateChange } from "../../packages/core/src/optimization/improvement.js";
import { beta, seededRandom } from "../../packages/core/src/stats/random.js";

/**
 * Independent reference: for integer parameters,
 * P(X > Y) = Σ_{i=0}^{x.a-1} B(y.a+i, y.b+x.b) / ((x.b+i) · B(1+i, x.b) · B(y.a, y.b))
 * (Evan Miller, "Formulas for Bayesian A/B testing"), with log-gamma from sums of logs of
 * integers: no code shared with the implementation.
 */
function closedForm(x: { a: number; b: number }, y: { a: number; b: number }): number {
  const size = x.a + x.b + y.a + y.b + 2;
  const lnFactorial = [0];
  for (let k = 1; k <= size; k++) lnFactorial.push(lnFactorial[k - 1]! + Math.log(k));
  const lnGammaInt = (n: number) => lnFactorial[n - 1]!;
  const lnB = (a: number, b: number) => lnGammaInt(a) + lnGammaInt(b) - lnGammaInt(a + b);
  let sum = 0;
  for (let i = 0; i < x.a; i++) {
    sum += Math.exp(lnB(y.a + i, y.b + x.b) - Math.log(x.b + i) - lnB(1 + i, x.b) - lnB(y.a, y.b));
  }
  return sum;
}

/** After `successes` of `trials` with a flat prior. */
const posterior = (successes: number, trials: number) => ({ a: 1 + successes, b: 1 + trials - successes });

describe("probability that a rate improved", () => {
  it.each([
    ["a clear improvement", posterior(30, 200), posterior(20, 200)],
    ["a clear decline", posterior(10, 200), posterior(25, 200)],
    ["no change at all", posterior(15, 150), posterior(15, 150)],
    ["zero successes before", posterior(3, 40), posterior(0, 40)],
    ["all successes after", posterior(12, 12), posterior(9, 12)],
    ["one trial on each side", posterior(1, 1), posterior(0, 1)],
    ["unequal samples", posterior(40, 1000), posterior(3, 60)],
    ["thousands of leads", posterior(480, 9000), posterior(450, 9000)],
  ])("agrees with the closed-form sum to 1e-6 for %s", (_name, after, before) => {
    expect(Math.abs(probabilityGreater(after, before) - closedForm(after, before))).toBeLessThan(1e-6);
  });

  it("is one half for identical posteriors and complements when the sides swap", () => {
    const p = posterior(7, 90);
    expect(probabilityGreater(p, p)).toBeCloseTo(0.5, 8);
    const x = posterior(25, 300);
    const y = posterior(18, 280);
    expect(probabilityGreater(x, y) + probabilityGreater(y, x)).toBeCloseTo(1, 8);
  });

  it("stays exact with a million leads on each side, where a 0.1-point lift is near certain", () => {
    const before = posterior(50_000, 1_000_000);
    const after = posterior(51_000, 1_000_000);
    // Normal approximation is excellent at this size: z = 0.001 / sqrt(2 · 0.0505 · 0.9495 / 1e6) ≈ 3.22.
    const z = 0.001 / Math.sqrt((0.05 * 0.95 + 0.051 * 0.949) / 1e6);
    const normalTail = 0.5 * erfc(z / Math.SQRT2);
    expect(probabilityGreater(after, before)).toBeCloseTo(1 - normalTail, 4);
  });

  it("matches a seeded simulation of 200,000 draws to within its sampling error", () => {
    const random = seededRandom("optimization-improvement");
    const after = posterior(14, 120);
    const before = posterior(9, 130);
    let wins = 0;
    const draws = 200_000;
    for (let i = 0; i < draws; i++) if (beta(random, after.a, after.b) > beta(random, before.a, before.b)) wins++;
    // Standard error sqrt(p(1-p)/n) ≈ 0.0008: four of them.
    expect(Math.abs(probabilityGreater(after, before) - wins / draws)).toBeLessThan(0.0035);
  });

  it("says improved, worse or unclear against the confidence level, and nothing without trials", () => {
    expect(rateChange({ successes: 10, trials: 200 }, { successes: 30, trials: 200 }, 0.9).verdict).toBe("improved");
    expect(rateChange({ successes: 30, trials: 200 }, { successes: 10, trials: 200 }, 0.9).verdict).toBe("worse");
    expect(rateChange({ successes: 10, trials: 200 }, { successes: 11, trials: 200 }, 0.9).verdict).toBe("unclear");
    expect(rateChange({ successes: 0, trials: 0 }, { successes: 3, trials: 20 }, 0.9)).toEqual({
      before: { successes: 0, trials: 0 },
      after: { successes: 3, trials: 20 },
      probability: null,
      verdict: "insufficient_data",
    });
  });
});

/** Complementary error function (Numerical Recipes' Chebyshev fit, |error| < 1.2e-7). */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? y : 2 - y;
}
