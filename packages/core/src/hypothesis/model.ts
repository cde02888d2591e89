import type { Stage } from "./lifecycle.js";
import type { TargetChanges, Targets } from "../kpi/targets.js";

/** A channel hypothesis as stored. Money (budget, money targets) is integer kopecks. */
export type Hypothesis = {
  id: string;
  title: string;
  statement: string;
  channel: string;
  responsible: string;
  budget: number;
  currency: string;
  probe: { start: string; end: string };
  maturityDays: number;
  /** How sure the KPI gate must be that a target is met. */
  confidence: number;
  targets: Targets;
  stage: Stage;
  /** Bumped by every change; each version has exactly one history entry. */
  version: number;
  /** The current written rules' version, null until rules are written. */
  rulesVersion: number | null;
  closedReason: string | null;
  /** Targets changed after leads had arrived, by target name: when, and the value replaced (kopecks for money). */
  targetChanges?: TargetChanges;
  createdAt: string;
  updatedAt: string;
};
