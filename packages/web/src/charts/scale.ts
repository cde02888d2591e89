/**
 * The arithmetic of the charts: pure, so a test can pin where a mark lands. Coordinates are
 * rounded to a tenth of a unit, which keeps the markup short and stable.
 */
export type Scale = (value: number) => number;

export const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Maps `domain` linearly onto `range`; a domain of zero width maps everything to the range's start.
 * @example linear([0, 200], [100, 500])(50) // 200
 */
export function linear(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const width = d1 - d0;
  return (value) => round1(width === 0 ? r0 : r0 + ((value - d0) / width) * (r1 - r0));
}

/**
 * A domain holding zero and every value, widened by `pad` of its width on the far side(s) so no
 * mark or label sits on the edge. An empty or all-zero list gives [0, 1].
 * @example extent([0.03, 0.05, 0.08]) // [0, 0.088]
 */
export function extent(values: readonly number[], pad = 0.1): [number, number] {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  if (lo === hi) return [0, 1];
  const margin = (hi - lo) * pad;
  return [lo < 0 ? lo - margin : 0, hi > 0 ? hi + margin : 0];
}

/**
 * A colour between white (share 0) and a mid blue (share 1), for heat-map cells. It stops at 70%
 * of the accent so the cell's dark number keeps a 4.5:1 contrast (WCAG AA) at every shade.
 * @example shade(0) // "#ffffff"
 */
export function shade(share: number): string {
  const t = 0.7 * Math.min(1, Math.max(0, share));
  const channel = (c: number) => Math.round(255 + (c - 255) * t).toString(16).padStart(2, "0");
  return `#${[10, 88, 202].map(channel).join("")}`;
}
