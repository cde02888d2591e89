import { z } from "zod";
import { roles } from "../access/principal.js";
import { defineEntity } from "../db/entity.js";
import { hypothesisKeys } from "./keys.js";
import { stages } from "./lifecycle.js";

/*
 * The items of a hypothesis' partition declared for the entity layer: the hypothesis itself, its
 * history entries and its written rules (approvals and optimizations are declared beside their
 * verbs, approvals.ts and optimizations.ts).
 */

export const ActorItem = z.object({ keyId: z.string(), role: z.enum(roles), name: z.string().optional() });

/** Targets as stored: money in kopecks, rates as fractions; absent targets are simply not set. */
const TargetsItem = z.object({
  cplMax: z.number().optional(),
  cacMax: z.number().optional(),
  qualifiedRateMin: z.number().optional(),
  conversionMin: z.number().optional(),
  romiMin: z.number().optional(),
  minLeads: z.number().optional(),
  minClients: z.number().optional(),
});

/** One field an edit changed, with its values before and after (money as decimal strings; null: not set). */
const FieldChangeItem = z.object({ field: z.string(), before: z.union([z.string(), z.number(), z.null()]), after: z.union([z.string(), z.number(), z.null()]) });

/** Per target name: the last change made after leads had arrived, with the value it replaced (kopecks for money). */
export const TargetChangesItem = z.record(z.string(), z.object({ at: z.string(), before: z.number().nullable() }));

/** The partition of a hypothesis, where its history, rules, optimizations and approvals live beside it. */
export const hypothesisPartition = ({ hypothesisId }: { hypothesisId: string }) => hypothesisKeys.item(hypothesisId).pk;

/** A hypothesis, listed with all hypotheses. Defaults are those of CreateHypothesisInput, for items older than the field. */
export const HypothesisEntity = defineEntity({
  type: "hypothesis",
  schema: z.object({
    id: z.string(),
    title: z.string(),
    statement: z.string(),
    channel: z.string(),
    responsible: z.string(),
    budget: z.number(),
    currency: z.string().default("RUB"),
    probe: z.object({ start: z.string(), end: z.string() }),
    maturityDays: z.number().default(15),
    confidence: z.number().default(0.9),
    targets: TargetsItem,
    stage: z.enum(stages),
    version: z.number(),
    rulesVersion: z.number().nullable().default(null),
    closedReason: z.string().nullable().default(null),
    /** Targets changed after leads had arrived: when, and the value before (edit.ts). */
    targetChanges: TargetChangesItem.optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  key: ({ id }: { id: string }) => hypothesisKeys.item(id),
  partition: { of: hypothesisPartition, sortKey: hypothesisKeys.itemSortKey },
  patterns: {
    all: { index: "gsi1", partition: (_: object) => "HYPS", sort: (h: { id: string }) => h.id },
  },
});

/** One history entry; `type` names the entity on every item, so the entry's own type is kept as `entryType`. */
export const HistoryEntity = defineEntity({
  type: "hypothesisHistory",
  schema: z.object({
    hypothesisId: z.string(),
    version: z.number(),
    at: z.string(),
    actor: ActorItem,
    entryType: z.enum(["created", "transition", "rules", "optimization", "edit"]),
    from: z.enum(stages).optional(),
    to: z.enum(stages).optional(),
    reason: z.string().optional(),
    rulesVersion: z.number().optional(),
    changes: z.array(FieldChangeItem).optional(),
  }),
  key: ({ hypothesisId, version }: { hypothesisId: string; version: number }) => hypothesisKeys.history(hypothesisId, version),
  partition: { of: hypothesisPartition, sortPrefix: hypothesisKeys.historyPrefix },
});

/** One version of the written rules. */
export const RulesEntity = defineEntity({
  type: "hypothesisRules",
  schema: z.object({
    hypothesisId: z.string(),
    version: z.number(),
    responsible: z.string(),
    leadHandling: z.string(),
    checklist: z.array(z.string()),
    at: z.string(),
    actor: ActorItem,
  }),
  key: ({ hypothesisId, version }: { hypothesisId: string; version: number }) => hypothesisKeys.rules(hypothesisId, version),
  partition: { of: hypothesisPartition, sortPrefix: hypothesisKeys.rulesPrefix },
});
