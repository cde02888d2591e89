import type { FC } from "hono/jsx";
import { extent, linear } from "./scale.js";
import { Chart, ink } from "./svg.js";

/** One bar: its label, its value (null draws no bar) and the text printed beside it. */
export type Bar = { label: string; value: number | null; text: string };

const WIDTH = 900;
const ROW = 34;
const GAP = 10;
/**
 * Generous widths of a character at the charts' 13 px: capitals and the wide small letters, and
 * the rest. The server cannot measure text, so the columns are sized from these and the labels end
 * at the bars (anchored at their right): a label wider than guessed runs off to the left, never
 * into a bar.
 */
const WIDE = 10;
const NARROW = 8;
const charWidth = (char: string) => (/[\p{Lu}mwшщжюфы@%]/u.test(char) ? WIDE : NARROW);
const widthOf = (text: string) => [...text].reduce((width, char) => width + charWidth(char), 0);

/** The widest the label and figure columns grow; a longer text is cut with "…" and kept whole in a tooltip. */
const LABEL_MAX = 320;
const TEXT_MAX = 240;

/** `text` cut to `max` units wide, with "…" where it was cut. */
function fit(text: string, max: number): { shown: string; cut: boolean } {
  if (widthOf(text) <= max) return { shown: text, cut: false };
  let shown = "";
  let width = NARROW; // room for the "…"
  for (const char of text) {
    width += charWidth(char);
    if (width > max) break;
    shown += char;
  }
  return { shown: `${shown.trimEnd()}…`, cut: true };
}

/** A text that shows `text` within `max` and, when it had to cut it, the whole of it on hover. */
const Fitted: FC<{ text: string; max: number; x: number; y: number; anchor: "start" | "end"; fill: string }> = ({ text, max, x, y, anchor, fill }) => {
  const { shown, cut } = fit(text, max);
  return (
    <text x={x} y={y} text-anchor={anchor} fill={fill}>
      {cut && <title>{text}</title>}
      {shown}
    </text>
  );
};

/**
 * Plain horizontal bars with the figure printed beside each: for comparing people or campaigns on
 * one measure. The label column is as wide as the longest label needs (up to LABEL_MAX), the bars
 * take what the figures leave.
 */
export const HorizontalBars: FC<{ id: string; title: string; bars: Bar[] }> = ({ id, title, bars }) => {
  const labelWidth = Math.min(LABEL_MAX, Math.max(0, ...bars.map((bar) => widthOf(bar.label))));
  const textWidth = Math.min(TEXT_MAX, Math.max(0, ...bars.map((bar) => widthOf(bar.text))));
  const start = labelWidth + GAP;
  const x = linear(extent(bars.map((bar) => bar.value ?? 0), 0), [start, WIDTH - textWidth - GAP]);
  return (
    <Chart id={id} title={title} desc={bars.map((bar) => `${bar.label}: ${bar.text}.`).join(" ")} width={WIDTH} height={bars.length * ROW + 6}>
      {bars.map((bar, i) => {
        const y = 4 + i * ROW;
        const end = bar.value === null ? start : x(bar.value);
        return (
          <g>
            <Fitted text={bar.label} max={labelWidth} x={labelWidth} y={y + 18} anchor="end" fill={ink.text} />
            {bar.value !== null && <rect x={start} y={y} width={Math.max(1, end - start)} height={ROW - 10} fill={ink.accent} />}
            <Fitted text={bar.text} max={textWidth} x={end + GAP} y={y + 18} anchor="start" fill={bar.value === null ? ink.muted : ink.text} />
          </g>
        );
      })}
    </Chart>
  );
};
