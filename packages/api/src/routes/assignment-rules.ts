import { Hono } from "hono";
import { AssignmentRuleInput, AssignmentRules } from "@parom/core/lead";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody } from "../validate.js";

const manage = allow("assignment.manage");
const rule = { description: "`{sourceId, mode, personIds, updatedAt}`; `mode` `none` (and `updatedAt` null) while the source has no rule." };

/** A source's assignment rule. Mounted at /api beside the sources' other routes, with its own permission. */
export const assignmentRuleRoutes = new Hono<AppEnv>()
  .get("/sources/:id/assignment", manage, describeRoute({ summary: "Who gets a source's new leads", response: rule }), async (c) =>
    c.json(await AssignmentRules.get(c.var.ctx, c.req.param("id"))),
  )
  .put(
    "/sources/:id/assignment",
    manage,
    describeRoute({
      summary: "Set who gets a source's new leads",
      description:
        "`{mode: \"round_robin\", personIds}` gives new leads to the lead managers in turn, `{mode: \"fixed\", personId}` to one lead manager, `{mode: \"none\"}` to nobody. A lead whose amoCRM `responsible_user_id` is one of a person's `crmUserIds` goes to that person whatever the rule.",
      body: AssignmentRuleInput,
      response: rule,
      errors: { 404: "A named person does not exist (`field` names it).", 400: "A named person is not a lead manager (`duty: \"leads\"`; the issue names the field)." },
    }),
    async (c) => c.json(await AssignmentRules.set(c.var.ctx, c.req.param("id"), await jsonBody(c, AssignmentRuleInput))),
  );
