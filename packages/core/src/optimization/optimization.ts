import { z } from "zod";
import { isoDaySchema } from "../dates.js";
import type { Ctx } from "../context.js";
import { queryAll } from "../db/query-all.js";
import { ConflictError } from "../errors.js";
import type { Actor } from "../hypothesis/history.js";
import { commitChange, Hypotheses, VersionConflictError } from "../hypothesis/hypothesis.js";
import { hypothesisKeys } from "../hypothesis/keys.js";
import { newId } from "../ids.js";

export const optimizationAreas = ["audience", "channel", "placement", "process"] as const;

export const OptimizationInput = z.strictObject({
  area: z.enum(optimizationAreas),
  change: z.string().trim().min(1, "must not be empty").max(2000),
  /** The first cohort day the change applies to (workspace time zone). */
  startedOn: isoDaySchema,
});
export type OptimizationInput = z.output<typeof OptimizationInput>;

/** A change made to a running hypothesis, recorded to judge its effect. */
export type Optimization = OptimizationInput & {
  id: string;
  hypothesisId: string;
  /** The hypothesis version this record produced (its history entry has the same version). */
  version: number;
  createdAt: string;
  actor: Actor;
};

/** Kept in the hypothesis' partition, beside its history and rules. */
export const optimizationKeys = {
  item: (hypothesisId: string, id: string) => ({ pk: hypothesisKeys.item(hypothesisId).pk, sk: `OPTIMIZATION#${id}` }),
  prefix: "OPTIMIZATION#",
};

/** A record that loses a race to another change of the hypothesis is re-read and retried this often. */
const ATTEMPTS = 5;

export const Optimizations = {
  /** Records an optimization with its hypothesis history entry, in one transaction. Closed hypotheses take none. */
  async record(ctx: Ctx, hypothesisId: string, input: OptimizationInput, actor: Actor): Promise<Optimization> {
    const id = newId();
    for (let attempt = 1; ; attempt++) {
      const hypothesis = await Hypotheses.get(ctx, hypothesisId);
      if (hypothesis.stage === "closed") {
        throw new ConflictError("hypothesis_closed", `hypothesis ${hypothesisId} is closed; it takes no more optimizations`);
      }
      const optimization: Optimization = { id, hypothesisId, ...input, version: hypothesis.version + 1, createdAt: ctx.now().toISOString(), actor };
      try {
        await commitChange(ctx, hypothesis, {
          set: {},
          unchanged: { stage: hypothesis.stage },
          entry: { actor, type: "optimization", reason: `${input.area}: ${input.change} (from ${input.startedOn})` },
          extra: [
            {
              Put: {
                TableName: ctx.table,
                Item: { ...optimizationKeys.item(hypothesisId, id), type: "optimization", ...optimization },
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
          ],
        });
        return optimization;
      } catch (error) {
        // An optimization carries no expected version: a change in between is no reason to refuse it.
        if (!(error instanceof VersionConflictError) || attempt === ATTEMPTS) throw error;
      }
    }
  },

  /** The hypothesis' optimizations by start day (then by when they were recorded). */
  async list(ctx: Ctx, hypothesisId: string): Promise<Optimization[]> {
    await Hypotheses.get(ctx, hypothesisId);
    const items = await queryAll(ctx, {
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: { ":pk": hypothesisKeys.item(hypothesisId).pk, ":prefix": optimizationKeys.prefix },
    });
    return items.map(toOptimization).sort(byStartDay);
  },
};

export function toOptimization(item: Record<string, any>): Optimization {
  return {
    id: item.id,
    hypothesisId: item.hypothesisId,
    area: item.area,
    change: item.change,
    startedOn: item.startedOn,
    version: Number(item.version),
    createdAt: item.createdAt,
    actor: { keyId: item.actor.keyId, role: item.actor.role },
  };
}

/** The order optimizations are listed in: by start day, then by when they were recorded. */
export const byStartDay = (x: Optimization, y: Optimization) =>
  x.startedOn === y.startedOn ? x.id.localeCompare(y.id) : x.startedOn.localeCompare(y.startedOn);
