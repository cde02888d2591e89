import { Hono } from "hono";
import type { FC } from "hono/jsx";
import { actingKey } from "@parom/core/access";
import { newId } from "@parom/core";
import { outboxMailer, type ReportResend, ReportResends } from "@parom/core/report";
import { actorLabel } from "../actor-label.js";
import { Csrf, Problems } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { viewOf, type View } from "../view.js";

/**
 * The "send again" button of one kept report. Its one-time key is made with the page, so a double
 * click or a resubmitted form sends once; the next page view gives the button a new key.
 */
export const ResendForm: FC<{ v: View; reportId: string; report: string }> = ({ v, reportId, report }) => (
  <form method="post" action={`/reports/${reportId}/resend`} class="inline" aria-label={v.t.resend.label(report)}>
    <Csrf v={v} />
    <input type="hidden" name="requestKey" value={newId()} />
    <button type="submit" class="secondary">
      {v.t.resend.button}
    </button>
  </form>
);

/** A report's resends in words: when, to whom, by whom (the owner's key by its role, not its stored name "owner"). */
export const ResendLines: FC<{ v: View; resends: ReportResend[] }> = ({ v, resends }) =>
  resends.length === 0 ? null : (
    <ul class="muted">
      {resends.map((r) => (
        <li>{v.t.resend[r.status](v.fmt.dateTime(r.at), actorLabel(v.t, r.actor), r.recipient)}</li>
      ))}
    </ul>
  );

/**
 * Sends one kept report again, as POST /api/reports/{id}/resend does (reports.run), then back to the
 * contractor's card where the resend is listed; a refusal (no address now) is told in words.
 */
export const reportResendRoutes = new Hono<WebEnv>().post("/reports/:id/resend", ...needs("reports.run"), ...formPost, async (c) => {
  const { ctx } = c.var;
  const { requestKey } = await formValues(c);
  const options = { requestKey: requestKey || undefined, actor: actingKey(c.var.principal), send: (c.var.web.mailer ?? outboxMailer(ctx)).send };
  const result = await attempt(() => ReportResends.resend(ctx, c.req.param("id"), options));
  if (result.ok) return c.redirect(`/contractors#contractor-${result.value.resend.contractorId}`, 303);
  const v = await viewOf(c);
  return c.html(
    <Page v={v} title={v.t.resend.refusedTitle}>
      <Problems v={v} state={{ values: {}, problem: result.problem }} named />
      <a href="/contractors">{v.t.resend.back}</a>
    </Page>,
    formStatus(result.kind, "not_found") as 400 | 404 | 409 | 422,
  );
});
