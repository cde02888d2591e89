import type { Context } from "hono";
import type { FC } from "hono/jsx";
import { actorOf } from "@parom/core/access";
import { lostReasonCategories, type Lead } from "@parom/core/lead";
import { QualityReviewInput, QualityReviews } from "@parom/core/quality";
import { Csrf, Problems, Select, TextArea, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues, optionalText, parseForm } from "../forms.js";
import type { View } from "../view.js";

/**
 * The quality review of a lost lead (quality.review), POST /api/leads/{id}/quality-review's page twin:
 * the current finding with who and when, and the form while the lead is lost (a review of any other
 * stage is refused, so the form is not offered).
 */
export const QualityReviewSection: FC<{ v: View; lead: Lead; who: (actor: string) => string; form: FormState }> = ({ v, lead, who, form }) => {
  const t = v.t.review;
  const review = lead.qualityReview;
  return (
    <section aria-labelledby="review">
      <h2 id="review">{t.title}</h2>
      <p id="review-current">
        {review ? t.current(t.findings[review.lostReasonCategory], who(review.actor), v.fmt.dateTime(review.at)) : t.none}
        {review?.note && (
          <>
            {" "}
            <q>{review.note}</q>
          </>
        )}
      </p>
      <Problems v={v} state={form} labels={{ lostReasonCategory: t.finding, note: t.note }} />
      {lead.stage === "lost" ? (
        <form method="post" action={`/leads/${lead.id}/quality-review`}>
          <Csrf v={v} />
          <p class="muted">{t.intro}</p>
          <Select
            state={form}
            name="lostReasonCategory"
            label={t.finding}
            value={review?.lostReasonCategory}
            options={lostReasonCategories.map((category) => ({ value: category, label: t.findings[category] }))}
          />
          <TextArea state={form} name="note" label={t.note} value={review?.note ?? ""} rows={2} />
          <button type="submit">{t.submit}</button>
        </form>
      ) : (
        <p class="muted">{t.notLost}</p>
      )}
    </section>
  );
};

/** Records the review as the API does; a refusal (the lead is no longer lost) is shown at the form in the page's words. */
export async function reviewLead(c: Context<WebEnv>, rerender: (form: FormState, status: 400 | 404 | 409 | 422) => Promise<Response>) {
  const id = c.req.param("id")!;
  const values = await formValues(c);
  const input = () => parseForm(QualityReviewInput, { lostReasonCategory: values.lostReasonCategory, note: optionalText(values.note) });
  const result = await attempt(async () => QualityReviews.review(c.var.ctx, id, input(), actorOf(c.var.principal).actor));
  if (!result.ok) return rerender({ values, problem: result.problem }, formStatus(result.kind, "not_found"));
  return c.redirect(`/leads/${id}#review`, 303);
}
