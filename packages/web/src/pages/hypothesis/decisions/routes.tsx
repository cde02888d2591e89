import { actingKey } from "@parom/core/access";
import { Hono, type Context } from "hono";
import { ApprovalInput, Approvals } from "@parom/core/kpi";
import { OptimizationInput, Optimizations } from "@parom/core/optimization";
import type { WebEnv } from "../../../env.js";
import { attempt, formStatus, formValues, optionalText, parseForm } from "../../../forms.js";
import { formPost, needs } from "../../../guards.js";
import type { NoticeKey } from "../../../notice.js";
import { hypothesisPage } from "../routes.js";

const actorOf = (c: Context<WebEnv>) => actingKey(c.var.principal);

/** Runs the form's verb; on success back to its section with a notice, on a refusal the page again with the reason at the form. */
async function submit<T>(
  c: Context<WebEnv>,
  form: "approval" | "optimization",
  act: (values: Record<string, string>) => Promise<T>,
  notice: (value: T) => NoticeKey,
) {
  const values = await formValues(c);
  const result = await attempt(() => act(values));
  if (!result.ok) return hypothesisPage(c, { [form]: { values, problem: result.problem } }, formStatus(result.kind));
  const anchor = form === "approval" ? "approval" : "optimizations";
  return c.redirect(`/hypotheses/${c.req.param("id")}?notice=${notice(result.value)}#${anchor}`, 303);
}

/**
 * The hypothesis page's decision forms, with the API's role rules: approvals by the owner only
 * (anyone else gets 403 before the form is read), optimizations by owners and marketers.
 */
export const decisionRoutes = new Hono<WebEnv>()
  .post("/hypotheses/:id/approvals", ...needs("scale.approve"), ...formPost, (c) =>
    submit(
      c,
      "approval",
      (f) => Approvals.decide(c.var.ctx, c.req.param("id"), parseForm(ApprovalInput, { decision: f.decision ?? "", comment: optionalText(f.comment) }), actorOf(c)),
      (approval) => (approval.decision === "approve" ? "approved" : "rejected"),
    ),
  )
  .post("/hypotheses/:id/optimizations", ...needs("hypotheses.write"), ...formPost, (c) =>
    submit(
      c,
      "optimization",
      (f) =>
        Optimizations.record(
          c.var.ctx,
          c.req.param("id"),
          parseForm(OptimizationInput, { area: f.area ?? "", change: f.change ?? "", startedOn: f.startedOn ?? "" }),
          actorOf(c),
        ),
      () => "optimizationRecorded",
    ),
  );
