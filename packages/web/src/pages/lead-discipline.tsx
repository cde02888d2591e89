import type { FC } from "hono/jsx";
import type { CallbackOutcome } from "@parom/core/callbacks";
import { ConflictError, DomainError } from "@parom/core";
import { ChangeStageInput, leadStages, type ContactAttemptSummary, type LeadStage } from "@parom/core/lead";
import { Csrf, Field, Problems, Select, type FormState } from "../components/form.js";
import { optionalText, parseForm } from "../forms.js";
import type { View } from "../view.js";

/**
 * A person's name for the page; null for a key bound to nobody, whose name (the owner's key is
 * "owner") is no word of the page's language.
 */
export const personName = (by: { personId: string | null; name?: string | null; by?: string | null } | null) => (by?.personId ? (by.name ?? by.by ?? null) : null);

/** The first contact attempt in words: how long after arrival, in working time too, and by whom. */
export const FirstContact: FC<{ v: View; summary: ContactAttemptSummary }> = ({ v, summary }) => {
  const t = v.t.sales.lead;
  if (summary.firstContactMinutes === null) return <p class="muted">{t.noFirstContact}</p>;
  return <p id="first-contact">{t.firstContact(Math.max(0, summary.firstContactMinutes), summary.firstContactWorkingMinutes ?? 0, personName(summary.firstBy))}</p>;
};

/** The form that moves a lead to a stage, as PATCH /api/leads/{id} {stage} does. */
export const StageForm: FC<{ v: View; leadId: string; form: FormState }> = ({ v, leadId, form }) => {
  const t = v.t.sales.lead;
  return (
    <section aria-labelledby="stage-move">
      <h2 id="stage-move">{t.stageTitle}</h2>
      <Problems v={v} state={form} />
      <form method="post" action={`/leads/${leadId}/stage`} class="filters">
        <Csrf v={v} />
        <Select state={form} name="stage" label={t.stage} options={leadStages.map((s) => ({ value: s, label: v.t.leadStage[s] }))} />
        <Field state={form} name="amount" label={t.amount} />
        <Field state={form} name="lostReason" label={t.lostReason} />
        <button type="submit">{t.move}</button>
      </form>
    </section>
  );
};

/** The stage form's values as the API's input. */
export const stageFields = (values: Record<string, string>) =>
  parseForm(ChangeStageInput, { stage: values.stage, amount: optionalText(values.amount), lostReason: optionalText(values.lostReason) });

/**
 * Runs a stage move, telling a refusal for missing required tags in the page's language: the
 * stage and the tags by their names, not the API's codes.
 */
export async function inPageWords<T>(v: View, move: () => Promise<T>): Promise<T> {
  try {
    return await move();
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "required_tags_missing") throw error;
    const { stage, missing } = error.details as { stage: LeadStage; missing: Array<keyof View["t"]["decisions"]["quality"]["tags"]> };
    const tags = missing.map((tag) => v.t.decisions.quality.tags[tag]).join(", ");
    throw new ConflictError(error.code, v.t.sales.lead.tagsMissing(v.t.leadStage[stage], tags), error.details);
  }
}

/** The head of sales' call-backs of this lead. */
export const CallbackOutcomes: FC<{ v: View; outcomes: CallbackOutcome[] }> = ({ v, outcomes }) => {
  if (outcomes.length === 0) return null;
  const t = v.t.sales;
  return (
    <section aria-labelledby="callbacks">
      <h2 id="callbacks">{t.lead.callbacks}</h2>
      <ol class="history">
        {outcomes.map((o) => (
          <li>
            <time datetime={o.at}>{v.fmt.dateTime(o.at)}</time> — {t.lead.callback(t.queue.results[o.result], personName(o))}
            {o.note && <> <q>{o.note}</q></>}
          </li>
        ))}
      </ol>
    </section>
  );
};
