import { describe, expect, it } from "vitest";
import { costPosterior, romiPosterior } from "../../packages/core/src/stats/cost.js";
import { betaPosterior } from "../../packages/core/src/stats/rate.js";
import { betaInc, betaIncUpper, gammaIncUpper } from "../../packages/core/src/stats/special.js";
import { verdict } from "../../packages/core/src/stats/verdict.js";
import { betaCdfByIntegration, gammaCdfByIntegration } from "../support/quadrature.js";

const near = (actual: number, expected: number, tolerance = 1e-4) => expect(Math.abs(actual - expected)).toBeLessThan(tolerance);
const nearRelative = (actual: number, expected: number, tolerance = 1e-4) => expect(Math.abs(actual / expected - 1)).toBeLessThan(tolerance);

/** P(Poisson(mean) <= count): the closed form of P(Gamma(count + 1, 1) >= mean). */
function poissonAtMost(count: number, mean: number): number {
  let term = Math.exp(-mean);
  let sum = 0;
  for (let k = 0; k <= count; k++) {
    sum += term;
    term *= mean / (k + 1);
  }
  return sum;
}

describe("rate posterior (Beta(1, 1) prior, binomial likelihood)", () => {
  it("after no conversion in 20 leads: Beta(1, 21) in closed form", () => {
    const rate = betaPosterior(0, 20);
    near(rate.mean, 1 / 22, 1e-12);
    // I_x(1, 21) = 1 - (1 - x)^21.
    near(rate.interval[0], 1 - 0.975 ** (1 / 21), 1e-10);
    near(rate.interval[1], 1 - 0.025 ** (1 / 21), 1e-10);
    near(betaIncUpper(0.05, rate.a, rate.b), 0.95 ** 21, 1e-12);
    near(betaInc(0.05, rate.a, rate.b), 1 - 0.95 ** 21, 1e-12);
  });

  it("after 20 of 20 converted: Beta(21, 1) in closed form", () => {
    const rate = betaPosterior(20, 20);
    near(rate.mean, 21 / 22, 1e-12);
    near(rate.interval[0], 0.025 ** (1 / 21), 1e-10);
    near(rate.interval[1], 0.975 ** (1 / 21), 1e-10);
    near(betaIncUpper(0.9, rate.a, rate.b), 1 - 0.9 ** 21, 1e-12);
  });

  it("after a single lead, won or not", () => {
    const lost = betaPosterior(0, 1);
    near(lost.interval[0], 1 - Math.sqrt(0.975), 1e-10);
    near(lost.interval[1], 1 - Math.sqrt(0.025), 1e-10);
    near(betaIncUpper(0.5, lost.a, lost.b), 0.25, 1e-12);
    const won = betaPosterior(1, 1);
    near(won.interval[0], Math.sqrt(0.025), 1e-10);
    near(betaIncUpper(0.5, won.a, won.b), 0.75, 1e-12);
  });

  it("with no lead at all it is the flat prior", () => {
    const rate = betaPosterior(0, 0);
    near(rate.mean, 0.5, 1e-12);
    near(rate.interval[0], 0.025, 1e-10);
    near(rate.interval[1], 0.975, 1e-10);
  });

  it("after a million trials, agrees with numerical integration", () => {
    const rate = betaPosterior(50_000, 1_000_000);
    const cdf = betaCdfByIntegration(50_001, 950_001);
    near(cdf(rate.interval[0]), 0.025);
    near(cdf(rate.interval[1]), 0.975);
    near(betaIncUpper(0.0502, rate.a, rate.b), 1 - cdf(0.0502));
    expect(rate.interval[1] - rate.interval[0]).toBeLessThan(0.001);

    const none = betaPosterior(0, 1_000_000);
    nearRelative(none.interval[1], -Math.expm1(Math.log(0.025) / 1_000_001), 1e-8);
    const all = betaPosterior(1_000_000, 1_000_000);
    near(all.interval[0], Math.exp(Math.log(0.025) / 1_000_001), 1e-12);
  });

  it("refuses more successes than trials", () => {
    expect(() => betaPosterior(3, 2)).toThrow(RangeError);
  });
});

