import { Hono } from "hono";
import { CreateCampaignInput } from "@parom/core/campaign";
import type { Hypothesis } from "@parom/core/hypothesis";
import { CreateHypothesisInput, EditHypothesisInput, Hypotheses, HypothesisEdits, Rules, RulesInput, TransitionInput } from "@parom/core/hypothesis";
import { formatKopecks } from "@parom/core";
import type { AppEnv } from "../env.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody } from "../validate.js";
import { actorOf, readHypotheses, writeHypotheses } from "./hypothesis-access.js";

/** The API shape of a hypothesis: money as decimal strings. */
export function present({ targetChanges: _marks, ...hypothesis }: Hypothesis) {
  // Target-change marks are shown where they matter, on the KPI rows (GET /{id}/kpis).
  const { cplMax, cacMax, ...rates } = hypothesis.targets;
  return {
    ...hypothesis,
    budget: formatKopecks(hypothesis.budget),
    targets: {
      ...(cplMax !== undefined ? { cplMax: formatKopecks(cplMax) } : {}),
      ...(cacMax !== undefined ? { cacMax: formatKopecks(cacMax) } : {}),
      ...rates,
    },
  };
}

const hypothesis = { description: "The hypothesis: statement, channel, budget and targets (money as decimal strings), stage, version." };

export const hypothesisRoutes = new Hono<AppEnv>()
  .post(
    "/",
    writeHypotheses,
    describeRoute({ summary: "Create a hypothesis (it starts in probe)", body: CreateHypothesisInput, response: { ...hypothesis, status: 201 } }),
    async (c) => {
      const input = await jsonBody(c, CreateHypothesisInput);
      return c.json(present(await Hypotheses.create(c.var.ctx, input, actorOf(c))), 201);
    },
  )
  .get("/", readHypotheses, describeRoute({ summary: "List hypotheses", response: { description: "`{items: [hypothesis]}`" } }), async (c) =>
    c.json({ items: (await Hypotheses.list(c.var.ctx)).map(present) }),
  )
  .get("/:id", readHypotheses, describeRoute({ summary: "A hypothesis", response: hypothesis }), async (c) =>
    c.json(present(await Hypotheses.get(c.var.ctx, c.req.param("id")))),
  )
  .patch(
    "/:id",
    writeHypotheses,
    describeRoute({
      summary: "Edit a hypothesis: title, statement, channel, responsible, budget, probe window, targets, maturity, confidence",
      description:
        "Send only the fields to change, the `version` you read as `expectedVersion` and why in `reason`; `targets` replaces the whole set. The channel may change while the hypothesis has campaigns (each keeps its own UTM source); the history shows the move. One history entry keeps who, why and each field's before and after. A target changed once leads have arrived is marked on its KPI row (`targetChangedAt`, `previousTarget`).",
      body: EditHypothesisInput,
      response: hypothesis,
      errors: {
        400: "A field is invalid, `reason` is missing, no field to change is named, or every field already holds its value (`nothing_changed`).",
        409: "The hypothesis changed since `expectedVersion` (`version_conflict` with `currentVersion`), or it is closed (`hypothesis_closed`).",
      },
    }),
    async (c) => {
      const input = await jsonBody(c, EditHypothesisInput);
      return c.json(present(await HypothesisEdits.edit(c.var.ctx, c.req.param("id"), input, actorOf(c))));
    },
  )

  .post(
    "/:id/transitions",
    writeHypotheses,
    describeRoute({
      summary: "Move a hypothesis to another stage",
      description: "Guards refuse a move whose conditions are unmet and name them; scale-out goes through the owner's approval instead.",
      body: TransitionInput,
      response: { description: "`{stage, version}`" },
      errors: {
        409: "Refused (`transition_refused` with `unmet`; leaving analysis without a `reason` while targets are short of data also names them in `undecided`), or the hypothesis changed meanwhile (`version_conflict`).",
      },
    }),
    async (c) => {
      const input = await jsonBody(c, TransitionInput);
      return c.json(await Hypotheses.transition(c.var.ctx, c.req.param("id"), input, actorOf(c)));
    },
  )
  .get(
    "/:id/history",
    readHypotheses,
    describeRoute({
      summary: "A hypothesis' history: creation, stage moves, rules and optimizations",
      response: { description: "`{items}` oldest first" },
    }),
    async (c) => c.json({ items: await Hypotheses.history(c.var.ctx, c.req.param("id")) }),
  )

  .put(
    "/:id/rules",
    writeHypotheses,
    describeRoute({
      summary: "Write the rules of lead handling (a new version each time)",
      body: RulesInput,
      response: { description: "The written version, with the hypothesis' new version." },
      errors: { 409: "The hypothesis is closed, or changed meanwhile." },
    }),
    async (c) => {
      const input = await jsonBody(c, RulesInput);
      return c.json(await Rules.write(c.var.ctx, c.req.param("id"), input, actorOf(c)));
    },
  )
  // The current rules (null before any are written) and every version, oldest first.
  .get(
    "/:id/rules",
    readHypotheses,
    describeRoute({
      summary: "The current rules and every version",
      response: { description: "`{current, versions}`; `current` is null before any are written." },
    }),
    async (c) => {
      const versions = await Rules.versions(c.var.ctx, c.req.param("id"));
      return c.json({ current: versions.at(-1) ?? null, versions });
    },
  )

  .post(
    "/:id/campaigns",
    writeHypotheses,
    describeRoute({
      summary: "Add a campaign (a UTM pair, optionally a contractor) to a hypothesis",
      body: CreateCampaignInput,
      response: { status: 201, description: "The campaign." },
      errors: { 409: "The hypothesis is closed, or the UTM pair belongs to another campaign (`utm_taken`)." },
    }),
    async (c) => {
      const input = await jsonBody(c, CreateCampaignInput);
      return c.json(await Hypotheses.addCampaign(c.var.ctx, c.req.param("id"), input), 201);
    },
  )
  .get(
    "/:id/campaigns",
    readHypotheses,
    describeRoute({ summary: "A hypothesis' campaigns", response: { description: "`{items: [campaign]}`" } }),
    async (c) => c.json({ items: await Hypotheses.campaigns(c.var.ctx, c.req.param("id")) }),
  );
