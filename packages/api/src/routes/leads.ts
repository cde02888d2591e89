import { Hono } from "hono";
import { actorOf, can, rolesWith } from "@parom/core/access";
import { ForbiddenError } from "@parom/core";
import { assignLead, attemptMaker, isAssignment, UpdateLeadInput, ContactAttemptInput, ContactAttempts, Leads, LeadTagging, LeadTagsInput, ListLeadsQuery, Outcomes, toLead } from "@parom/core/lead";
import { importLeads, ImportRequest } from "@parom/core/intake";
import { QualityReviewInput, QualityReviews } from "@parom/core/quality";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { ownLeadOnly } from "../middleware/lead-scope.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody, queryParams } from "../validate.js";

const lead = { description: "The lead: contact fields, attribution, stage, amount, tags, contact attempts, quality review." };

export const leadRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allow("leads.read"),
    describeRoute({
      summary: "List leads, newest first",
      description:
        "A manager's key lists only the leads assigned to them (the filters narrow within those); a hand-over whose `until` has passed counts as returned, swept or not. A marketer sees phones and e-mails " +
        "masked to the last two digits and the top-level domain (`+•••••••••67`, `i•••@•••.ru`); the whole contact is on one lead (`GET /api/leads/{id}`).",
      query: ListLeadsQuery,
      response: { description: "`{items: [lead], nextCursor}`" },
    }),
    async (c) => c.json(await Leads.list(c.var.ctx, c.var.principal, queryParams(c, ListLeadsQuery))),
  )
  .post(
    "/import",
    allow("leads.import"),
    describeRoute({
      summary: "Import past leads with their outcomes",
      description:
        "Up to 1,000 leads per call, each a `json` source lead plus `createdAt` and, for a closed deal, `stage`, `amount`, " +
        "`lostReason`, `closedAt`. Each lead is checked and stored on its own; a lead already imported (same `externalId`, or same content) " +
        "counts as a duplicate, so running a call again never doubles anything. `rows` says what became of every lead by its position: " +
        "`stored` or `duplicate` with its `leadId`, `rejected` with its `issues` (an id or UTM value too long to store is one), or `failed` " +
        "with an `error` when storing it failed on the server's side.",
      body: ImportRequest,
      response: {
        description:
          "200 when every lead was stored, a duplicate or rejected: `{imported, duplicates, rejected: [{index, issues}], failed: 0, rows: [{index, outcome, leadId | issues | error}]}`.",
      },
      errors: { 503: "Some leads failed to be stored (`failed` > 0); the body is the same per-row report: run the call again for them." },
    }),
    async (c) => {
      const result = await importLeads(c.var.ctx, await jsonBody(c, ImportRequest), `key:${c.var.principal.keyId}`);
      // A client that only reads the status retries a call with failed rows; the rows stored already come back as duplicates.
      return c.json(result, result.failed > 0 ? 503 : 200);
    },
  )
  // Every route under /:id from here on: a manager's key reaches only their own leads (fixed paths such as /import come before).
  .use("/:id", ownLeadOnly)
  .use("/:id/*", ownLeadOnly)
  .get(
    "/:id",
    allow("leads.read"),
    describeRoute({
      summary: "A lead, with its whole contact",
      description: "A marketer's or the head of sales' view is written to the access log of contacts (`GET /api/contact-views`).",
      response: lead,
    }),
    async (c) => c.json(await Leads.get(c.var.ctx, c.var.principal, c.req.param("id"), "api")),
  )
  .patch(
    "/:id",
    allow("leads.work"),
    describeRoute({
      summary: "Move a lead to a stage (won with an amount, lost with a reason), or assign it",
      description: "`{stage, amount?, lostReason?}` moves it; `{assigneeId}` (the head of sales or the owner) gives it to a person, `null` to nobody.",
      body: UpdateLeadInput,
      response: lead,
      errors: {
        409: "`required_tags_missing`: the stage needs tags the lead lacks (`details.missing`); or `version_conflict`.",
        403: "`assigneeId` from a role that may not assign leads.",
        404: "The lead, or the person named, does not exist.",
      },
    }),
    async (c) => {
      const input = await jsonBody(c, UpdateLeadInput);
      if (isAssignment(input)) {
        if (!can(c.var.principal, "leads.assign")) throw new ForbiddenError(`assigning a lead needs the ${rolesWith("leads.assign").join(" or ")} role`);
        return c.json(toLead(await assignLead(c.var.ctx, c.req.param("id"), input.assigneeId)));
      }
      const { item } = await Outcomes.changeStage(c.var.ctx, c.req.param("id"), input, actorOf(c.var.principal));
      return c.json(await Leads.shown(c.var.ctx, item));
    },
  )
  .get(
    "/:id/history",
    allow("leads.read"),
    describeRoute({
      summary: "A lead's stage changes, oldest first",
      response: {
        description: "`{items}`: `{at, from, to, amount?, lostReason?, actor, actorName}`; `actorName` is who acted in words (null for a CRM or a key without a name)",
      },
    }),
    async (c) => c.json({ items: await Outcomes.history(c.var.ctx, c.req.param("id")) }),
  )
  .post(
    "/:id/contact-attempts",
    allow("leads.work"),
    describeRoute({
      summary: "Record a contact attempt",
      description:
        "The fifth unanswered attempt loses the lead as `no_contact` if the attempts span 2 days and 2 times of day, and is refused " +
        "otherwise. Reaching a lost lead restores it.",
      body: ContactAttemptInput,
      response: { status: 201, description: "`{attempt, stageChange, lead}`" },
      errors: { 409: "`contact_attempts_not_spread` (naming what is missing) or `version_conflict`.", 422: "`at` is not a usable time." },
    }),
    async (c) => {
      const input = await jsonBody(c, ContactAttemptInput);
      const { attempt, stageChange, lead } = await ContactAttempts.record(c.var.ctx, c.req.param("id"), input, `key:${c.var.principal.keyId}`, attemptMaker(c.var.principal));
      return c.json({ attempt, stageChange, lead: await Leads.shown(c.var.ctx, lead) }, 201);
    },
  )
  .get(
    "/:id/contact-attempts",
    allow("leads.read"),
    describeRoute({ summary: "A lead's contact attempts", response: { description: "`{items}`" } }),
    async (c) => c.json({ items: await ContactAttempts.list(c.var.ctx, c.req.param("id")) }),
  )
  .put("/:id/tags", allow("leads.work"), describeRoute({ summary: "Set a lead's tags", body: LeadTagsInput, response: lead }), async (c) =>
    c.json(await Leads.shown(c.var.ctx, await LeadTagging.set(c.var.ctx, c.req.param("id"), await jsonBody(c, LeadTagsInput)))),
  )
  .post(
    "/:id/quality-review",
    allow("quality.review"),
    describeRoute({
      summary: "Mark a lost lead as lost by the manager",
      description: "Moves the lead's count among the funnel's lost reasons to `manager`.",
      body: QualityReviewInput,
      response: lead,
      errors: { 409: "The lead is not lost (`lead_not_lost`), or kept changing (`version_conflict`)." },
    }),
    async (c) => {
      const input = await jsonBody(c, QualityReviewInput);
      return c.json(await Leads.shown(c.var.ctx, await QualityReviews.review(c.var.ctx, c.req.param("id"), input, `key:${c.var.principal.keyId}`)));
    },
  );
