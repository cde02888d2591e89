import type { FC } from "hono/jsx";
import type { Verdict } from "@parom/core/stats";
import type { View } from "../view.js";
import { extent, linear } from "./scale.js";
import { Chart, ink, WhiskerH } from "./svg.js";

/** One judged KPI: the figure, its 95% interval, the target and the verdict on it. */
export type TargetRow = {
  name: string;
  observed: number | null;
  interval: [number, number] | null;
  target: number;
  direction: "min" | "max";
  verdict: Verdict;
  /** P(the true value meets the target), when there is evidence at all. */
  probability?: number;
  /** The figure in the reader's units (money, percent, count). */
  format: (value: number) => string;
};

export const verdictSign: Record<Verdict, string> = { met: "✓", not_met: "✕", insufficient_data: "?" };
export const verdictColour: Record<Verdict, string> = { met: ink.good, not_met: ink.bad, insufficient_data: ink.warn };

const WIDTH = 900;
const ROW = 78;
const PLOT: [number, number] = [250, 660];

/** "2.1% – 4.6%"; null without an interval or when both ends are one figure (a count has no uncertainty to show). */
export const intervalText = (row: Pick<TargetRow, "interval" | "format">) => {
  if (!row.interval) return null;
  const [lo, hi] = row.interval.map(row.format);
  return lo === hi ? null : `${lo} – ${hi}`;
};

export const boundText = (v: View, row: Pick<TargetRow, "direction" | "target" | "format">) =>
  (row.direction === "min" ? v.t.decisions.kpi.atLeast : v.t.decisions.kpi.atMost)(row.format(row.target));

/**
 * Targets against what was observed, one row per judged KPI, each on its own scale: the target
 * as a dashed line labelled with its bound, the 95% interval as a whisker, the observed figure as
 * a dot, and the verdict and probability in words at the right.
 */
export const KpiTargetChart: FC<{ v: View; id: string; rows: TargetRow[] }> = ({ v, id, rows }) => {
  const t = v.t.decisions;
  const probability = (row: TargetRow) => t.kpi.probability(row.probability === undefined ? "—" : v.fmt.percent(row.probability));
  const desc = rows
    .map((row) =>
      t.kpi.row(row.name, row.observed === null ? t.kpi.noFigure : row.format(row.observed), intervalText(row), boundText(v, row), t.verdict[row.verdict], probability(row)),
    )
    .join(" ");
  return (
    <Chart id={id} title={t.kpi.chartTitle} desc={desc} width={WIDTH} height={ROW * rows.length + 10}>
      {rows.map((row, i) => {
        const top = i * ROW + 5;
        const mid = top + 40;
        const x = linear(extent([row.target, row.observed ?? 0, ...(row.interval ?? [])]), PLOT);
        const targetX = x(row.target);
        const anchor = targetX > PLOT[1] - 70 ? "end" : targetX < PLOT[0] + 70 ? "start" : "middle";
        return (
          <g>
            {i > 0 && <line x1="0" y1={top - 3} x2={WIDTH} y2={top - 3} stroke={ink.grid} />}
            <text x="0" y={mid - 10} font-weight="600" fill={ink.text}>
              {row.name}
            </text>
            <text x="0" y={mid + 8} fill={ink.text}>
              {row.observed === null ? t.kpi.noFigure : row.format(row.observed)}
            </text>
            {intervalText(row) && (
              <text x="0" y={mid + 25} font-size="12" fill={ink.muted}>
                {`95%: ${intervalText(row)}`}
              </text>
            )}
            <line x1={PLOT[0]} y1={mid + 18} x2={PLOT[1]} y2={mid + 18} stroke={ink.line} />
            {intervalText(row) && row.interval && <WhiskerH x1={x(row.interval[0])} x2={x(row.interval[1])} y={mid} />}
            {row.observed !== null && <circle cx={x(row.observed)} cy={mid} r="6" fill={ink.accent} stroke={ink.paper} stroke-width="2" />}
            <line x1={targetX} y1={top + 16} x2={targetX} y2={mid + 22} stroke={ink.text} stroke-width="2" stroke-dasharray="5 3" />
            <text x={targetX} y={top + 12} text-anchor={anchor} font-size="12" fill={ink.text}>
              {t.kpi.target(boundText(v, row))}
            </text>
            <text x={PLOT[1] + 25} y={mid - 8} font-weight="700" fill={verdictColour[row.verdict]}>
              {`${verdictSign[row.verdict]} ${t.verdict[row.verdict]}`}
            </text>
            <text x={PLOT[1] + 25} y={mid + 12} fill={ink.muted}>
              {probability(row)}
            </text>
          </g>
        );
      })}
    </Chart>
  );
};
