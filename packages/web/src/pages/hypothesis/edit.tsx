import { can } from "@parom/core/access";
import type { Hypothesis } from "@parom/core/hypothesis";
import { ChannelField } from "../../components/channel-field.js";
import { Csrf, emptyForm, Field, Problems, TextArea } from "../../components/form.js";
import type { Lang } from "../../i18n/index.js";
import { moneyInputValue } from "../../money-input.js";
import type { Section } from "./section.js";

/** A fraction as the percent typed in its field (0.05 -> "5", 0.125 -> "12,5"). */
function percentInputText(fraction: number | undefined, lang: Lang): string {
  if (fraction === undefined) return "";
  const text = String(Number((fraction * 100).toPrecision(12)));
  return lang === "ru" ? text.replace(".", ",") : text;
}

/** The form's name of the field the API names `path` (`budget` -> `edit.budget`). */
export const editName = (path: string) => `edit.${path}`;

/** The form's fields prefilled with what the hypothesis holds now, by the paths the API names them by. */
function currentValues(h: Hypothesis, lang: Lang): Record<string, string> {
  const money = (kopecks: number | undefined) => (kopecks === undefined ? "" : moneyInputValue(kopecks, lang));
  const count = (n: number | undefined) => (n === undefined ? "" : String(n));
  return {
    title: h.title,
    statement: h.statement,
    channel: h.channel,
    responsible: h.responsible,
    budget: money(h.budget),
    "probe.start": h.probe.start,
    "probe.end": h.probe.end,
    "targets.cplMax": money(h.targets.cplMax),
    "targets.cacMax": money(h.targets.cacMax),
    "targets.qualifiedRateMin": percentInputText(h.targets.qualifiedRateMin, lang),
    "targets.conversionMin": percentInputText(h.targets.conversionMin, lang),
    "targets.romiMin": percentInputText(h.targets.romiMin, lang),
    "targets.minLeads": count(h.targets.minLeads),
    "targets.minClients": count(h.targets.minClients),
    maturityDays: String(h.maturityDays),
    confidence: percentInputText(h.confidence, lang),
  };
}

/**
 * Editing the hypothesis, for those who may write it while it is open: every field prefilled, a
 * required "why", and the version it was read at, so a change made meanwhile by someone else is
 * refused instead of overwritten (the form then keeps the version it was read at until reloaded).
 */
export const EditSection: Section = ({ v, data: { hypothesis: h }, forms }) => {
  if (h.stage === "closed" || !v.principal || !can(v.principal, "hypotheses.write")) return null;
  const t = v.t.edit;
  const f = t.fields;
  const state = forms.edit ?? emptyForm;
  const current = currentValues(h, v.lang);
  // Named apart from the page's other forms (the close form's `reason`, the forecast's `budget`): ids come from names.
  const field = (path: string, hint?: string, type?: string) => <Field state={state} name={editName(path)} label={f[path]!} value={current[path]} hint={hint} type={type} />;
  return (
    <section aria-labelledby="edit">
      <details open={state.problem !== undefined}>
        <summary id="edit">✎ {t.title}</summary>
        <p class="muted">{t.intro}</p>
        {forms.edit?.stale && (
          <p class="problems" role="alert">
            ⚠ {t.stale} <a href={`/hypotheses/${h.id}#edit`}>{t.reload}</a>
          </p>
        )}
        {!forms.edit?.stale && <Problems v={v} state={state} named />}
        <form method="post" action={`/hypotheses/${h.id}/edit`} class="card">
          <Csrf v={v} />
          <input type="hidden" name="expectedVersion" value={state.values.expectedVersion ?? String(h.version)} />
          {field("title")}
          <TextArea state={state} name={editName("statement")} label={f.statement!} value={current.statement} rows={3} />
          <div class="row">
            <ChannelField v={v} state={state} name={editName("channel")} label={f.channel!} current={h.channel} />
          </div>
          {field("responsible")}
          <div class="row">
            {field("budget", t.moneyHint)}
            {field("probe.start", undefined, "date")}
            {field("probe.end", undefined, "date")}
          </div>
          <div class="row">
            {field("targets.cplMax", t.moneyHint)}
            {field("targets.cacMax", t.moneyHint)}
            {field("targets.qualifiedRateMin", t.percentHint)}
            {field("targets.conversionMin", t.percentHint)}
            {field("targets.romiMin", t.percentHint)}
          </div>
          <div class="row">
            {field("targets.minLeads")}
            {field("targets.minClients")}
            {field("maturityDays")}
            {field("confidence", t.confidenceHint)}
          </div>
          <TextArea state={state} name={editName("reason")} label={t.reason} hint={t.reasonHint} required rows={2} />
          <button type="submit">{t.save}</button>
        </form>
      </details>
    </section>
  );
};
