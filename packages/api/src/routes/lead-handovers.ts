import { Hono } from "hono";
import { actorOf } from "@parom/core/access";
import { HandoverInput, Handovers } from "@parom/core/lead";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { ownLeadOnly } from "../middleware/lead-scope.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody } from "../validate.js";

const handover = "`{id, leadId, from, to, at, until, reason, actor, actorName, active, returnedAt}`";

/** Hand-overs of a lead; mounted at /api/leads ahead of the lead routes. */
export const leadHandoverRoutes = new Hono<AppEnv>()
  // As every /api/leads/{id} route: another person's lead is a missing one for a manager.
  .use("/:id/handovers", ownLeadOnly)
  .post(
    "/:id/handovers",
    allow("leads.assign"),
    describeRoute({
      summary: "Hand a lead over to another person, for good or until a time",
      description: "The lead goes to `to` now; with `until` it returns by itself to its person then (a sweep runs every 5 minutes; reads show it returned at once).",
      body: HandoverInput,
      response: { description: handover, status: 201 },
      errors: { 400: "`until` not in the future, or `to` is the lead's person already (the issue names the field).", 404: "No such lead, or no person `to` (`field`)." },
    }),
    async (c) => c.json(await Handovers.create(c.var.ctx, c.req.param("id"), await jsonBody(c, HandoverInput), actorOf(c.var.principal)), 201),
  )
  .get(
    "/:id/handovers",
    allow("leads.read"),
    describeRoute({ summary: "A lead's hand-overs, oldest first", response: { description: `\`{items: [${handover}]}\`` } }),
    async (c) => c.json({ items: await Handovers.list(c.var.ctx, c.req.param("id")) }),
  );
