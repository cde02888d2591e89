import { z } from "zod";
import { isoDaySchema } from "../dates.js";
import { toKopecks } from "../money.js";
import { isIsoDay } from "../time.js";
import { stages } from "./lifecycle.js";
import { TargetsInput } from "../kpi/targets.js";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

const isoDay = isoDaySchema;

/** The refusal of a close without a lesson (pages translate it by this wording). */
export const LESSON_REQUIRED = "say what was learned: closing a hypothesis needs a lesson";

/** A budget: number or decimal string, kept as kopecks. Zero is allowed (a free call base). */
const budget = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const kopecks = toKopecks(value);
  if (kopecks === null || kopecks < 0) {
    ctx.addIssue({ code: "custom", message: "must be a non-negative amount with at most two decimals" });
    return z.NEVER;
  }
  return kopecks;
});

export const CreateHypothesisInput = z.strictObject({
  title: text(200),
  statement: text(4000),
  channel: text(100),
  responsible: text(200),
  budget,
  currency: z.string().regex(/^[A-Z]{3}$/, "must be three upper-case letters, like RUB").default("RUB"),
  probe: z
    .strictObject({ start: isoDay, end: isoDay })
    .refine((p) => !isIsoDay(p.start) || !isIsoDay(p.end) || p.end >= p.start, { message: "must not be before start", path: ["end"] }),
  maturityDays: z.number().int().min(0).max(365).default(15),
  /** How sure the KPI gate must be that a target is met (used by the gate). */
  confidence: z.number().gt(0.5).lt(1).default(0.9),
  targets: TargetsInput.refine((t) => Object.values(t).some((v) => v !== undefined), "name at least one target"),
});
export type CreateHypothesisInput = z.output<typeof CreateHypothesisInput>;

export const TransitionInput = z
  .strictObject({
    to: z.enum(stages),
    reason: text(2000).optional(),
    /** What was learned: required to close, kept in the learnings archive (learnings.ts). */
    lesson: text(4000).optional().describe("What was learned; required when `to` is `closed` (kept in the learnings archive)."),
    /** The version the caller last saw; a stale one is refused instead of overwriting a change it did not see. */
    expectedVersion: z.number().int().min(1).optional(),
  })
  .refine((input) => input.to !== "closed" || input.lesson !== undefined, { path: ["lesson"], message: LESSON_REQUIRED });
export type TransitionInput = z.output<typeof TransitionInput>;

export const RulesInput = z.strictObject({
  responsible: text(200),
  leadHandling: text(4000),
  checklist: z.array(text(1000)).min(1, "must list at least one item").max(200),
});
export type RulesInput = z.output<typeof RulesInput>;
