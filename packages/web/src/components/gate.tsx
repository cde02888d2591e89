import type { FC } from "hono/jsx";
import type { GateVerdict } from "@parom/core/kpi";
import type { View } from "../view.js";

/**
 * The scale-out gate in words and a sign, never by colour alone: passed (green), failing because a
 * target is not met (red), or too early to judge (grey), with about how many days a verdict needs
 * when every undecided target can say, or that the probe window will not hold it.
 */
export const GateStatus: FC<{ v: View; gate: GateVerdict }> = ({ v, gate }) => {
  const t = v.t.board;
  if (gate.kpis.length === 0) return <span class="badge neutral">– {t.gateNoTargets}</span>;
  if (gate.passed) return <span class="badge good">✓ {t.gatePassed}</span>;
  const failing = gate.kpis.filter((row) => row.verdict === "not_met").length;
  if (failing > 0) return <span class="badge bad">✗ {t.gateFailing(failing, gate.kpis.length)}</span>;
  const decisions = gate.kpis.filter((row) => row.verdict === "insufficient_data").map((row) => row.decision);
  const beyondProbe = decisions.some((d) => d?.withinProbe === false);
  const days = decisions.every((d) => d?.days != null) ? Math.max(...decisions.map((d) => d!.days!)) : null;
  const when = beyondProbe ? t.gateBeyondProbe : days !== null ? t.gateInDays(days) : null;
  return (
    <span class="badge neutral">
      … {t.gateTooEarly}
      {when && `: ${when}`}
    </span>
  );
};
