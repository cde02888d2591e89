import { actingKey } from "@parom/core/access";
import { Hono, type Context } from "hono";
import { ApprovalInput, Approvals, OptimizationInput, Optimizations } from "@parom/core/hypothesis";
import type { WebEnv } from "../../../env.js";
import { attempt, formStatus, formValues, optionalText, parseForm } from "../../../forms.js";
import { formPost, needs } from "../../../guards.js";
import type { Problem } from "../../../components/form.js";
import type { Messages } from "../../../i18n/index.js";
import type { NoticeKey } from "../../../notice.js";
import { viewOf } from "../../../view.js";
import { hypothesisPage } from "../routes.js";

const actorOf = (c: Context<WebEnv>) => actingKey(c.var.principal);

/**
 * The approval form as the API's body; the new budget goes only with an approval (a rejection ignores
 * the field). Its field is `scaleBudget`, apart from the forecast's `budget` on the same page.
 */
const approvalBody = (f: Record<string, string>) => ({
  decision: f.decision ?? "",
  comment: optionalText(f.comment),
  budget: f.decision === "approve" ? optionalText(f.scaleBudget) : undefined,
});

/** Each problem of the approval form named by its field's label in the page's words (the budget by how an amount is written). */
function approvalInWords(problem: Problem, t: Messages): Problem {
  const labels: Record<string, string> = { comment: t.decisions.approval.comment, budget: t.edit.approvalBudget };
  return {
    ...problem,
    issues: problem.issues.map((issue) => {
      const message = issue.path === "budget" ? t.edit.badMoney : issue.message;
      const path = issue.path === "budget" ? "scaleBudget" : issue.path;
      return { path, message: labels[issue.path] ? `${labels[issue.path]}: ${message}` : message };
    }),
  };
}

/** Runs the form's verb; on success back to its section with a notice, on a refusal the page again with the reason at the form. */
async function submit<T>(
  c: Context<WebEnv>,
  form: "approval" | "optimization",
  act: (values: Record<string, string>) => Promise<T>,
  notice: (value: T) => NoticeKey,
) {
  const values = await formValues(c);
  const result = await attempt(() => act(values));
  if (!result.ok) {
    const problem = form === "approval" ? approvalInWords(result.problem, (await viewOf(c)).t) : result.problem;
    return hypothesisPage(c, { [form]: { values, problem } }, formStatus(result.kind));
  }
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
      (f) => Approvals.decide(c.var.ctx, c.req.param("id"), parseForm(ApprovalInput, approvalBody(f)), actorOf(c)),
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
