import type { CounterField } from "../counters/cohort-counters.js";

/** A lead's deal stages. `won` and `lost` close it; only `lost` can be reopened (restored). */
export const leadStages = ["new", "contacted", "qualified", "proposal", "won", "lost"] as const;
export type LeadStage = (typeof leadStages)[number];

/** The forward path; `lost` stands beside it. */
const path = ["new", "contacted", "qualified", "proposal", "won"] as const;
export type PathStage = (typeof path)[number];

export function rank(stage: PathStage): number {
  return path.indexOf(stage);
}

/**
 * The "reached" counters a lead adds when its furthest stage on the path moves from `from`
 * to `to` (a lead that jumps from new to won reached contacted, qualified and proposal too).
 * `from` null means a lead that did not exist yet, which adds `leads`.
 */
export function reachedDelta(from: PathStage | null, to: PathStage): Partial<Record<CounterField, number>> {
  const delta: Partial<Record<CounterField, number>> = {};
  const start = from === null ? 0 : rank(from) + 1;
  for (let i = start; i <= rank(to); i++) {
    const stage = path[i]!;
    delta[stage === "new" ? "leads" : stage] = 1;
  }
  return delta;
}
