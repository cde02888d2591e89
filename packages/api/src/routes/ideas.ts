import { Hono } from "hono";
import { CreateIdeaInput, DropIdeaInput, iceScore, Ideas, IdeasQuery, PromoteIdeaInput, RescoreInput, type Idea } from "@parom/core/hypothesis";
import type { AppEnv } from "../env.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody, queryParams } from "../validate.js";
import { actorOf, readHypotheses, writeHypotheses } from "./hypothesis-access.js";
import { present as presentHypothesis } from "./hypotheses.js";

/** The API shape of an idea: its ICE scores with their product; `dropped` null while it is in the backlog. */
const present = <I extends Idea>({ dropped, ...idea }: I) => ({ ...idea, ice: { ...idea.ice, score: iceScore(idea.ice) }, dropped: dropped ?? null });

const idea = {
  description:
    "The idea: `{id, stage: \"idea\", title, statement, channel, ice: {impact, confidence, ease, score}, version, dropped, createdAt, updatedAt, createdBy, history}`; " +
    "`score` = impact x confidence x ease; `dropped` is `{at, by, reason}` once dropped, else null; `history` lists each re-score oldest first, " +
    "`{version, at, by, from: {impact, confidence, ease}, to: {...}, note?}` (the history comes with the idea, there is no separate route).",
};
const refusedWhenDropped = { 409: "The idea was dropped (`idea_dropped`), or changed meanwhile and kept changing (`version_conflict`)." };

export const ideaRoutes = new Hono<AppEnv>()
  .post(
    "/",
    writeHypotheses,
    describeRoute({
      summary: "Add an idea to the backlog (stage idea, scored by ICE)",
      description: "ICE: impact, confidence (how sure the team is it works; not the gate's `confidence`) and ease, each a whole number 1-10.",
      body: CreateIdeaInput,
      response: { ...idea, status: 201 },
    }),
    async (c) => {
      const input = await jsonBody(c, CreateIdeaInput);
      return c.json(present(await Ideas.create(c.var.ctx, input, actorOf(c))), 201);
    },
  )
  .get(
    "/",
    readHypotheses,
    describeRoute({
      summary: "The backlog: every idea, sorted by an ICE column",
      description:
        "`status`: open (the backlog, default) or dropped (the ideas decided against); `sort`: score (the product, default), impact, confidence or ease; " +
        "`order`: desc (default) or asc; ties newest first.",
      query: IdeasQuery,
      response: { description: "`{items: [idea]}`, each without its `history`." },
    }),
    async (c) => c.json({ items: (await Ideas.list(c.var.ctx, queryParams(c, IdeasQuery))).map(present) }),
  )
  .get("/:id", readHypotheses, describeRoute({ summary: "An idea, with its re-scores; a dropped one too", response: idea }), async (c) =>
    c.json(present(await Ideas.read(c.var.ctx, c.req.param("id")))),
  )
  .put(
    "/:id/ice",
    writeHypotheses,
    describeRoute({
      summary: "Score an idea again",
      description: "Keeps the change in the idea's `history` with who and when, and `note` if given; scores equal to the current ones change nothing.",
      body: RescoreInput,
      response: idea,
      errors: refusedWhenDropped,
    }),
    async (c) => {
      const input = await jsonBody(c, RescoreInput);
      return c.json(present(await Ideas.setIce(c.var.ctx, c.req.param("id"), input, actorOf(c))));
    },
  )
  .post(
    "/:id/drop",
    writeHypotheses,
    describeRoute({
      summary: "Drop an idea: decide not to test it",
      description: "The idea leaves the backlog and is listed with `status=dropped`; it stays readable with `dropped: {at, by, reason}`. There is no undo: add the idea again to reconsider it.",
      body: DropIdeaInput,
      response: idea,
      errors: { 409: "The idea was dropped already (`idea_dropped`)." },
    }),
    async (c) => {
      const input = await jsonBody(c, DropIdeaInput);
      return c.json(present(await Ideas.drop(c.var.ctx, c.req.param("id"), input, actorOf(c))));
    },
  )
  .post(
    "/:id/promotion",
    writeHypotheses,
    describeRoute({
      summary: "Promote an idea to a probe",
      description:
        "Supplies what a probe needs and an idea lacks (responsible, budget, probe window, targets; optionally currency, maturityDays, confidence). " +
        "The idea becomes a hypothesis in `probe` with the same id; its history records the move `idea -> probe` and who made it.",
      body: PromoteIdeaInput,
      response: { status: 201, description: "The hypothesis, as `GET /api/hypotheses/{id}` gives it." },
      errors: { 409: "The idea was promoted meanwhile (`idea_promoted`) or dropped (`idea_dropped`)." },
    }),
    async (c) => {
      const input = await jsonBody(c, PromoteIdeaInput);
      return c.json(presentHypothesis(await Ideas.promote(c.var.ctx, c.req.param("id"), input, actorOf(c))), 201);
    },
  );
