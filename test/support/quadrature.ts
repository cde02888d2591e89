/**
 * An independent check on the special functions: the CDF of a density known only up to a
 * constant, by composite Simpson integration over a window holding all but a negligible tail.
 * It shares no code with packages/core/src/stats (no log-gamma, no continued fractions).
 */
export function cdfByIntegration(logDensity: (x: number) => number, lo: number, hi: number, intervals = 20_000) {
  let peak = -Infinity;
  for (let i = 0; i <= 1000; i++) peak = Math.max(peak, logDensity(lo + ((hi - lo) * i) / 1000));
  const density = (x: number) => Math.exp(logDensity(x) - peak);
  const simpson = (from: number, to: number) => {
    const h = (to - from) / intervals;
    let sum = density(from) + density(to);
    for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * density(from + i * h);
    return (sum * h) / 3;
  };
  const total = simpson(lo, hi);
  return (x: number) => (x <= lo ? 0 : x >= hi ? 1 : simpson(lo, x) / total);
}

/** k · ln(x), taken as 0 when k = 0 (so densities stay finite at the edges of their support). */
const xlog = (k: number, x: number) => (k === 0 ? 0 : k * Math.log(x));

/** Beta(a, b) CDF by integration (a, b >= 1), over the mean ± 40 standard deviations. */
export function betaCdfByIntegration(a: number, b: number) {
  const mean = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
  const logDensity = (x: number) => xlog(a - 1, x) + xlog(b - 1, 1 - x);
  return cdfByIntegration(logDensity, Math.max(0, mean - 40 * sd), Math.min(1, mean + 40 * sd));
}

/** Gamma(shape, rate 1) CDF by integration (shape >= 1), over the mean ± 40 standard deviations. */
export function gammaCdfByIntegration(shape: number) {
  const sd = Math.sqrt(shape);
  const logDensity = (x: number) => xlog(shape - 1, x) - x;
  return cdfByIntegration(logDensity, Math.max(0, shape - 40 * sd), shape + 40 * sd);
}
