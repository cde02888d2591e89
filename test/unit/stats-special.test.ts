import { describe, expect, it } from "vitest";
import { betaInc, betaIncInv, betaIncUpper, gammaInc, gammaIncInv, gammaIncUpper, lnGamma } from "../../packages/core/src/stats/special.js";
import { betaCdfByIntegration, gammaCdfByIntegration } from "../support/quadrature.js";

const TOLERANCE = 1e-4;
const near = (actual: number, expected: number, tolerance = TOLERANCE) => expect(Math.abs(actual - expected)).toBeLessThan(tolerance);

describe("log-gamma", () => {
  it("matches factorials and Γ(1/2) = √π", () => {
    near(lnGamma(1), 0, 1e-13);
    near(lnGamma(10), Math.log(362_880), 1e-12);
    near(lnGamma(0.5), 0.5 * Math.log(Math.PI), 1e-13);
    // ln(170!) from Stirling's series with three correction terms: far beyond 1e-4.
    const n = 170;
    near(lnGamma(n + 1), n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3) + 1 / (1260 * n ** 5), 1e-9);
  });
});

describe("regularized incomplete gamma P(a, x) against published tables", () => {
  // NIST/SEMATECH e-Handbook 1.3.6.7.4, upper critical values of the chi-square distribution:
  // P(df/2, χ²/2) is the chi-square CDF. Three published decimals move P by under 2e-5.
  const chiSquare: [df: number, at95: number, at99: number][] = [
    [1, 3.841, 6.635],
    [2, 5.991, 9.21],
    [5, 11.07, 15.086],
    [10, 18.307, 23.209],
    [30, 43.773, 50.892],
    [100, 124.342, 135.807],
  ];
  it.each(chiSquare)("chi-square with %i degrees of freedom", (df, at95, at99) => {
    near(gammaInc(df / 2, at95 / 2), 0.95);
    near(gammaInc(df / 2, at99 / 2), 0.99);
    near(gammaIncInv(0.95, df / 2) * 2, at95, 1e-3);
    near(gammaIncInv(0.99, df / 2) * 2, at99, 1e-3);
  });

  it("equals the Poisson tail for whole shapes, and 1 - e^-x at shape 1", () => {
    for (const [n, x] of [[1, 0.3], [3, 2.5], [7, 4], [20, 25], [60, 48]] as const) {
      let term = Math.exp(-x);
      let below = 0;
      for (let k = 0; k < n; k++) {
        below += term;
        term *= x / (k + 1);
      }
      near(gammaInc(n, x), 1 - below, 1e-12);
      near(gammaIncUpper(n, x), below, 1e-12);
    }
    near(gammaInc(1, 1e-9), 1e-9, 1e-15);
    near(gammaIncUpper(1, 40), Math.exp(-40), 1e-25);
  });
});

describe("regularized incomplete beta I_x(a, b) against published tables", () => {
  // NIST/SEMATECH e-Handbook 1.3.6.7.2: two-sided 5% critical values of Student's t;
  // P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2).
  const student: [nu: number, t: number][] = [[1, 12.706], [2, 4.303], [5, 2.571], [10, 2.228], [30, 2.042], [100, 1.984]];
  it.each(student)("Student's t with %i degrees of freedom", (nu, t) => {
    near(betaInc(nu / (nu + t * t), nu / 2, 0.5), 0.05);
  });

  // NIST/SEMATECH e-Handbook 1.3.6.7.3: upper 5% critical values of F;
  // P(F <= f) = I_{ν1 f / (ν1 f + ν2)}(ν1/2, ν2/2).
  const fisher: [nu1: number, nu2: number, f: number][] = [[1, 1, 161.448], [5, 10, 3.326], [10, 10, 2.978], [2, 20, 3.493]];
  it.each(fisher)("F with (%i, %i) degrees of freedom", (nu1, nu2, f) => {
    near(betaInc((nu1 * f) / (nu1 * f + nu2), nu1 / 2, nu2 / 2), 0.95);
  });

  it("equals the binomial tail: I_p(k, n - k + 1) = P(Binomial(n, p) >= k)", () => {
    for (const [n, k, p] of [[10, 3, 0.2], [20, 1, 0.05], [40, 40, 0.9], [60, 7, 0.05]] as const) {
      let atLeast = 0;
      for (let j = k; j <= n; j++) atLeast += Math.exp(lnChoose(n, j) + j * Math.log(p) + (n - j) * Math.log1p(-p));
      near(betaInc(p, k, n - k + 1), atLeast, 1e-12);
    }
  });

  it("has the closed forms of one success or one failure, and symmetry", () => {
    near(betaInc(0.3, 1, 5), 1 - 0.7 ** 5, 1e-14);
    near(betaInc(0.3, 5, 1), 0.3 ** 5, 1e-14);
    near(betaInc(0.5, 41, 41), 0.5, 1e-13);
    near(betaInc(0.2, 3, 8) + betaIncUpper(0.2, 3, 8), 1, 1e-14);
  });
});

/** ln C(n, k) by summing logs, independent of lnGamma. */
function lnChoose(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= k; i++) sum += Math.log(n - k + i) - Math.log(i);
  return sum;
}

describe("agreement with an independent numerical integration", () => {
  // Posterior shapes met in practice: no success, all successes, one trial, a few dozen leads,
  // and a million trials.
  const betaShapes: [a: number, b: number][] = [
    [1, 1],
    [1, 2],
    [2, 1],
    [1, 21],
    [21, 1],
    [4, 58],
    [50_001, 950_001],
    [1, 1_000_001],
    [1_000_001, 1],
    [500_001, 500_001],
  ];
  it.each(betaShapes)("Beta(%i, %i): CDF and quantiles", (a, b) => {
    const cdf = betaCdfByIntegration(a, b);
    for (const p of [0.025, 0.1, 0.5, 0.9, 0.975]) {
      const x = betaIncInv(p, a, b);
      near(cdf(x), p);
      near(betaInc(x, a, b), p, 1e-8);
    }
    const mean = a / (a + b);
    near(betaInc(mean, a, b), cdf(mean));
  });

  it.each([1, 1.5, 2, 4, 41, 1_001, 50_001, 1_000_001])("Gamma(%d): CDF and quantiles", (shape) => {
    const cdf = gammaCdfByIntegration(shape);
    for (const p of [0.025, 0.1, 0.5, 0.9, 0.975]) {
      const x = gammaIncInv(p, shape);
      near(cdf(x), p);
      near(gammaInc(shape, x), p, 1e-8);
    }
    near(gammaInc(shape, shape), cdf(shape));
  });
});

describe("inverses at the edges", () => {
  it("return the ends of the support for probabilities 0 and 1", () => {
    expect(betaIncInv(0, 3, 4)).toBe(0);
    expect(betaIncInv(1, 3, 4)).toBe(1);
    expect(gammaIncInv(0, 3)).toBe(0);
    expect(gammaIncInv(1, 3)).toBe(Infinity);
  });

  it("keep relative precision for quantiles far below 1", () => {
    // Beta(1, n): x = 1 - (1 - p)^(1/n) exactly.
    const n = 1_000_001;
    const exact = -Math.expm1(Math.log1p(-0.025) / n);
    expect(Math.abs(betaIncInv(0.025, 1, n) / exact - 1)).toBeLessThan(1e-8);
    // Gamma(1): x = -ln(1 - p).
    expect(Math.abs(gammaIncInv(1e-6, 1) / -Math.log1p(-1e-6) - 1)).toBeLessThan(1e-10);
  });
});
