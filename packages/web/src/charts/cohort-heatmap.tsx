import type { FC } from "hono/jsx";
import type { CohortTable } from "@parom/core/analytics";
import type { View } from "../view.js";
import { shade } from "./scale.js";
import { Chart, Hatch, ink } from "./svg.js";

const LABEL = 200;
const CELL_W = 96;
const CELL_H = 46;
const HEAD = 30;
const LEGEND = 56;

/** The share of a cohort's leads won by a period: what a cell's shade and percent show. */
export const cellShare = (won: number, leads: number) => (leads > 0 ? won / leads : 0);

/**
 * The cohort heat map: one row per arrival cohort, one column per period of age, each cell the
 * deals won so far as a count and a share of the cohort's leads. The shade is relative to the
 * best cell; immature cells are hatched and say "maturing" in words.
 */
export const CohortHeatmap: FC<{ v: View; id: string; table: CohortTable }> = ({ v, id, table }) => {
  const t = v.t.decisions.cohorts;
  const columns = Math.max(1, ...table.cohorts.map((row) => row.periods.length));
  const best = Math.max(0, ...table.cohorts.flatMap((row) => row.periods.map((cell) => cellShare(cell.won, row.leads))));
  const width = LABEL + CELL_W * columns + 10;
  const height = HEAD + CELL_H * table.cohorts.length + LEGEND;
  const hatch = `${id}-hatch`;
  const unit = table.by === "month" ? t.byMonth : t.byWeek;
  const desc = table.cohorts
    .flatMap((row) =>
      row.periods.map((cell) =>
        t.desc(v.fmt.cohort(row.cohort), t.period(cell.period, table.by), v.fmt.number(cell.won), v.fmt.percent(cellShare(cell.won, row.leads)), cell.immature),
      ),
    )
    .join(" ");
  const legendY = HEAD + CELL_H * table.cohorts.length + 14;
  return (
    <Chart id={id} title={t.chartTitle(unit)} desc={desc} width={width} height={height}>
      <defs>
        <Hatch id={hatch} colour="#8c959f" />
      </defs>
      {Array.from({ length: columns }, (_, k) => (
        <text x={LABEL + k * CELL_W + CELL_W / 2} y={HEAD - 10} text-anchor="middle" fill={ink.muted}>
          {t.period(k, table.by)}
        </text>
      ))}
      {table.cohorts.map((row, r) => {
        const y = HEAD + r * CELL_H;
        return (
          <g>
            <text x="0" y={y + CELL_H / 2 + 5} fill={ink.text}>
              {t.cohortLeads(v.fmt.cohort(row.cohort), v.fmt.number(row.leads))}
            </text>
            {row.periods.map((cell) => {
              const x = LABEL + cell.period * CELL_W;
              const share = cellShare(cell.won, row.leads);
              return (
                <g>
                  <rect x={x} y={y} width={CELL_W - 2} height={CELL_H - 2} fill={shade(best > 0 ? share / best : 0)} stroke={ink.line} />
                  {cell.immature && <rect x={x} y={y} width={CELL_W - 2} height={CELL_H - 2} fill={`url(#${hatch})`} opacity="0.45" />}
                  <text x={x + CELL_W / 2 - 1} y={y + (cell.immature ? 19 : 27)} text-anchor="middle" font-weight="600" fill={ink.text} stroke={ink.paper} stroke-width="3" paint-order="stroke">
                    {t.cell(v.fmt.number(cell.won), v.fmt.percent(share))}
                  </text>
                  {cell.immature && (
                    <text x={x + CELL_W / 2 - 1} y={y + 36} text-anchor="middle" font-size="11" fill={ink.text} stroke={ink.paper} stroke-width="3" paint-order="stroke">
                      {t.maturing}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
      <rect x="0" y={legendY} width="28" height="16" fill={shade(1)} stroke={ink.line} />
      <text x="36" y={legendY + 13} fill={ink.muted}>
        {t.legendShade}
      </text>
      <rect x="0" y={legendY + 22} width="28" height="16" fill={`url(#${hatch})`} stroke={ink.line} />
      <text x="36" y={legendY + 35} fill={ink.muted}>
        {t.legendHatch}
      </text>
    </Chart>
  );
};
