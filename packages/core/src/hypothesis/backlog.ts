import { z } from "zod";
import type { Ctx } from "../context.js";
import { readCollection } from "../db/collection.js";
import type { Condition } from "../db/write-expressions.js";
import { withRetry } from "../db/retry.js";
import { transact, TransactionCancelledError } from "../db/transact.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import { hypothesisPartition, HypothesisEntity } from "./entities.js";
import { appendHistory, type Actor } from "./history.js";
import { VersionConflictError } from "./hypothesis.js";
import { IceChangeEntity, IdeaEntity } from "./idea-entities.js";
import { CreateHypothesisInput } from "./input.js";
import type { Hypothesis } from "./model.js";

/*
 * The backlog: ideas waiting to be tried, scored by ICE (impact, confidence, ease, each 1-10; the
 * score is their product). An idea has no budget, probe window or targets, so it is its own item
 * (not a hypothesis with empty fields): the board, KPIs, alerts and reports list hypotheses and never
 * meet one. Promotion supplies those fields and turns the idea into a probe with the same id; the
 * history of that id starts with the idea's creation.
 */

const score = z.number().int().min(1).max(10);

/** ICE scores. `confidence` here is how sure the team is the idea works, not the KPI gate's certainty. */
export const IceInput = z.strictObject({ impact: score, confidence: score, ease: score });
export type Ice = z.output<typeof IceInput>;

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

/** A re-score: the three scores again, and optionally why they changed. */
export const RescoreInput = IceInput.extend({ note: z.string().trim().max(500).optional() });
export type RescoreInput = z.output<typeof RescoreInput>;

/** Dropping an idea: the marketer decided not to test it, and says why. */
export const DropIdeaInput = z.strictObject({ reason: text(1000) });
export type DropIdeaInput = z.output<typeof DropIdeaInput>;

/** A dropped idea is kept as a record of a decision: it cannot be scored again or promoted. */
export class IdeaDroppedError extends ConflictError {
  constructor(id: string) {
    super("idea_dropped", `idea ${id} was dropped; a dropped idea is not scored or promoted`);
  }
}

export const CreateIdeaInput = z.strictObject({ title: text(200), statement: text(4000), channel: text(100), ice: IceInput });
export type CreateIdeaInput = z.output<typeof CreateIdeaInput>;

/** What a probe needs that an idea lacks; the idea's title, statement and channel carry over. */
export const PromoteIdeaInput = CreateHypothesisInput.pick({
  responsible: true,
  budget: true,
  currency: true,
  probe: true,
  maturityDays: true,
  confidence: true,
  targets: true,
});
export type PromoteIdeaInput = z.output<typeof PromoteIdeaInput>;

export type Idea = z.infer<typeof IdeaEntity.schema> & { stage: "idea" };

/** One re-score, oldest first in an idea's history: the scores before and after, who and when, and the note if any. */
export type IceChange = Omit<z.infer<typeof IceChangeEntity.schema>, "ideaId">;

/** An idea with its re-scores, as one idea is read. */
export type IdeaWithHistory = Idea & { history: IceChange[] };

/** The ICE score: impact x confidence x ease, 1 to 1000. */
export const iceScore = ({ impact, confidence, ease }: Ice) => impact * confidence * ease;

