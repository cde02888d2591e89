import type { StatusKind } from "../status.js";
import { enDays } from "./plural.js";

/** English words of a hypothesis' status badge and the board's legend (status.ts), hooked into en.ts as `status`. */
export const statusEn = {
  label: "Gate",
  failing: (missed: number, targets: number) => `failing: ${missed} of ${targets} targets not met`,
  spendMissing: (days: number) => `spend missing for ${enDays(days)}: the cost of a lead is unknown`,
  noTargets: "no targets",
  maturing: "too early to judge",
  inDays: (days: number) => `about ${days} more day${days === 1 ? "" : "s"}`,
  beyondProbe: "not within the probe window",
  ready: {
    ownerDecides: "ready for the owner: awaiting the scale-out decision",
    pathFirst: "passed",
    scaling: "passed, scaling out",
  },
  legendTitle: "What the gate's signs mean",
  legendOrder: "When several apply, the one higher in this list is shown.",
  legend: {
    failing: "failing: at least one target is not met",
    spendMissing: "spend missing: days with leads have no recorded spend, so no cost can be judged",
    noTargets: "no targets: nothing to judge against",
    maturing: "too early to judge: the data is still maturing; the days a verdict needs, where known",
    ready: "passed: every target met; in optimization the sign reads 'ready for the owner': it awaits the owner's scale-out decision",
  } satisfies Record<StatusKind, string>,
};

export type StatusMessages = typeof statusEn;
