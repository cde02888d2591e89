import { Campaigns, type Campaign, type CreateCampaignInput } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { transact, TransactionCancelledError, type TransactItem } from "../db/transact.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import { HypothesisEntity } from "./entities.js";
import { gatherFacts } from "./facts.js";
import { appendHistory, readHistory, type Actor, type HistoryEntry } from "./history.js";
import type { CreateHypothesisInput, TransitionInput } from "./input.js";
import { learningItem } from "./learnings.js";
import type { Hypothesis } from "./model.js";
import { refusals, type Move, type Refusal, type Stage } from "./lifecycle.js";

/** The hypothesis changed after the caller (or this request) read it. */
export class VersionConflictError extends ConflictError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("version_conflict", message, details);
  }
}

/**
 * A move the guards refused. The body names every unmet guard (`unmet`) and, when only a reason
 * is missing, the targets still undecided (`undecided`); `refusals` keeps the codes for pages that translate.
 */
export class TransitionRefusedError extends ConflictError {
  constructor(
    move: Move,
    readonly refusals: Refusal[],
  ) {
    const unmet = refusals.map((refusal) => refusal.sentence);
    const undecided = refusals.find((refusal) => refusal.code === "targets_undecided")?.kpis;
    super("transition_refused", `${move.from} -> ${move.to} refused: ${unmet.join(" ")}`, { unmet, ...(undecided ? { undecided } : {}) });
  }
}

type Change = {
  /** Attributes to set besides `version` and `updatedAt`. */
  set: Record<string, unknown>;
  /** Attributes that must still hold their read values (the version always must). */
  unchanged?: Partial<Record<keyof Hypothesis, unknown>>;
  entry: Pick<HistoryEntry, "actor" | "type" | "from" | "to" | "reason" | "rulesVersion" | "changes">;
  /** More items written in the same transaction (after the update and the history entry). */
  extra?: TransactItem[];
};

/**
 * Writes one change of `read` as one transaction: the update, conditioned on the version it was
 * read at, plus its history entry. Returns the new version.
 */
export async function commitChange(ctx: Ctx, read: Hypothesis, change: Change): Promise<number> {
  const version = read.version + 1;
  const at = ctx.now().toISOString();
  const names: Record<string, string> = { "#version": "version" };
  const values: Record<string, unknown> = { ":expected": read.version };
  const conditions = ["#version = :expected"];
  for (const [name, value] of Object.entries(change.unchanged ?? {})) {
    names[`#c_${name}`] = name;
    values[`:c_${name}`] = value;
    conditions.push(`#c_${name} = :c_${name}`);
  }
  const update = HypothesisEntity.updateItem(
    ctx,
    { id: read.id },
    { set: { ...change.set, version, updatedAt: at } },
    { expression: conditions.join(" AND "), names, values },
    "hypothesis",
  );
  try {
    await transact(ctx, [update, appendHistory(ctx, read.id, { ...change.entry, version, at }), ...(change.extra ?? [])]);
  } catch (error) {
    if (error instanceof TransactionCancelledError && error.failedCondition("hypothesis")) {
      throw new VersionConflictError(
        `hypothesis ${read.id} changed while this request was deciding (it was at version ${read.version}); reload it and try again`,
        { expectedVersion: read.version },
      );
    }
    throw error;
  }
  return version;
}

export const Hypotheses = {
  async create(ctx: Ctx, input: CreateHypothesisInput, actor: Actor): Promise<Hypothesis> {
    const at = ctx.now().toISOString();
    const hypothesis: Hypothesis = {
      id: newId(),
      ...input,
      stage: "probe",
      version: 1,
      rulesVersion: null,
      closedReason: null,
      createdAt: at,
      updatedAt: at,
    };
    await transact(ctx, [
      HypothesisEntity.putItem(ctx, hypothesis, "new", "hypothesis"),
      appendHistory(ctx, hypothesis.id, { version: 1, at, actor, type: "created", to: "probe" }),
    ]);
    return hypothesis;
  },

  async get(ctx: Ctx, id: string): Promise<Hypothesis> {
    const hypothesis = await HypothesisEntity.get(ctx, { id }, { consistent: true });
    if (!hypothesis) throw new NotFoundError("hypothesis", id);
    return hypothesis;
  },

  /** Every hypothesis, newest first. */
  async list(ctx: Ctx): Promise<Hypothesis[]> {
    return HypothesisEntity.all(ctx, "all", {}, { newestFirst: true });
  },

  /** The hypothesis' campaigns; NotFoundError for an unknown hypothesis. */
  async campaigns(ctx: Ctx, id: string): Promise<Campaign[]> {
    await Hypotheses.get(ctx, id);
    return Campaigns.listByHypothesis(ctx, id);
  },

  /** Links a contractor's campaign to the hypothesis; a closed hypothesis takes no new campaigns. */
  async addCampaign(ctx: Ctx, id: string, input: CreateCampaignInput): Promise<Campaign> {
    return Campaigns.create(ctx, id, input, {
      check: HypothesisEntity.checkItem(
        ctx,
        { id },
        { expression: "attribute_exists(pk) AND #stage <> :closed", names: { "#stage": "stage" }, values: { ":closed": "closed" } },
        "hypothesis",
      ),
      async refused() {
        if (!(await HypothesisEntity.get(ctx, { id }))) return new NotFoundError("hypothesis", id);
        return new ConflictError("hypothesis_closed", `hypothesis ${id} is closed and takes no new campaigns`);
      },
    });
  },

  /** Moves the hypothesis to `input.to` if every guard agrees; refusals list every unmet guard. */
  async transition(ctx: Ctx, id: string, input: TransitionInput, actor: Actor): Promise<{ stage: Stage; version: number }> {
    const hypothesis = await Hypotheses.get(ctx, id);
    if (input.expectedVersion !== undefined && input.expectedVersion !== hypothesis.version) {
      throw new VersionConflictError(
        `hypothesis ${id} is at version ${hypothesis.version}, not ${input.expectedVersion}; reload it and decide again`,
        { expectedVersion: input.expectedVersion, currentVersion: hypothesis.version },
      );
    }
    const move = { from: hypothesis.stage, to: input.to };
    const reason = input.reason ?? null;
    const refused = refusals(move, await gatherFacts(ctx, hypothesis, move, reason));
    if (refused.length > 0) throw new TransitionRefusedError(move, refused);
    // Closing keeps what was learned, with the figures as they stand now (TransitionInput requires the lesson).
    const learning = move.to === "closed" ? [await learningItem(ctx, hypothesis, { from: move.from, lesson: input.lesson!, reason, actor })] : [];
    const version = await commitChange(ctx, hypothesis, {
      set: { stage: move.to, ...(move.to === "closed" ? { closedReason: reason } : {}) },
      unchanged: { stage: move.from },
      entry: { actor, type: "transition", from: move.from, to: move.to, ...(reason ? { reason } : {}) },
      extra: learning,
    });
    return { stage: move.to, version };
  },

  /** Creation, every transition and every rules version, oldest first. */
  async history(ctx: Ctx, id: string): Promise<HistoryEntry[]> {
    await Hypotheses.get(ctx, id);
    return readHistory(ctx, id);
  },
};
