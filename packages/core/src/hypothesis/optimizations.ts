import { z } from "zod";
import { isoDaySchema } from "../dates.js";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { withRetry } from "../db/retry.js";
import { ConflictError } from "../errors.js";
import { newId } from "../ids.js";
import { ActorItem, hypothesisPartition } from "./entities.js";
import type { Actor } from "./history.js";
import { commitChange, Hypotheses, VersionConflictError } from "./hypothesis.js";
import { hypothesisKeys } from "./keys.js";

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

/** An optimization as stored, in the hypothesis' partition beside its history and rules. */
export const OptimizationEntity = defineEntity({
  type: "optimization",
  schema: z.object({
    id: z.string(),
    hypothesisId: z.string(),
    area: z.enum(optimizationAreas),
    change: z.string(),
    startedOn: z.string(),
    version: z.number(),
    createdAt: z.string(),
    actor: ActorItem,
  }),
  key: ({ hypothesisId, id }: { hypothesisId: string; id: string }) => hypothesisKeys.optimization(hypothesisId, id),
  partition: { of: hypothesisPartition, sortPrefix: hypothesisKeys.optimizationPrefix },
});

/** A record that loses a race to another change of the hypothesis is re-read and retried: attempts in all. */
const ATTEMPTS = 5;

export const Optimizations = {
  /** Records an optimization with its hypothesis history entry, in one transaction. Closed hypotheses take none. */
  async record(ctx: Ctx, hypothesisId: string, input: OptimizationInput, actor: Actor): Promise<Optimization> {
    const id = newId();
    return withRetry(
      async () => {
        const hypothesis = await Hypotheses.get(ctx, hypothesisId);
        if (hypothesis.stage === "closed") {
          throw new ConflictError("hypothesis_closed", `hypothesis ${hypothesisId} is closed; it takes no more optimizations`);
        }
        const optimization: Optimization = { id, hypothesisId, ...input, version: hypothesis.version + 1, createdAt: ctx.now().toISOString(), actor };
        await commitChange(ctx, hypothesis, {
          set: {},
          unchanged: { stage: hypothesis.stage },
          entry: { actor, type: "optimization", reason: `${input.area}: ${input.change} (from ${input.startedOn})` },
          extra: [OptimizationEntity.putItem(ctx, optimization, "new", "optimization")],
        });
        return optimization;
      },
      // An optimization carries no expected version: a change in between is no reason to refuse it.
      { attempts: ATTEMPTS, retryable: (error) => error instanceof VersionConflictError },
    );
  },

  /** The hypothesis' optimizations by start day (then by when they were recorded). */
  async list(ctx: Ctx, hypothesisId: string): Promise<Optimization[]> {
    await Hypotheses.get(ctx, hypothesisId);
    return (await OptimizationEntity.inPartition(ctx, { hypothesisId })).sort(byStartDay);
  },
};

/** The order optimizations are listed in: by start day, then by when they were recorded. */
export const byStartDay = (x: Optimization, y: Optimization) =>
  x.startedOn === y.startedOn ? x.id.localeCompare(y.id) : x.startedOn.localeCompare(y.startedOn);
