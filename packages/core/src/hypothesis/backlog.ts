import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { transact, TransactionCancelledError } from "../db/transact.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import { ActorItem, hypothesisPartition, HypothesisEntity } from "./entities.js";
import { appendHistory, type Actor } from "./history.js";
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

export const IdeaEntity = defineEntity({
  type: "idea",
  schema: z.object({
    id: z.string(),
    title: z.string(),
    statement: z.string(),
    channel: z.string(),
    ice: z.object({ impact: z.number(), confidence: z.number(), ease: z.number() }),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: ActorItem,
  }),
  // In the partition its hypothesis will have, beside the history that starts with it.
  key: ({ id }: { id: string }) => ({ pk: hypothesisPartition({ hypothesisId: id }), sk: "IDEA" }),
  patterns: {
    all: { index: "gsi1", partition: (_: object) => "IDEAS", sort: (idea: { id: string }) => idea.id },
  },
});
export type Idea = z.infer<typeof IdeaEntity.schema> & { stage: "idea" };

/** The ICE score: impact x confidence x ease, 1 to 1000. */
export const iceScore = ({ impact, confidence, ease }: Ice) => impact * confidence * ease;

export const ideaSorts = ["score", "impact", "confidence", "ease"] as const;
export type IdeaSort = (typeof ideaSorts)[number];
export const IdeasQuery = z.strictObject({ sort: z.enum(ideaSorts).default("score"), order: z.enum(["asc", "desc"]).default("desc") });
export type IdeasQuery = z.output<typeof IdeasQuery>;

const asIdea = (item: z.infer<typeof IdeaEntity.schema>): Idea => ({ ...item, stage: "idea" });

export const Ideas = {
  async create(ctx: Ctx, input: CreateIdeaInput, actor: Actor): Promise<Idea> {
    const at = ctx.now().toISOString();
    const idea = { id: newId(), ...input, createdAt: at, updatedAt: at, createdBy: actor };
    await transact(ctx, [IdeaEntity.putItem(ctx, idea, "new", "idea"), appendHistory(ctx, idea.id, { version: 1, at, actor, type: "created", to: "idea" })]);
    return asIdea(idea);
  },

  async get(ctx: Ctx, id: string): Promise<Idea> {
    const idea = await IdeaEntity.get(ctx, { id }, { consistent: true });
    if (!idea) throw new NotFoundError("idea", id);
    return asIdea(idea);
  },

  /** The backlog sorted by one ICE column (the score by default, highest first); ties newest first. Read whole: a backlog is dozens of ideas. */
  async list(ctx: Ctx, { sort, order }: IdeasQuery = { sort: "score", order: "desc" }): Promise<Idea[]> {
    const ideas = await IdeaEntity.all(ctx, "all", {}, { newestFirst: true });
    const value = (idea: Idea) => (sort === "score" ? iceScore(idea.ice) : idea.ice[sort]);
    const sign = order === "asc" ? 1 : -1;
    // Array.prototype.sort is stable, so equal values keep the listing's newest-first order.
    return ideas.map(asIdea).sort((a, b) => sign * (value(a) - value(b)));
  },

  async setIce(ctx: Ctx, id: string, ice: Ice): Promise<Idea> {
    const idea = await IdeaEntity.update(ctx, { id }, { set: { ice, updatedAt: ctx.now().toISOString() } });
    if (!idea) throw new NotFoundError("idea", id);
    return asIdea(idea);
  },

  /**
   * The idea becomes a hypothesis in probe with the same id, in one transaction: the hypothesis is
   * written, the idea removed, and the history records the move and who made it. A second promotion
   * of the same idea finds it gone.
   */
  async promote(ctx: Ctx, id: string, input: PromoteIdeaInput, actor: Actor): Promise<Hypothesis> {
    const idea = await Ideas.get(ctx, id);
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
        IdeaEntity.removeItem(ctx, { id }, "exists", "idea"),
        HypothesisEntity.putItem(ctx, hypothesis, "new", "hypothesis"),
        appendHistory(ctx, id, { version: 2, at, actor, type: "transition", from: "idea", to: "probe" }),
      ]);
    } catch (error) {
      if (error instanceof TransactionCancelledError && (error.failedCondition("idea") || error.failedCondition("hypothesis") || error.failedCondition("history"))) {
        throw new ConflictError("idea_promoted", `idea ${id} was promoted meanwhile; it is a hypothesis now`);
      }
      throw error;
    }
    return hypothesis;
  },
};
