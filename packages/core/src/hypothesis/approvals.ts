import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { withRetry } from "../db/retry.js";
import { isTransactionConflict, transact, TransactionCancelledError } from "../db/transact.js";
import { ConflictError } from "../errors.js";
import { newId } from "../ids.js";
import { hypothesisGate } from "../kpi/load.js";
import type { GateVerdict } from "../kpi/model.js";
import { changesOf } from "./edit.js";
import { ActorItem, HypothesisEntity, hypothesisPartition } from "./entities.js";
import type { Actor } from "./history.js";
import { commitChange, Hypotheses, VersionConflictError } from "./hypothesis.js";
import { CreateHypothesisInput } from "./input.js";
import { hypothesisKeys } from "./keys.js";
import { stages, type Stage } from "./lifecycle.js";
import type { Hypothesis } from "./model.js";

export const ApprovalInput = z
  .strictObject({
    decision: z.enum(["approve", "reject"]),
    comment: z.string().trim().min(1, "must not be empty").max(2000).optional(),
    /** The budget to scale out with (as at creation: a number or "600000.50"); it replaces the hypothesis' budget on approval. */
    budget: CreateHypothesisInput.shape.budget.optional(),
  })
  .refine((input) => input.budget === undefined || input.decision === "approve", { message: "only an approval sets a new budget", path: ["budget"] });
export type ApprovalInput = z.output<typeof ApprovalInput>;

/** The owner's decision on scale-out, with the gate exactly as it stood when it was taken. */
export type Approval = {
  id: string;
  hypothesisId: string;
  decision: "approve" | "reject";
  comment: string | null;
  /** The budget the approval scaled out with, in kopecks; null when the owner gave none (the budget stayed). */
  budget: number | null;
  actor: Actor;
  at: string;
  /** The hypothesis' stage and version after the decision (an approval moves it to scale). */
  stage: Stage;
  version: number;
  gate: GateVerdict;
};

/** An approval as stored, beside the hypothesis so that one query lists them, oldest first (ids are ULIDs). */
export const ApprovalEntity = defineEntity({
  type: "approval",
  schema: z.object({
    id: z.string(),
    hypothesisId: z.string(),
    decision: z.enum(["approve", "reject"]),
    comment: z.string().nullable().default(null),
    // Absent on approvals recorded before an approval could carry a budget: none was given.
    budget: z.number().nullable().default(null),
    actor: ActorItem,
    at: z.string(),
    stage: z.enum(stages),
    version: z.number(),
    // The gate goes in as JSON: its probabilities can be smaller than DynamoDB numbers allow (1e-130).
    gate: z.string(),
  }),
  key: ({ hypothesisId, id }: { hypothesisId: string; id: string }) => hypothesisKeys.approval(hypothesisId, id),
  partition: { of: hypothesisPartition, sortPrefix: hypothesisKeys.approvalPrefix },
});

/** Attempts in all at deciding on what is there now, when the hypothesis keeps changing meanwhile. */
const MAX_ATTEMPTS = 4;

export const Approvals = {
  /**
   * Records the owner's decision. An approval is taken only in `optimization` while the gate
   * passes, and it moves the hypothesis to `scale` in the same transaction as the approval item,
   * conditioned on the version and stage it was decided on: of many racing approvals exactly one
   * lands, and the others see the hypothesis already in scale. A rejection records the decision
   * and the gate; the stage stays.
   */
  async decide(ctx: Ctx, hypothesisId: string, input: ApprovalInput, actor: Actor): Promise<Approval> {
    return withRetry(
      async () => {
        const hypothesis = await Hypotheses.get(ctx, hypothesisId);
        if (hypothesis.stage !== "optimization") {
          throw new ConflictError(
            "not_in_optimization",
            `hypothesis ${hypothesisId} is in ${hypothesis.stage}; scale-out is decided only in optimization`,
            { stage: hypothesis.stage },
          );
        }
        const gate = await hypothesisGate(ctx, hypothesis);
        if (input.decision === "approve" && !gate.passed) {
          const unmet = gate.kpis.filter((row) => row.verdict !== "met");
          const list = unmet.map((row) => `${row.kpi} ${row.verdict}${row.spendMissing ? ` (spend missing for ${row.spendMissing.days.length} days)` : ""}`).join(", ") || "no target is set";
          throw new ConflictError("gate_not_passed", `the KPI gate does not pass (${list}); scale-out cannot be approved`, { gate, unmet });
        }
        return write(ctx, hypothesis, input, actor, gate);
      },
      {
        attempts: MAX_ATTEMPTS,
        // Someone changed the hypothesis meanwhile (or real DynamoDB cancelled a concurrent
        // transaction): decide again on what is there now.
        retryable: (error) => error instanceof VersionConflictError || isTransactionConflict(error),
        baseDelayMs: 20,
        exhausted: () => new VersionConflictError(`hypothesis ${hypothesisId} kept changing while the decision was recorded; try again`),
      },
    );
  },

  /** Every decision on the hypothesis, oldest first. */
  async list(ctx: Ctx, hypothesisId: string): Promise<Approval[]> {
    await Hypotheses.get(ctx, hypothesisId);
    return (await ApprovalEntity.inPartition(ctx, { hypothesisId })).map(toApproval);
  },
};

async function write(ctx: Ctx, hypothesis: Hypothesis, input: ApprovalInput, actor: Actor, gate: GateVerdict): Promise<Approval> {
  const approval: Approval = {
    id: newId(),
    hypothesisId: hypothesis.id,
    decision: input.decision,
    comment: input.comment ?? null,
    budget: input.budget ?? null,
    actor,
    at: ctx.now().toISOString(),
    stage: input.decision === "approve" ? "scale" : hypothesis.stage,
    version: input.decision === "approve" ? hypothesis.version + 1 : hypothesis.version,
    gate,
  };
  const put = ApprovalEntity.putItem(ctx, { ...approval, gate: JSON.stringify(gate) }, "new", "approval");
  if (input.decision === "approve") {
    // A new budget goes with the move, and the move's history entry says what it was and became.
    const changes = changesOf(hypothesis, { budget: input.budget });
    await commitChange(ctx, hypothesis, {
      set: { stage: "scale", ...(changes.length > 0 ? { budget: input.budget } : {}) },
      unchanged: { stage: "optimization" },
      entry: {
        actor,
        type: "transition",
        from: "optimization",
        to: "scale",
        reason: `Owner's approval ${approval.id}${approval.comment ? `: ${approval.comment}` : ""}`,
        ...(changes.length > 0 ? { changes } : {}),
      },
      extra: [put],
    });
    return approval;
  }
  // A rejection changes nothing on the hypothesis, but is recorded only against the version it judged.
  try {
    await transact(ctx, [
      HypothesisEntity.checkItem(
        ctx,
        { id: hypothesis.id },
        { expression: "#version = :version AND #stage = :stage", names: { "#version": "version", "#stage": "stage" }, values: { ":version": hypothesis.version, ":stage": hypothesis.stage } },
        "hypothesis",
      ),
      put,
    ]);
  } catch (error) {
    if (error instanceof TransactionCancelledError && error.failedCondition("hypothesis")) {
      throw new VersionConflictError(`hypothesis ${hypothesis.id} changed while the rejection was recorded`, { expectedVersion: hypothesis.version });
    }
    throw error;
  }
  return approval;
}

export function toApproval(item: z.infer<typeof ApprovalEntity.schema>): Approval {
  return { ...item, gate: JSON.parse(item.gate) };
}
