import { actorLabel } from "../../actor-label.js";
import type { FC } from "hono/jsx";
import type { HistoryEntry, WrittenRules } from "@parom/core/hypothesis";
import { Csrf, emptyForm, Field, Problems, TextArea } from "../../components/form.js";
import type { View } from "../../view.js";
import { ChangeList } from "./changes.js";
import { HistoryReason } from "./history-reason.js";
import type { Section } from "./section.js";

const RulesText: FC<{ v: View; rules: WrittenRules }> = ({ v, rules }) => (
  <div class="rules">
    <p class="muted">
      {v.t.hypothesis.rulesVersion(rules.version, v.fmt.dateTime(rules.at))} {v.t.hypothesis.by(actorLabel(v.t, rules.actor))}
    </p>
    <dl class="facts wide">
      <dt>{v.t.hypothesis.rulesResponsible}</dt>
      <dd>{rules.responsible}</dd>
      <dt>{v.t.hypothesis.leadHandling}</dt>
      <dd class="pre">{rules.leadHandling}</dd>
    </dl>
    <ul class="checklist">
      {rules.checklist.map((item) => (
        <li>☐ {item}</li>
      ))}
    </ul>
  </div>
);

export const RulesSection: Section = ({ v, data: { hypothesis: h, rules }, forms }) => {
  const t = v.t.hypothesis;
  const current = rules.at(-1);
  const earlier = rules.slice(0, -1).reverse();
  const state = forms.rules ?? emptyForm;
  return (
    <section aria-labelledby="rules">
      <h2 id="rules">{t.rules}</h2>
      {current ? <RulesText v={v} rules={current} /> : <p class="muted">{t.noRules}</p>}
      {earlier.length > 0 && (
        <details>
          <summary>{t.olderVersions}</summary>
          {earlier.map((rules) => (
            <RulesText v={v} rules={rules} />
          ))}
        </details>
      )}
      {h.stage !== "closed" && (
        <details open={state.problem !== undefined}>
          <summary>✎ {t.saveRules}</summary>
          <Problems v={v} state={state} />
          <form method="post" action={`/hypotheses/${h.id}/rules`} class="card">
            <Csrf v={v} />
            <Field state={state} name="responsible" label={t.rulesResponsible} required value={current?.responsible} />
            <TextArea state={state} name="leadHandling" label={t.leadHandling} required value={current?.leadHandling} />
            <TextArea state={state} name="checklist" label={t.checklist} required rows={6} value={current?.checklist.join("\n")} />
            <button type="submit">{t.saveRules}</button>
          </form>
        </details>
      )}
    </section>
  );
};

const approvalReason = /^Owner's approval [0-9A-Z]+(?:: ([\s\S]*))?$/;

/**
 * An entry's reason as the reader sees it. The owner's approval stored an English sentence naming
 * the approval ("Owner's approval <id>: <comment>"); the entry already says who moved it where, so
 * the page shows only the owner's comment.
 */
function reasonOf(entry: HistoryEntry): string | undefined {
  if (!entry.reason || entry.to !== "scale") return entry.reason;
  const match = approvalReason.exec(entry.reason);
  return match ? match[1] : entry.reason;
}

export const HistorySection: Section = ({ v, data: { history, hypothesis } }) => (
  <section aria-labelledby="history">
    <h2 id="history">{v.t.hypothesis.history}</h2>
    <ol class="history" reversed>
      {[...history].reverse().map((entry) => (
        <li>
          <time datetime={entry.at}>{v.fmt.dateTime(entry.at)}</time> — {v.t.hypothesis.entry[entry.type]}
          {entry.from && entry.to && `: ${v.t.stage[entry.from]} → ${v.t.stage[entry.to]}`}
          {entry.rulesVersion && ` (${v.t.hypothesis.version(entry.rulesVersion)})`}
          {reasonOf(entry) && (
            <>
              {" "}
              {entry.type === "edit" && `${v.t.edit.why} `}
              <HistoryReason v={v} type={entry.type} reason={reasonOf(entry)!} />
            </>
          )}{" "}
          <span class="muted">{v.t.hypothesis.by(actorLabel(v.t, entry.actor))}</span>
          {entry.changes && <ChangeList v={v} changes={entry.changes} currency={hypothesis.currency} />}
        </li>
      ))}
    </ol>
  </section>
);
