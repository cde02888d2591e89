import type { FC } from "hono/jsx";
import type { View } from "../view.js";
import { extent, linear } from "./scale.js";
import { Chart, Hatch, ink, WhiskerH } from "./svg.js";

/** One side of a rate's comparison: the observed share and its 95% interval, or none without leads. */
export type RateSide = { observed: number | null; interval: [number, number] | null };

/** A rate before and after a change, with the verdict on it already in words. */
export type RateComparison = { name: string; before: RateSide; after: RateSide; verdict: string };

const WIDTH = 900;
const BAR_H = 22;
const GROUP = 96;
const PLOT: [number, number] = [90, 560];

/**
 * Each rate before and after an optimization: two bars labelled "before" and "after" in words (the
 * before bar hatched, the after bar solid), their 95% intervals as whiskers, the figures printed,
 * and under them the verdict with the chance that after beats before.
 */
export const BeforeAfterChart: FC<{ v: View; id: string; title: string; rates: RateComparison[] }> = ({ v, id, title, rates }) => {
  const t = v.t.decisions.optimizations;
  const values = rates.flatMap((r) => [r.before, r.after].flatMap((side) => [side.observed ?? 0, ...(side.interval ?? [])]));
  const x = linear(extent(values), PLOT);
  const hatch = `${id}-hatch`;
  const sideText = (side: RateSide) =>
    side.observed === null ? v.t.decisions.kpi.noFigure : `${v.fmt.percent(side.observed)} (95%: ${side.interval!.map((p) => v.fmt.percent(p)).join(" – ")})`;
  const desc = rates.map((r) => `${r.name}: ${t.before} ${sideText(r.before)}, ${t.after} ${sideText(r.after)}; ${r.verdict}.`).join(" ");
  return (
    <Chart id={id} title={title} desc={desc} width={WIDTH} height={rates.length * GROUP + 4}>
      <defs>
        <Hatch id={hatch} colour={ink.muted} />
      </defs>
      {rates.map((rate, i) => {
        const top = i * GROUP + 4;
        return (
          <g>
            <text x="0" y={top + 12} font-weight="600" fill={ink.text}>
              {rate.name}
            </text>
            {([
              [t.before, rate.before, `url(#${hatch})`],
              [t.after, rate.after, ink.accent],
            ] as const).map(([label, side, fill], k) => {
              const y = top + 20 + k * (BAR_H + 6);
              return (
                <g>
                  <text x="0" y={y + 16} fill={ink.text}>
                    {label}
                  </text>
                  {side.observed !== null && <rect x={PLOT[0]} y={y} width={Math.max(1, x(side.observed) - PLOT[0])} height={BAR_H} fill={fill} stroke={ink.muted} />}
                  {side.interval && <WhiskerH x1={x(side.interval[0])} x2={x(side.interval[1])} y={y + BAR_H / 2} cap={5} />}
                  <text x={PLOT[1] + 15} y={y + 16} fill={ink.text}>
                    {sideText(side)}
                  </text>
                </g>
              );
            })}
            <text x={PLOT[0]} y={top + 88} fill={ink.text} font-size="12">
              {rate.verdict}
            </text>
          </g>
        );
      })}
    </Chart>
  );
};
