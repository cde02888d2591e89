import { Hono } from "hono";
import { ContactAttemptInput, ContactAttempts } from "../../../core/src/lead/contact-attempts.js";
import { ChangeStageInput, Outcomes } from "../../../core/src/lead/outcomes.js";
import { ImportRequest, importLeads } from "../../../core/src/lead/import.js";
import { Leads, ListLeadsQuery, toLead } from "../../../core/src/lead/query.js";
import { LeadTagging, LeadTagsInput } from "../../../core/src/lead/tags.js";
import { QualityReviewInput, QualityReviews } from "../../../core/src/quality/review.js";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { jsonBody, queryParams } from "../validate.js";

export const leadRoutes = new Hono<AppEnv>()
  .use(allow("owner", "marketer"))
  .get("/", async (c) => c.json(await Leads.list(c.var.ctx, queryParams(c, ListLeadsQuery))))
  .post("/import", async (c) => c.json(await importLeads(c.var.ctx, await jsonBody(c, ImportRequest), `key:${c.var.principal.keyId}`)))
  .get("/:id", async (c) => c.json(await Leads.get(c.var.ctx, c.req.param("id"))))
  .patch("/:id", async (c) => {
    const input = await jsonBody(c, ChangeStageInput);
    const { item } = await Outcomes.changeStage(c.var.ctx, c.req.param("id"), input, `key:${c.var.principal.keyId}`);
    return c.json(toLead(item));
  })
  .get("/:id/history", async (c) => c.json({ items: await Outcomes.history(c.var.ctx, c.req.param("id")) }))
  .post("/:id/contact-attempts", async (c) => {
    const input = await jsonBody(c, ContactAttemptInput);
    const { attempt, stageChange, lead } = await ContactAttempts.record(c.var.ctx, c.req.param("id"), input, `key:${c.var.principal.keyId}`);
    return c.json({ attempt, stageChange, lead: toLead(lead) }, 201);
  })
  .get("/:id/contact-attempts", async (c) => c.json({ items: await ContactAttempts.list(c.var.ctx, c.req.param("id")) }))
  .put("/:id/tags", async (c) => c.json(toLead(await LeadTagging.set(c.var.ctx, c.req.param("id"), await jsonBody(c, LeadTagsInput)))))
  .post("/:id/quality-review", async (c) => {
    const input = await jsonBody(c, QualityReviewInput);
    return c.json(toLead(await QualityReviews.review(c.var.ctx, c.req.param("id"), input, `key:${c.var.principal.keyId}`)));
  });
