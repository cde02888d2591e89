import type { FC } from "hono/jsx";
import type { Funnel } from "@parom/core/analytics";
import type { View } from "../view.js";
import { linear } from "./scale.js";
import { Chart, Hatch, ink } from "./svg.js";

const WIDTH = 900;
const LABEL = 150;
const BAR_H = 30;
const GAP = 26;

/**
 * The funnel as bars: leads reaching each stage (count and share of all leads), and between two
 * stages how many went on and how many dropped off. The dropped part of the largest drop-off is
 * drawn hatched in red and named in words beside it.
 */
export const FunnelChart: FC<{ v: View; id: string; funnel: Funnel }> = ({ v, id, funnel }) => {
  const t = v.t.decisions.funnel;
  const total = funnel.stages[0]?.reached ?? 0;
  const x = linear([0, Math.max(1, total)], [LABEL, WIDTH - 170]);
  const share = (count: number) => v.fmt.percent(total > 0 ? count / total : 0);
  const hatch = `${id}-hatch`;
  const worst = funnel.largestDropOff;
  const rowY = (i: number) => 6 + i * (BAR_H + GAP);
  const desc = [
    ...funnel.stages.map((s) => `${v.t.leadStage[s.stage]}: ${t.reached(v.fmt.number(s.reached), share(s.reached))}.`),
    ...funnel.steps.map((step) => `${v.t.leadStage[step.from]} → ${v.t.leadStage[step.to]}: ${t.step(v.fmt.number(step.passed), v.fmt.number(step.dropped))}.`),
  ].join(" ");
  return (
    <Chart id={id} title={t.chartTitle} desc={desc} width={WIDTH} height={rowY(funnel.stages.length) - GAP + 10}>
      <defs>
        <Hatch id={hatch} colour={ink.bad} />
      </defs>
      {funnel.stages.map((s, i) => {
        const y = rowY(i);
        const step = i > 0 ? funnel.steps[i - 1]! : null;
        const isWorst = step !== null && worst !== null && step.from === worst.from;
        const previous = i > 0 ? funnel.stages[i - 1]!.reached : s.reached;
        return (
          <g>
            <text x="0" y={y + BAR_H / 2 + 5} font-weight="600" fill={ink.text}>
              {v.t.leadStage[s.stage]}
            </text>
            <rect x={LABEL} y={y} width={Math.max(0, x(s.reached) - LABEL)} height={BAR_H} fill={ink.accent} />
            {step && step.dropped > 0 && (
              <rect
                x={x(s.reached)}
                y={y}
                width={Math.max(0, x(previous) - x(s.reached))}
                height={BAR_H}
                fill={isWorst ? `url(#${hatch})` : ink.grid}
                stroke={isWorst ? ink.bad : ink.line}
                stroke-width={isWorst ? 2 : 1}
              />
            )}
            <text x={x(previous) + 8} y={y + BAR_H / 2 + 5} fill={ink.text}>
              {t.reached(v.fmt.number(s.reached), share(s.reached))}
            </text>
            {step && (
              <text x={LABEL} y={y - 8} font-size="12" fill={isWorst ? ink.bad : ink.muted} font-weight={isWorst ? "700" : "400"}>
                {`↓ ${t.step(v.fmt.number(step.passed), v.fmt.number(step.dropped))}${step.dropOff === null ? "" : ` (${v.fmt.percent(step.dropOff)})`}${isWorst ? ` — ⚠ ${t.largestMark}` : ""}`}
              </text>
            )}
          </g>
        );
      })}
    </Chart>
  );
};
