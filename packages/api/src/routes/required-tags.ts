import { Hono, type Context } from "hono";
import { RequiredTags, RequiredTagsInput, type RequirementOwner } from "@parom/core/lead";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody } from "../validate.js";

const staff = allow("tags.manage");

const sourceOf = (c: Context<AppEnv>): RequirementOwner => ({ kind: "source", id: c.req.param("id")! });
const hypothesisOf = (c: Context<AppEnv>): RequirementOwner => ({ kind: "hypothesis", id: c.req.param("id")! });

const requirement = { description: "`{owner, fromStage, tags, updatedAt}`; without a requirement, no tags from `new`." };
const setSummary = "Require tags on the leads from a stage on (an empty list drops the requirement)";

/**
 * Tags a source's or a hypothesis' leads must carry from a stage on. Mounted at /api, so the
 * roles are checked per route: a sub-app-wide middleware would guard every /api path.
 */
export const requiredTagRoutes = new Hono<AppEnv>()
  .get("/sources/:id/required-tags", staff, describeRoute({ summary: "Tags a source's leads must carry", response: requirement }), async (c) =>
    c.json(await RequiredTags.get(c.var.ctx, sourceOf(c))),
  )
  .put("/sources/:id/required-tags", staff, describeRoute({ summary: setSummary, body: RequiredTagsInput, response: requirement }), async (c) =>
    c.json(await RequiredTags.set(c.var.ctx, sourceOf(c), await jsonBody(c, RequiredTagsInput))),
  )
  .get("/hypotheses/:id/required-tags", staff, describeRoute({ summary: "Tags a hypothesis' leads must carry", response: requirement }), async (c) =>
    c.json(await RequiredTags.get(c.var.ctx, hypothesisOf(c))),
  )
  .put("/hypotheses/:id/required-tags", staff, describeRoute({ summary: setSummary, body: RequiredTagsInput, response: requirement }), async (c) =>
    c.json(await RequiredTags.set(c.var.ctx, hypothesisOf(c), await jsonBody(c, RequiredTagsInput))),
  );
