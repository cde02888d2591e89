import type { FC } from "hono/jsx";
import { extent, linear } from "./scale.js";
import { Chart, ink } from "./svg.js";

/** One bar: its label, its value (null draws no bar) and the text printed beside it. */
export type Bar = { label: string; value: number | null; text: string };

const WIDTH = 900;
const ROW = 34;
const LABEL = 220;

/** Plain horizontal bars with the figure printed beside each: for comparing people or campaigns on one measure. */
export const HorizontalBars: FC<{ id: string; title: string; bars: Bar[] }> = ({ id, title, bars }) => {
  const x = linear(extent(bars.map((bar) => bar.value ?? 0)), [LABEL, WIDTH - 220]);
  return (
    <Chart id={id} title={title} desc={bars.map((bar) => `${bar.label}: ${bar.text}.`).join(" ")} width={WIDTH} height={bars.length * ROW + 6}>
      {bars.map((bar, i) => {
        const y = 4 + i * ROW;
        const end = bar.value === null ? LABEL : x(bar.value);
        return (
          <g>
            <text x="0" y={y + 18} fill={ink.text}>
              {bar.label}
            </text>
            {bar.value !== null && <rect x={LABEL} y={y} width={Math.max(1, end - LABEL)} height={ROW - 10} fill={ink.accent} />}
            <text x={end + 8} y={y + 18} fill={bar.value === null ? ink.muted : ink.text}>
              {bar.text}
            </text>
          </g>
        );
      })}
    </Chart>
  );
};
