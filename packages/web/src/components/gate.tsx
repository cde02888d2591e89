import type { FC } from "hono/jsx";
import type { GateVerdict } from "../../../core/src/kpi/evaluate.js";
import type { View } from "../view.js";

/** The scale-out gate in words and a sign, never by colour alone. */
export const GateStatus: FC<{ v: View; gate: GateVerdict }> = ({ v, gate }) => {
  if (gate.kpis.length === 0) return <span class="badge neutral">– {v.t.board.gateNoTargets}</span>;
  if (gate.passed) return <span class="badge good">✓ {v.t.board.gatePassed}</span>;
  const met = gate.kpis.filter((row) => row.verdict === "met").length;
  return <span class="badge pending">… {v.t.board.gateNotYet(met, gate.kpis.length)}</span>;
};