export const ideaSorts = ["score", "impact", "confidence", "ease"] as const;
export type IdeaSort = (typeof ideaSorts)[number];
export const IdeasQuery = z.strictObject({
  /** open: the backlog; dropped: the ideas decided against. */
  status: z.enum(["open", "dropped"]).default("open"),
  sort: z.enum(ideaSorts).default("score"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type IdeasQuery = z.output<typeof IdeasQuery>;

const asIdea = (item: z.infer<typeof IdeaEntity.schema>): Idea => ({ ...item, stage: "idea" });

/** The idea's write condition: still at `version` (an idea written before versions lacks the attribute and is at 1). */
const atVersion = (version: number): Condition => ({
  expression: version === 1 ? "attribute_exists(pk) AND (attribute_not_exists(#version) OR #version = :version)" : "#version = :version",
  names: { "#version": "version" },
  values: { ":version": version },
});

/** A write that lost to a concurrent change of the idea: read it again and retry. */
const lostRace = (error: unknown) => error instanceof VersionConflictError || (error instanceof TransactionCancelledError && (error.conflicted || error.failedCondition("idea") || error.failedCondition("iceChange")));
const retrying = { attempts: 8, retryable: lostRace, exhausted: () => new VersionConflictError("the idea kept changing meanwhile; reload it and try again") };

const sameIce = (a: Ice, b: Ice) => a.impact === b.impact && a.confidence === b.confidence && a.ease === b.ease;

export const Ideas = {
  async create(ctx: Ctx, input: CreateIdeaInput, actor: Actor): Promise<IdeaWithHistory> {
    const at = ctx.now().toISOString();
    const idea = { id: newId(), ...input, version: 1, createdAt: at, updatedAt: at, createdBy: actor };
    await transact(ctx, [IdeaEntity.putItem(ctx, idea, "new", "idea"), appendHistory(ctx, idea.id, { version: 1, at, actor, type: "created", to: "idea" })]);
    return { ...asIdea(idea), history: [] };
  },

  async get(ctx: Ctx, id: string): Promise<Idea> {
    const idea = await IdeaEntity.get(ctx, { id }, { consistent: true });
    if (!idea) throw new NotFoundError("idea", id);
    return asIdea(idea);
  },

  /** The backlog (or the dropped ideas) sorted by one ICE column (the score by default, highest first); ties newest first. Read whole: a backlog is dozens of ideas. */
  async list(ctx: Ctx, { status, sort, order }: IdeasQuery = { status: "open", sort: "score", order: "desc" }): Promise<Idea[]> {
    // The listings' partitions follow the item's `dropped`: a query names the one it wants the same way.
    const ideas = status === "dropped" ? await IdeaEntity.all(ctx, "dropped", { dropped: true }, { newestFirst: true }) : await IdeaEntity.all(ctx, "all", {}, { newestFirst: true });
    const value = (idea: Idea) => (sort === "score" ? iceScore(idea.ice) : idea.ice[sort]);
    const sign = order === "asc" ? 1 : -1;
    // Array.prototype.sort is stable, so equal values keep the listing's newest-first order.
    return ideas.map(asIdea).sort((a, b) => sign * (value(a) - value(b)));
  },

  /** The idea with its re-scores, in one strongly consistent Query of its partition. */
  async read(ctx: Ctx, id: string): Promise<IdeaWithHistory> {
    const { idea, history } = await readCollection(ctx, hypothesisPartition({ hypothesisId: id }), { idea: IdeaEntity, history: IceChangeEntity }, { consistent: true });
    if (!idea[0]) throw new NotFoundError("idea", id);
    return { ...asIdea(idea[0]), history: history.map(({ ideaId: _id, ...change }) => change) };
  },

  /**
   * Scores the idea again and keeps the change (before, after, who, when, the note). Scores equal to the
   * current ones change nothing and write no entry. A re-score that lost to another is re-read and retried.
   */
  async setIce(ctx: Ctx, id: string, input: RescoreInput, actor: Actor): Promise<IdeaWithHistory> {
    const { note, ...ice } = input;
    await withRetry(async () => {
      const idea = await Ideas.get(ctx, id);
      if (idea.dropped) throw new IdeaDroppedError(id);
      if (sameIce(idea.ice, ice)) return;
      const at = ctx.now().toISOString();
      const version = idea.version + 1;
      await transact(ctx, [
        IdeaEntity.updateItem(ctx, { id }, { set: { ice, version, updatedAt: at } }, atVersion(idea.version), "idea"),
        IceChangeEntity.putItem(ctx, { ideaId: id, version, at, by: actor, from: idea.ice, to: ice, ...(note ? { note } : {}) }, "new", "iceChange"),
      ]);
    }, retrying);
    return Ideas.read(ctx, id);
  },

  /**
   * Takes the idea off the backlog and keeps it, with the reason, who and when, among the dropped ones.
   * The whole item is written again (at the version read), so its listing moves with it.
   * There is no way back by design: the drop is a recorded decision; an idea worth trying later is added again.
   */
  async drop(ctx: Ctx, id: string, { reason }: DropIdeaInput, actor: Actor): Promise<IdeaWithHistory> {
    await withRetry(async () => {
      const { stage: _stage, ...idea } = await Ideas.get(ctx, id);
      if (idea.dropped) throw new IdeaDroppedError(id);
      const at = ctx.now().toISOString();
      const dropped = { ...idea, version: idea.version + 1, updatedAt: at, dropped: { at, by: actor, reason } };
      if (!(await IdeaEntity.put(ctx, dropped, atVersion(idea.version)))) throw new VersionConflictError(`idea ${id} changed meanwhile`);
    }, retrying);
    return Ideas.read(ctx, id);
  },

  /**
   * The idea becomes a hypothesis in probe with the same id, in one transaction: the hypothesis is
   * written, the idea removed, and the history records the move and who made it. A second promotion
   * of the same idea finds it gone.
   */
  async promote(ctx: Ctx, id: string, input: PromoteIdeaInput, actor: Actor): Promise<Hypothesis> {
    const idea = await Ideas.get(ctx, id);
    if (idea.dropped) throw new IdeaDroppedError(id);
    const at = ctx.now().toISOString();
    const hypothesis: Hypothesis = {
      id,
      title: idea.title,
      statement: idea.statement,
      channel: idea.channel,
      ...input,
      stage: "probe",
      // Version 1 was the idea's creation; the history keeps one entry per version.
      version: 2,
      rulesVersion: null,
      closedReason: null,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await transact(ctx, [
        IdeaEntity.removeItem(ctx, { id }, { expression: "attribute_exists(pk) AND attribute_not_exists(#dropped)", names: { "#dropped": "dropped" } }, "idea"),
        HypothesisEntity.putItem(ctx, hypothesis, "new", "hypothesis"),
        appendHistory(ctx, id, { version: 2, at, actor, type: "transition", from: "idea", to: "probe" }),
      ]);
    } catch (error) {
      if (error instanceof TransactionCancelledError && error.failedCondition("idea") && (await IdeaEntity.get(ctx, { id }, { consistent: true }))?.dropped) throw new IdeaDroppedError(id);
      if (error instanceof TransactionCancelledError && (error.failedCondition("idea") || error.failedCondition("hypothesis") || error.failedCondition("history"))) {
        throw new ConflictError("idea_promoted", `idea ${id} was promoted meanwhile; it is a hypothesis now`);
      }
      throw error;
    }
    return hypothesis;
  },
};
