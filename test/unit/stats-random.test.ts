import { describe, expect, it } from "vitest";
import { beta, gamma, normal, poisson, seededRandom } from "../../packages/core/src/stats/random.js";
import { betaInc, gammaInc } from "../../packages/core/src/stats/special.js";

const SAMPLES = 20_000;
const draw = (n: number, sample: () => number) => Array.from({ length: n }, sample);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};

/** Kolmogorov-Smirnov distance between a sample and a CDF. */
function ksDistance(xs: number[], cdf: (x: number) => number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  let worst = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    worst = Math.max(worst, Math.abs(f - i / sorted.length), Math.abs(f - (i + 1) / sorted.length));
  });
  return worst;
}
// The 1% critical KS distance for 20 000 draws is 1.63 / sqrt(20 000) = 0.0115.
const KS_LIMIT = 0.0115;

describe("seeded random numbers", () => {
  it("repeat exactly for the same seed, and differ for another", () => {
    const first = draw(5, seededRandom("hypothesis-A"));
    expect(draw(5, seededRandom("hypothesis-A"))).toEqual(first);
    expect(draw(5, seededRandom("hypothesis-B"))).not.toEqual(first);
    expect(draw(5, seededRandom(42))).toEqual(draw(5, seededRandom(42)));
  });

  it("are uniform on [0, 1)", () => {
    const xs = draw(SAMPLES, seededRandom(1));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(ksDistance(xs, (x) => x)).toBeLessThan(KS_LIMIT);
  });

  it("give standard normal deviates", () => {
    const random = seededRandom(2);
    const xs = draw(SAMPLES, () => normal(random));
    expect(Math.abs(mean(xs))).toBeLessThan(0.03);
    expect(Math.abs(variance(xs) - 1)).toBeLessThan(0.04);
  });
});

describe("samplers follow their distributions", () => {
  it.each([0.5, 1, 3, 50])("Gamma(%d, rate 2)", (shape) => {
    const random = seededRandom(`gamma-${shape}`);
    const xs = draw(SAMPLES, () => gamma(random, shape, 2));
    expect(ksDistance(xs, (x) => gammaInc(shape, 2 * x))).toBeLessThan(KS_LIMIT);
    expect(Math.abs(mean(xs) / (shape / 2) - 1)).toBeLessThan(0.03);
  });

  it.each([[1, 1], [2, 40], [30, 570]])("Beta(%d, %d)", (a, b) => {
    const random = seededRandom(`beta-${a}-${b}`);
    const xs = draw(SAMPLES, () => beta(random, a, b));
    expect(ksDistance(xs, (x) => betaInc(x, a, b))).toBeLessThan(KS_LIMIT);
  });

  it.each([0.3, 4, 20, 500])("Poisson(%d)", (rate) => {
    const random = seededRandom(`poisson-${rate}`);
    const xs = draw(SAMPLES, () => poisson(random, rate));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expect(Math.abs(mean(xs) / rate - 1)).toBeLessThan(0.04);
    expect(Math.abs(variance(xs) / rate - 1)).toBeLessThan(0.06);
  });
});
