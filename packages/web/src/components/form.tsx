import type { FC } from "hono/jsx";
import type { FieldIssue } from "@parom/core";
import { fieldLabel } from "../field-labels.js";
import type { View } from "../view.js";

/** Why a form was refused: the domain's message (none when the issues say it all) and each field's problem by its path. */
export type Problem = { message?: string; issues: FieldIssue[] };

/** What a re-rendered form shows: the values the person typed and what was wrong with them. */
export type FormState = { values: Record<string, string>; problem?: Problem };

export const emptyForm: FormState = { values: {} };

const issueAt = (state: FormState, name: string) => state.problem?.issues.find((issue) => issue.path === name)?.message;

export const Csrf: FC<{ v: View }> = ({ v }) => <input type="hidden" name="_csrf" value={v.csrf} />;

/**
 * The summary at the top of a refused form; each field repeats its own problem beside it. Each problem
 * is named by its field's label (field-labels.ts, or the page's `labels`), never by its path.
 * `named`: the problems already name their field in the reader's words, so no label is added.
 */
export const Problems: FC<{ v: View; state: FormState; named?: boolean; labels?: Record<string, string> }> = ({ v, state, named = false, labels }) =>
  state.problem ? (
    <div class="problems" role="alert">
      <p>
        <strong>⚠ {v.t.form.problems}</strong> {state.problem.message}
      </p>
      {state.problem.issues.length > 0 && (
        <ul>
          {state.problem.issues.map((issue) => {
            const label = named ? null : fieldLabel(v.t, issue.path, labels);
            return <li>{label ? `${label}: ${issue.message}` : issue.message}</li>;
          })}
        </ul>
      )}
    </div>
  ) : null;

type FieldProps = {
  state: FormState;
  /** The input's name, which is also the path the domain names it by in its issues (`probe.start`). */
  name: string;
  label: string;
  type?: string;
  hint?: string;
  required?: boolean;
  value?: string;
  step?: string;
  min?: string;
  placeholder?: string;
  /** The value is a code typed as it is (a UTM label), not words: translators and the leak check leave it alone. */
  literal?: boolean;
};

/** A control's ids, its problem, and the attributes that tie its hint and problem to it for screen readers. */
function control(state: FormState, name: string, hint?: string) {
  const slug = name.replace(/\W/g, "-");
  const id = { id: `f-${slug}`, hint: `h-${slug}`, error: `e-${slug}` };
  const error = issueAt(state, name);
  const aria = {
    "aria-invalid": error ? "true" : undefined,
    "aria-describedby": [hint && id.hint, error && id.error].filter(Boolean).join(" ") || undefined,
  };
  return { id, error, aria };
}

/** A labelled control with its hint and its problem beside it. */
const Frame: FC<{ parts: ReturnType<typeof control>; label: string; hint?: string; children: unknown }> = ({ parts: { id, error }, label, hint, children }) => (
  <div class={error ? "field invalid" : "field"}>
    <label for={id.id}>{label}</label>
    {children}
    {hint && (
      <small id={id.hint} class="hint">
        {hint}
      </small>
    )}
    {error && (
      <small id={id.error} class="error">
        ⚠ {error}
      </small>
    )}
  </div>
);

/** A labelled input with its hint and its problem, tied together for screen readers. */
export const Field: FC<FieldProps> = ({ state, name, label, type = "text", hint, required, value, step, min, placeholder, literal }) => {
  const parts = control(state, name, hint);
  return (
    <Frame parts={parts} label={label} hint={hint}>
      <input id={parts.id.id} name={name} type={type} value={state.values[name] ?? value ?? ""} required={required} step={step} min={min} placeholder={placeholder} translate={literal ? "no" : undefined} {...parts.aria} />
    </Frame>
  );
};

export const TextArea: FC<Omit<FieldProps, "type" | "step" | "min"> & { rows?: number }> = ({ state, name, label, hint, required, value, rows = 4 }) => {
  const parts = control(state, name, hint);
  return (
    <Frame parts={parts} label={label} hint={hint}>
      <textarea id={parts.id.id} name={name} rows={rows} required={required} {...parts.aria}>
        {state.values[name] ?? value ?? ""}
      </textarea>
    </Frame>
  );
};

export const Select: FC<{ state: FormState; name: string; label: string; options: { value: string; label: string }[]; value?: string }> = ({
  state,
  name,
  label,
  options,
  value,
}) => {
  const parts = control(state, name);
  const chosen = state.values[name] ?? value ?? "";
  return (
    <Frame parts={parts} label={label}>
      <select id={parts.id.id} name={name} {...parts.aria}>
        {options.map((option) => (
          <option value={option.value} selected={option.value === chosen}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
};

/**
 * A yes/no choice as a select of `"true"`/`"false"` (the values the handlers read), after an optional
 * first choice `unset` (value "") for "not said".
 * @example <YesNoSelect state={state} name="paid" label={t.paid} yes={t.paidYes} no={t.paidNo} />
 */
export const YesNoSelect: FC<{ state: FormState; name: string; label: string; yes: string; no: string; unset?: string }> = ({ yes, no, unset, ...select }) => (
  <Select {...select} options={[...(unset === undefined ? [] : [{ value: "", label: unset }]), { value: "true", label: yes }, { value: "false", label: no }]} />
);
