import type { FC } from "hono/jsx";
import type { Contractor } from "@parom/core/contractor";
import type { FormState } from "../components/form.js";
import { Csrf } from "../components/form.js";
import type { View } from "../view.js";

/**
 * A contractor's address for its reports, changed or removed (left empty) in place. Each card has
 * its own form, so ids carry the contractor's id; a refusal shows only on the card that was posted.
 */
export const ContractorEmailForm: FC<{ v: View; contractor: Contractor; state: FormState }> = ({ v, contractor, state }) => {
  const t = v.t.daily.email;
  const mine = state.values.contractorId === contractor.id;
  const error = mine ? state.problem?.message : undefined;
  const id = `email-${contractor.id}`;
  return (
    <form method="post" action={`/contractors/${contractor.id}/email`} class="row">
      <Csrf v={v} />
      <div class={error ? "field invalid" : "field"}>
        <label for={id}>{t.label}</label>
        <input
          id={id}
          name="email"
          type="email"
          value={mine ? (state.values.email ?? "") : (contractor.email ?? "")}
          placeholder="name@example.ru"
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
        />
        {error ? (
          <small id={`${id}-error`} class="error">
            ⚠ {error}
          </small>
        ) : (
          <small id={`${id}-hint`} class="hint">
            {contractor.email ? t.hint : t.none}
          </small>
        )}
      </div>
      <button type="submit" class="secondary">
        {t.save}
      </button>
    </form>
  );
};
