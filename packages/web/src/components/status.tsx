import type { FC } from "hono/jsx";
import { statusKinds, type HypothesisStatus, type StatusKind } from "../status.js";
import type { View } from "../view.js";

/** Each status' colour (a badge class) and sign: never colour alone, the sign and the words say it too. */
const look: Record<StatusKind, { tone: "bad" | "pending" | "neutral" | "good"; sign: string }> = {
  failing: { tone: "bad", sign: "✗" },
  spendMissing: { tone: "pending", sign: "⚠" },
  noTargets: { tone: "neutral", sign: "–" },
  maturing: { tone: "neutral", sign: "…" },
  ready: { tone: "good", sign: "✓" },
};

/** A status in the reader's words (status.ts says which applies and why in that order). */
export function statusWords(v: View, status: HypothesisStatus): string {
  const t = v.t.status;
  switch (status.kind) {
    case "failing":
      return t.failing(status.missed, status.targets);
    case "spendMissing":
      return t.spendMissing(status.days);
    case "noTargets":
      return t.noTargets;
    case "maturing": {
      const when = status.beyondProbe ? t.beyondProbe : status.days !== null ? t.inDays(status.days) : null;
      return when ? `${t.maturing}: ${when}` : t.maturing;
    }
    case "ready":
      return t.ready[status.next];
  }
}

/** The status badge of a hypothesis: one on the board's card, one in the hypothesis' header and gate. */
export const StatusBadge: FC<{ v: View; status: HypothesisStatus }> = ({ v, status }) => (
  <span class={`badge ${look[status.kind].tone}`}>{`${look[status.kind].sign} ${statusWords(v, status)}`}</span>
);

/** The board's legend: every sign with its meaning, in the order of precedence. */
export const StatusLegend: FC<{ v: View }> = ({ v }) => (
  <section class="legend" aria-labelledby="status-legend">
    <h2 id="status-legend" class="small">
      {v.t.status.legendTitle}
    </h2>
    <ul>
      {statusKinds.map((kind) => (
        <li>
          <span class={`badge ${look[kind].tone}`}>{look[kind].sign}</span> {v.t.status.legend[kind]}
        </li>
      ))}
    </ul>
    <p class="muted">{v.t.status.legendOrder}</p>
  </section>
);
