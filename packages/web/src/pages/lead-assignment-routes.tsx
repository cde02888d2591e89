import { Hono, type Context } from "hono";
import { zonedInstant } from "@parom/core";
import { actorOf } from "@parom/core/access";
import { assignLead, HandoverInput, Handovers } from "@parom/core/lead";
import { emptyForm } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues, optionalText, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { leadPage } from "./leads.js";

async function assign(c: Context<WebEnv>) {
  const id = c.req.param("id")!;
  const values = await formValues(c);
  const result = await attempt(() => assignLead(c.var.ctx, id, optionalText(values.assigneeId) ?? null));
  if (!result.ok) return leadPage(c, emptyForm, formStatus(result.kind) as 400 | 409, { assignment: { assign: { values, problem: result.problem } } });
  return c.redirect(`/leads/${id}#assignment`, 303);
}

async function handOver(c: Context<WebEnv>) {
  const id = c.req.param("id")!;
  const values = await formValues(c);
  const until = optionalText(values.until);
  const input = { to: values.to, reason: values.reason, ...(until ? { until: zonedInstant(until, c.var.ctx.timeZone)?.toISOString() ?? until } : {}) };
  const result = await attempt(() => Handovers.create(c.var.ctx, id, parseForm(HandoverInput, input), actorOf(c.var.principal)));
  if (!result.ok) return leadPage(c, emptyForm, formStatus(result.kind, "not_found") as 400 | 404 | 409, { assignment: { handover: { values, problem: result.problem } } });
  return c.redirect(`/leads/${id}#assignment`, 303);
}

/** The lead page's forms for the head of sales and the owner (leads.assign), as PATCH /api/leads/{id} and POST /api/leads/{id}/handovers. */
export const leadAssignmentRoutes = new Hono<WebEnv>()
  .post("/leads/:id/assignee", ...needs("leads.assign"), ...formPost, assign)
  .post("/leads/:id/handovers", ...needs("leads.assign"), ...formPost, handOver);
