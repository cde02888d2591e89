import { Hono } from "hono";
import { formatKopecks } from "@parom/core";
import type { Approval } from "@parom/core/hypothesis";
import { ApprovalInput, Approvals, Hypotheses } from "@parom/core/hypothesis";
import { hypothesisGate, hypothesisKpis, KpiRangeQuery } from "@parom/core/kpi";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody, queryParams } from "../validate.js";
import { actorOf, readHypotheses } from "./hypothesis-access.js";

/** The API shape of a decision: the budget it scaled out with as a decimal string, as a hypothesis' budget is. */
const presentApproval = (approval: Approval) => ({ ...approval, budget: approval.budget === null ? null : formatKopecks(approval.budget) });

const approvalShape =
  "`{id, hypothesisId, decision, comment, budget, actor, at, stage, version, gate}`: `budget` is the new budget the approval scaled out with (a decimal string, like the hypothesis' `budget`), null when none was given; `gate` is the gate as it stood when the decision was taken.";

/**
 * GET /:id/kpis?from&to -> {kpis, maturing: {leads}, asOf, confidence}; GET /:id/gate -> the
 * scale-out gate; POST /:id/approvals {decision, comment?, budget?} (owner) -> 201 with the decision;
 * GET /:id/approvals -> {items} oldest first.
 */
export const hypothesisKpiRoutes = new Hono<AppEnv>()
  .get(
    "/:id/kpis",
    readHypotheses,
    describeRoute({
      summary: "A hypothesis' KPIs against its targets, with intervals and verdicts",
      description:
        "Across all its campaigns, from mature cohorts (leads younger than the maturity window are counted as maturing). CPL, CAC and ROMI name the days with leads of a paid campaign and no recorded spend (`spendMissing: {days}`) and stay `insufficient_data` until those days have spend (0 included).",
      query: KpiRangeQuery,
      response: { description: "`{kpis, maturing: {leads}, asOf, confidence}`" },
    }),
    async (c) => {
      const range = queryParams(c, KpiRangeQuery);
      return c.json(await hypothesisKpis(c.var.ctx, await Hypotheses.get(c.var.ctx, c.req.param("id")), range));
    },
  )
  .get(
    "/:id/gate",
    readHypotheses,
    describeRoute({
      summary: "The scale-out gate: passed only when every target is met",
      response: { description: "`{passed, confidence, kpis: [one row per target with its verdict], maturing: {leads}, asOf}`" },
    }),
    async (c) => c.json(await hypothesisGate(c.var.ctx, await Hypotheses.get(c.var.ctx, c.req.param("id")))),
  )
  .post(
    "/:id/approvals",
    allow("scale.approve"),
    describeRoute({
      summary: "Approve or reject scale-out",
      description: "Approval stores the gate snapshot and moves the hypothesis to scale in one transaction; an optional `budget` (approvals only) becomes its budget in that transaction, and the history entry of the move names the change.",
      body: ApprovalInput,
      response: { status: 201, description: `The decision: ${approvalShape}` },
      errors: { 409: "Not in optimization, the gate does not pass (`gate_not_passed`), or the hypothesis changed meanwhile." },
    }),
    async (c) => {
      const input = await jsonBody(c, ApprovalInput);
      return c.json(presentApproval(await Approvals.decide(c.var.ctx, c.req.param("id"), input, actorOf(c))), 201);
    },
  )
  .get(
    "/:id/approvals",
    readHypotheses,
    describeRoute({ summary: "Scale-out decisions, oldest first", response: { description: `\`{items}\`, each ${approvalShape}` } }),
    async (c) => c.json({ items: (await Approvals.list(c.var.ctx, c.req.param("id"))).map(presentApproval) }),
  );
