import type { FC } from "hono/jsx";
import type { Forecast } from "@parom/core/analytics";
import { toKopecks } from "@parom/core";
import type { View } from "../view.js";
import { extent, linear } from "./scale.js";
import { Chart, Hatch, ink, WhiskerH, WhiskerV } from "./svg.js";

export type ForecastOk = Extract<Forecast, { status: "ok" }>;

const WIDTH = 900;
const HEIGHT = 330;
const BASE = 270;
const COLUMN = 170;

type Column = { label: string; from: number; to: number; total: boolean; interval?: [number, number] };

/**
 * The forecast as a waterfall of counts: leads, minus those not qualified, qualified, minus those
 * not won, deals. Totals are solid bars with their 80% interval as a whisker and printed as text;
 * the steps down are hatched and float between the totals they join.
 */
export const ForecastWaterfall: FC<{ v: View; id: string; forecast: ForecastOk; currency: string }> = ({ v, id, forecast: f, currency }) => {
  const t = v.t.decisions.forecast;
  // People and deals come whole: the expected counts are rounded, and a step is the difference of the rounded totals.
  const n = (x: number) => v.fmt.number(Math.round(x));
  const spread = (interval: [number, number]) => (Math.round(interval[0]) === Math.round(interval[1]) ? undefined : interval);
  const columns: Column[] = [
    { label: t.leads, from: 0, to: f.leads.expected, total: true, interval: spread(f.leads.interval) },
    { label: `− ${t.notQualified}`, from: f.qualified.expected, to: f.leads.expected, total: false },
    { label: t.qualified, from: 0, to: f.qualified.expected, total: true, interval: spread(f.qualified.interval) },
    { label: `− ${t.notWon}`, from: f.won.expected, to: f.qualified.expected, total: false },
    { label: t.won, from: 0, to: f.won.expected, total: true, interval: spread(f.won.interval) },
  ];
  const y = linear([0, Math.max(1, f.leads.interval[1], f.leads.expected) * 1.1], [BASE, 40]);
  const hatch = `${id}-hatch`;
  const budget = v.fmt.amount(toKopecks(f.budget)!, currency);
  const desc = columns
    .map((c) => `${c.label}: ${n(Math.round(c.to) - Math.round(c.from))}${c.interval ? `, ${t.interval(n(c.interval[0]), n(c.interval[1]))}` : ""}.`)
    .join(" ");
  return (
    <Chart id={id} title={t.chartTitle(budget)} desc={desc} width={WIDTH} height={HEIGHT}>
      <defs>
        <Hatch id={hatch} />
      </defs>
      <line x1="20" y1={BASE} x2={WIDTH - 20} y2={BASE} stroke={ink.muted} />
      {columns.map((c, i) => {
        const left = 30 + i * COLUMN;
        const mid = left + (COLUMN - 40) / 2;
        const top = y(c.to);
        const labelY = c.interval ? Math.min(top, y(c.interval[1])) - 10 : top - 10;
        return (
          <g>
            <rect x={left} y={top} width={COLUMN - 40} height={Math.max(1, y(c.from) - top)} fill={c.total ? ink.accent : `url(#${hatch})`} stroke={c.total ? ink.accent : ink.muted} />
            {c.interval && <WhiskerV x={mid} y1={y(c.interval[0])} y2={y(c.interval[1])} />}
            <text x={mid} y={labelY} text-anchor="middle" font-weight="600" fill={ink.text}>
              {c.total ? n(c.to) : `− ${n(Math.round(c.to) - Math.round(c.from))}`}
            </text>
            {c.interval && (
              <text x={mid} y={labelY - 16} text-anchor="middle" font-size="12" fill={ink.muted}>
                {t.interval(n(c.interval[0]), n(c.interval[1]))}
              </text>
            )}
            <text x={mid} y={BASE + 22} text-anchor="middle" fill={ink.text}>
              {c.label}
            </text>
          </g>
        );
      })}
    </Chart>
  );
};

/** Budget against expected revenue (with its 80% interval), and the ROMI that follows, as bars and words. */
export const ForecastMoney: FC<{ v: View; id: string; forecast: ForecastOk; currency: string }> = ({ v, id, forecast: f, currency }) => {
  const t = v.t.decisions.forecast;
  const money = (decimal: string) => v.fmt.amount(toKopecks(decimal)!, currency);
  const [budget, revenue, lo, hi] = [f.budget, f.revenue.expected, ...f.revenue.interval].map((x) => toKopecks(x)!) as [number, number, number, number];
  const x = linear(extent([budget, revenue, hi], 0.02), [10, WIDTH - 20]);
  const rows = [
    { label: t.budget, value: budget, text: money(f.budget) },
    { label: t.revenue, value: revenue, text: `${money(f.revenue.expected)} (${t.interval(money(f.revenue.interval[0]), money(f.revenue.interval[1]))})` },
  ];
  const romi = `${t.romi}: ${v.fmt.percent(f.romi.expected)} (${t.interval(v.fmt.percent(f.romi.interval[0]), v.fmt.percent(f.romi.interval[1]))})`;
  return (
    <Chart id={id} title={t.moneyTitle} desc={`${rows.map((r) => `${r.label}: ${r.text}.`).join(" ")} ${romi}.`} width={WIDTH} height={140}>
      {rows.map((row, i) => {
        const top = 4 + i * 54;
        return (
          <g>
            <text x="0" y={top + 14} fill={ink.text}>
              <tspan font-weight="600">{row.label}:</tspan> {row.text}
            </text>
            <rect x="10" y={top + 22} width={Math.max(1, x(row.value) - 10)} height="22" fill={i === 0 ? ink.muted : ink.accent} />
            {i === 1 && <WhiskerH x1={x(lo)} x2={x(hi)} y={top + 33} />}
          </g>
        );
      })}
      <text x="0" y="132" font-weight="600" fill={ink.text}>
        {romi}
      </text>
    </Chart>
  );
};
