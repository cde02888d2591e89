import type { FC } from "hono/jsx";
import type { CallbackOutcome } from "@parom/core/callbacks";
import { ConflictError, DomainError, InvalidInputError } from "@parom/core";
import { ChangeStageInput, leadStages, type ContactAttemptSummary, type LeadStage } from "@parom/core/lead";

type TagName = keyof View["t"]["decisions"]["quality"]["tags"];
import { Csrf, Field, Problems, Select, type FormState } from "../components/form.js";
import { optionalText, parseForm } from "../forms.js";
import { moneyText } from "../money-input.js";
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
export const StageForm: FC<{ v: View; leadId: string; stage: LeadStage; furthestStage: LeadStage; form: FormState }> = ({ v, leadId, stage, furthestStage, form }) => {
  const t = v.t.sales.lead;
  // The summary says what went wrong in words; each field's problem stands beside it (the summary's list would name fields by their codes).
  const summary: FormState = { ...form, problem: form.problem && { message: form.problem.message, issues: [] } };
  // A won deal is final (the domain refuses any other stage): its form only corrects the amount.
  const won = stage === "won";
  // A lead never moves back past the furthest stage it reached (a lost one is restored there or later), so earlier stages are not offered.
  const stages = won ? (["won"] as const) : leadStages.filter((s) => s === "lost" || leadStages.indexOf(s) >= leadStages.indexOf(furthestStage));
  return (
    <section aria-labelledby="stage-move">
      <h2 id="stage-move">{t.stageTitle}</h2>
      <Problems v={v} state={summary} />
      {won && <p class="muted">{t.final}</p>}
      <form method="post" action={`/leads/${leadId}/stage`} class="filters">
        <Csrf v={v} />
        <Select state={form} name="stage" label={t.stage} value={stage} options={stages.map((s) => ({ value: s, label: v.t.leadStage[s] }))} />
        <Field state={form} name="amount" label={t.amount} />
        {!won && <Field state={form} name="lostReason" label={t.lostReason} />}
        <button type="submit">{t.move}</button>
      </form>
    </section>
  );
};

/** The stage form's values as the API's input. */
export const stageFields = (values: Record<string, string>) =>
  parseForm(ChangeStageInput, { stage: values.stage, amount: moneyText(values.amount), lostReason: optionalText(values.lostReason) });

/**
 * Runs a stage move, telling its refusals in the page's language: missing required tags, a move
 * back or off a won deal by the stages' and tags' names, and a missing or misplaced amount or
 * reason beside its field. Other refusals keep the API's words.
 */
export async function inPageWords<T>(v: View, stage: string | undefined, move: () => Promise<T>): Promise<T> {
  const t = v.t.sales.lead;
  const stageName = (s: unknown) => v.t.leadStage[s as LeadStage] ?? String(s);
  try {
    return await move();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const details = error.details as { stage?: LeadStage; missing?: TagName[]; from?: LeadStage; to?: LeadStage; furthestStage?: LeadStage };
    if (error.code === "required_tags_missing") {
      const tags = (details.missing ?? []).map((tag) => v.t.decisions.quality.tags[tag]).join(", ");
      throw new ConflictError(error.code, t.tagsMissing(stageName(details.stage), tags), error.details);
    }
    if (error.code === "stage_backwards") throw new ConflictError(error.code, t.backwards(stageName(details.furthestStage), stageName(details.to)), error.details);
    if (error.code === "stage_final") throw new ConflictError(error.code, t.final, error.details);
    if (error instanceof InvalidInputError) {
      const issues = error.issues.map((issue) =>
        issue.path === "amount"
          ? { ...issue, message: stage === "won" ? t.amountForWon : t.amountOnlyWon }
          : issue.path === "lostReason"
            ? { ...issue, message: stage === "lost" ? t.reasonForLost : t.reasonOnlyLost }
            : issue,
      );
      throw new InvalidInputError(t.fixFields, issues);
    }
    throw error;
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
