import type { Stage } from "@parom/core/hypothesis";
import type { GateVerdict } from "@parom/core/kpi";

/**
 * Where a hypothesis stands, read at a glance on the board and in the hypothesis' header.
 *
 * Precedence, the first that applies wins:
 * 1. `failing` (red): a target is not met. A miss stays a miss whatever the missing spend turns out
 *    to be, and red is no good news either; the missing spend is still named in the spend row.
 * 2. `spendMissing` (amber): a day with leads of a paid campaign has no recorded spend. It beats
 *    every calmer status: missing data never reads as good news (green) nor as "just wait" (grey).
 * 3. `noTargets` (grey): nothing to judge against.
 * 4. `maturing` (grey): some target is still undecided; with the days a verdict needs where known.
 * 5. `ready` (green): every target met. `next` says what follows: the owner's scale-out decision
 *    (in optimization), the path's remaining stages first, or scaling already approved.
 */
export type HypothesisStatus =
  | { kind: "failing"; missed: number; targets: number }
  | { kind: "spendMissing"; days: number }
  | { kind: "noTargets" }
  | { kind: "maturing"; days: number | null; beyondProbe: boolean }
  | { kind: "ready"; next: "ownerDecides" | "pathFirst" | "scaling" };

export type StatusKind = HypothesisStatus["kind"];

/** The kinds in the order of precedence above: what the board's legend lists. */
export const statusKinds: readonly StatusKind[] = ["failing", "spendMissing", "noTargets", "maturing", "ready"];

/**
 * The status of a hypothesis from its gate, the days its spend is missing (board: missingSpendDays
 * over all its counters) and its stage. Cost rows of the gate that name missing days count too.
 * @example hypothesisStatus(gate, ["2026-03-02"], "probe") // { kind: "spendMissing", days: 1 }
 */
export function hypothesisStatus(gate: GateVerdict, spendMissingDays: readonly string[], stage: Stage): HypothesisStatus {
  const missed = gate.kpis.filter((row) => row.verdict === "not_met").length;
  if (missed > 0) return { kind: "failing", missed, targets: gate.kpis.length };
  const missing = new Set([...spendMissingDays, ...gate.kpis.flatMap((row) => row.spendMissing?.days ?? [])]);
  if (missing.size > 0) return { kind: "spendMissing", days: missing.size };
  if (gate.kpis.length === 0) return { kind: "noTargets" };
  if (!gate.passed) {
    const decisions = gate.kpis.filter((row) => row.verdict !== "met").map((row) => row.decision);
    const beyondProbe = decisions.some((d) => d?.withinProbe === false);
    const known = decisions.every((d) => d?.days != null);
    return { kind: "maturing", days: known ? Math.max(...decisions.map((d) => d!.days!)) : null, beyondProbe };
  }
  return { kind: "ready", next: stage === "optimization" ? "ownerDecides" : stage === "scale" ? "scaling" : "pathFirst" };
}
