import type { FC } from "hono/jsx";
import { InvalidInputError } from "@parom/core";
import { clientTypes, LeadTagsInput, type Lead } from "@parom/core/lead";
import { Csrf, Field, Problems, Select, type FormState } from "../components/form.js";
import { optionalNumber, optionalText } from "../forms.js";
import type { Messages } from "../i18n/index.js";
import type { View } from "../view.js";

/**
 * Who the client is, as a form for those who work the lead (leads.work): a stage that requires tags refuses
 * the move naming them, so the page must let the same person set them.
 */
export const LeadTagsSection: FC<{ v: View; lead: Lead; form: FormState }> = ({ v, lead, form }) => {
  const t = v.t.tags;
  const tags = lead.tags;
  // The summary says what went wrong in words; each field's problem stands beside it (the summary's list would name fields by their codes).
  const summary: FormState = { ...form, problem: form.problem && { message: form.problem.message, issues: [] } };
  const shown = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));
  return (
    <section aria-labelledby="tags">
      <h2 id="tags">{t.title}</h2>
      <p class="muted">{t.intro}</p>
      <Problems v={v} state={summary} />
      <form method="post" action={`/leads/${lead.id}/tags`} class="filters">
        <Csrf v={v} />
        <Select
          state={form}
          name="clientType"
          label={t.clientType}
          value={shown(tags.clientType)}
          options={[{ value: "", label: t.unset }, ...clientTypes.map((type) => ({ value: type, label: t.clientTypes[type] }))]}
        />
        <Field state={form} name="city" label={t.city} value={shown(tags.city)} />
        <Field state={form} name="storeCount" label={t.storeCount} type="number" min="0" step="1" value={shown(tags.storeCount)} />
        <Field state={form} name="storeType" label={t.storeType} value={shown(tags.storeType)} />
        <button type="submit">{t.save}</button>
      </form>
    </section>
  );
};

/**
 * The tags form's values as PUT /api/leads/{id}/tags takes them (an empty field clears its tag); a
 * refused field is named in the page's words, never by the schema's English.
 */
export function tagFields(values: Record<string, string>, t: Messages["tags"]): LeadTagsInput {
  const result = LeadTagsInput.safeParse({
    clientType: optionalText(values.clientType),
    city: optionalText(values.city),
    storeCount: optionalNumber(values.storeCount),
    storeType: optionalText(values.storeType),
  });
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((issue) => String(issue.path[0]) as keyof Messages["tags"]["problems"]))];
  throw new InvalidInputError(t.refused, fields.map((field) => ({ path: field, message: t.problems[field] })));
}
