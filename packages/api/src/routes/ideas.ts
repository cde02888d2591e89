import { Hono } from "hono";
import { CreateIdeaInput, iceScore, IceInput, Ideas, IdeasQuery, PromoteIdeaInput, type Idea } from "@parom/core/hypothesis";
import type { AppEnv } from "../env.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody, queryParams } from "../validate.js";
import { actorOf, readHypotheses, writeHypotheses } from "./hypothesis-access.js";
import { present as presentHypothesis } from "./hypotheses.js";

/** The API shape of an idea: its ICE scores with their product. */
const present = (idea: Idea) => ({ ...idea, ice: { ...idea.ice, score: iceScore(idea.ice) } });

const idea = { description: "The idea: `{id, stage: \"idea\", title, statement, channel, ice: {impact, confidence, ease, score}, createdAt, updatedAt, createdBy}`; `score` = impact x confidence x ease." };

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
      description: "`sort`: score (the product, default), impact, confidence or ease; `order`: desc (default) or asc; ties newest first.",
      query: IdeasQuery,
      response: { description: "`{items: [idea]}`" },
    }),
    async (c) => c.json({ items: (await Ideas.list(c.var.ctx, queryParams(c, IdeasQuery))).map(present) }),
  )
  .get("/:id", readHypotheses, describeRoute({ summary: "An idea", response: idea }), async (c) =>
    c.json(present(await Ideas.get(c.var.ctx, c.req.param("id")))),
  )
  .put("/:id/ice", writeHypotheses, describeRoute({ summary: "Score an idea again", body: IceInput, response: idea }), async (c) => {
    const input = await jsonBody(c, IceInput);
    return c.json(present(await Ideas.setIce(c.var.ctx, c.req.param("id"), input)));
  })
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
      errors: { 409: "The idea was promoted meanwhile (`idea_promoted`)." },
    }),
    async (c) => {
      const input = await jsonBody(c, PromoteIdeaInput);
      return c.json(presentHypothesis(await Ideas.promote(c.var.ctx, c.req.param("id"), input, actorOf(c))), 201);
    },
  );