describe("cost posterior (events per rouble Poisson, flat Gamma(1, 0) prior)", () => {
  it("estimates the observed cost as the posterior mean once there is an event", () => {
    const cpl = costPosterior(40, 2_000_000);
    expect(cpl?.estimateKind).toBe("mean");
    near(cpl!.estimate, 50_000, 1e-6);
  });

  it("is Gamma(c + 1, S), whose P(cost <= target) is the Poisson tail", () => {
    // P(λ >= 1/M) under Gamma(c + 1, S) is P(Poisson(S / M) <= c).
    for (const [count, spend, costMax] of [[0, 100_000, 60_000], [1, 50_000, 60_000], [12, 700_000, 60_000], [40, 2_000_000, 45_000]] as const) {
      const posterior = costPosterior(count, spend)!;
      expect([posterior.shape, posterior.rate]).toEqual([count + 1, spend]);
      near(gammaIncUpper(posterior.shape, posterior.rate / costMax), poissonAtMost(count, spend / costMax), 1e-12);
    }
  });

  it("with no event yet, reports the median and a closed-form interval", () => {
    const cpl = costPosterior(0, 300_000)!;
    // Gamma(1, S): λ is exponential, so cost quantiles are S / -ln(1 - q).
    expect(cpl.estimateKind).toBe("median");
    nearRelative(cpl.estimate, 300_000 / Math.LN2, 1e-10);
    nearRelative(cpl.interval[0], 300_000 / -Math.log(0.025), 1e-10);
    nearRelative(cpl.interval[1], 300_000 / -Math.log(0.975), 1e-10);
    near(gammaIncUpper(cpl.shape, cpl.rate / 100_000), Math.exp(-3), 1e-12);
  });

  it("after a million leads, agrees with numerical integration", () => {
    const spend = 500_000_000;
    const cpl = costPosterior(1_000_000, spend)!;
    const lambdaCdf = gammaCdfByIntegration(1_000_001);
    // cost <= c  <=>  λ >= 1/c  <=>  Gamma(1_000_001, 1) >= spend / c
    near(1 - lambdaCdf(spend / cpl.interval[0]), 0.025);
    near(1 - lambdaCdf(spend / cpl.interval[1]), 0.975);
    near(gammaIncUpper(cpl.shape, cpl.rate / 500.5), 1 - lambdaCdf(spend / 500.5));
  });

  it("treats events with no spend as free, and no spend and no event as no information", () => {
    const organic = costPosterior(5, 0)!;
    expect(organic.estimate).toBe(0);
    expect(organic.interval).toEqual([0, 0]);
    expect(costPosterior(0, 0)).toBeNull();
  });
});

describe("ROMI posterior (won per rouble times the observed average deal)", () => {
  it("is won per rouble times the average deal, minus one", () => {
    const averageDeal = 3_000_000;
    const romi = romiPosterior(6, 9_000_000, averageDeal)!;
    // Posterior mean: averageDeal · E[λ] - 1 with E[λ] = (won + 1) / spend.
    near(romi.estimate, (averageDeal * 7) / 9_000_000 - 1, 1e-12);
    // λ = won per kopeck: its 2.5% and 97.5% quantiles bound ROMI, checked against integration.
    const lambdaCdf = gammaCdfByIntegration(7);
    near(lambdaCdf(((romi.interval[0] + 1) / averageDeal) * 9_000_000), 0.025);
    near(lambdaCdf(((romi.interval[1] + 1) / averageDeal) * 9_000_000), 0.975);
  });

  it("is undefined without spend or without a known deal size", () => {
    expect(romiPosterior(3, 0, 100)).toBeNull();
    expect(romiPosterior(0, 500, null)).toBeNull();
  });
});

describe("verdict", () => {
  it("is met at the confidence level, not met at its complement, undecided between", () => {
    expect(verdict(0.9, 0.9)).toBe("met");
    expect(verdict(0.8999, 0.9)).toBe("insufficient_data");
    expect(verdict(0.1001, 0.9)).toBe("insufficient_data");
    expect(verdict(0.1, 0.9)).toBe("not_met");
    expect(verdict(0.96, 0.95)).toBe("met");
    expect(verdict(0.94, 0.95)).toBe("insufficient_data");
    expect(verdict(undefined)).toBe("insufficient_data");
  });

  it("refuses a confidence level that would let met and not met overlap", () => {
    expect(() => verdict(0.5, 0.5)).toThrow(RangeError);
    expect(() => verdict(0.5, 1)).toThrow(RangeError);
  });
});
