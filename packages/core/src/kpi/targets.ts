import { z } from "zod";
import { positiveKopecks } from "../money.js";

const money = z.union([z.number(), z.string()]).transform(positiveKopecks);
const fraction = z.number().min(0).max(1);

/**
 * Target KPIs a hypothesis must reach before scale-out. Money targets are given in the
 * hypothesis currency and kept as kopecks; rates are fractions (0.05 = 5%); `romiMin` is a
 * ratio ((revenue - spend) / spend, so 1 = 100%).
 */
export const TargetsInput = z.strictObject({
  cplMax: money.optional(),
  cacMax: money.optional(),
  qualifiedRateMin: fraction.optional(),
  conversionMin: fraction.optional(),
  romiMin: z.number().min(-1).optional(),
  minLeads: z.number().int().min(1).optional(),
  minClients: z.number().int().min(1).optional(),
});

/** Targets as stored: money in kopecks. */
export type Targets = z.output<typeof TargetsInput>;

/** Per target name: the last change made after leads had arrived, with the value it replaced (kopecks for money; null: none). */
export type TargetChanges = Record<string, { at: string; before: number | null }>;

/**
 * What KPIs are read and judged by: the hypothesis' id (its campaigns), targets, maturity and
 * confidence, the end of its probe and the targets it changed after leads had arrived. Every
 * Hypothesis is one; the KPIs need nothing else of it.
 */
export type JudgingHypothesis = {
  id: string;
  targets: Targets;
  maturityDays: number;
  /** How sure the gate must be that a target is met. */
  confidence: number;
  probe: { end: string };
  targetChanges?: TargetChanges;
};
