import { Hono, type Context } from "hono";
import { fieldIssues } from "@parom/core";
import { filterLearnings, Learnings, LearningsQuery, type Learning } from "@parom/core/hypothesis";
import { Field, Problems, Select, type FormState } from "../components/form.js";
import { dictionaries } from "../i18n/index.js";
import type { WebEnv } from "../env.js";
import { needs } from "../guards.js";
import { Page } from "../layout.js";
import type { View } from "../view.js";
import { viewOf } from "../view.js";

/** A closed hypothesis' figures on the day it closed, as stored: money in roubles, rates as fractions. */
const Figures = ({ v, learning: { figures } }: { v: View; learning: Learning }) => {
  const t = v.t.backlog.learnings;
  const rouble = (value: number | null) => (value === null ? t.none : v.fmt.money(value.toFixed(2)));
  const rows: [string, string][] = [
    [t.leads, v.fmt.number(figures.leads)],
    [t.clients, v.fmt.number(figures.clients)],
    [t.spend, v.fmt.money(figures.spend)],
    [t.revenue, v.fmt.money(figures.revenue)],
    [t.cpl, rouble(figures.cpl)],
    [t.cac, rouble(figures.cac)],
    [t.romi, figures.romi === null ? t.none : v.fmt.percent(figures.romi)],
  ];
  return (
    <dl class="facts">
      {rows.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
};

/** One learning: how the hypothesis ended, the figures at closing, why it closed and what was learned. */
export const LearningCard = ({ v, learning }: { v: View; learning: Learning }) => {
  const t = v.t.backlog.learnings;
  return (
    <article class="card" id={`learning-${learning.hypothesisId}`}>
      <h2 class="small">
        <a href={`/hypotheses/${learning.hypothesisId}`}>{learning.title}</a>
      </h2>
      <p class="muted">
        {v.t.words.channel(learning.channel)} · {t.result[learning.result]}, {t.closedFrom(v.t.stage[learning.closedFrom])} ·{" "}
        <span class={learning.gatePassed ? "badge good" : "badge neutral"}>{learning.gatePassed ? t.gatePassed : t.gateMissed}</span>
      </p>
      <p>{learning.statement}</p>
      <h3 class="small">{t.lesson}</h3>
      <p class="lesson">{learning.lesson}</p>
      {learning.reason && (
        <p>
          <strong>{t.reason}:</strong> {learning.reason}
        </p>
      )}
      <h3 class="small">{t.figuresAsOf(v.fmt.day(learning.figures.asOf))}</h3>
      <Figures v={v} learning={learning} />
    </article>
  );
};

/**
 * The learnings archive, searchable by channel (a select of the channels closed so far) and text.
 * One listing read serves both the select and the filter.
 */
async function learningsPage(c: Context<WebEnv>) {
  const v = await viewOf(c);
  const t = v.t.backlog.learnings;
  const values = { channel: c.req.query("channel") ?? "", q: c.req.query("q") ?? "" };
  const parsed = LearningsQuery.safeParse(values);
  const words = dictionaries[v.lang].refusals;
  const issues = parsed.success ? [] : fieldIssues(parsed.error).map((issue) => ({ path: issue.path, message: words.issue(issue.message) }));
  const state: FormState = issues.length ? { values, problem: { issues } } : { values };
  // The summary names each field in words; the field itself shows the bare problem beside it.
  const summary: FormState = { values, problem: { issues: issues.map((issue) => ({ ...issue, message: `${issue.path === "q" ? t.text : t.channel}: ${issue.message}` })) } };
  const all = await Learnings.list(c.var.ctx);
  const shown = parsed.success ? filterLearnings(all, parsed.data) : [];
  const channels = [...new Set(all.map((learning) => learning.channel))].sort();
  return c.html(
    <Page v={v} title={t.title}>
      <p class="muted">{t.intro}</p>
      {issues.length > 0 && <Problems v={v} state={summary} named />}
      <form method="get" action="/learnings" class="card" role="search">
        <div class="row">
          <Select
            state={state}
            name="channel"
            label={t.channel}
            options={[{ value: "", label: t.anyChannel }, ...channels.map((channel) => ({ value: channel, label: v.t.words.channel(channel) }))]}
          />
          <Field state={state} name="q" label={t.text} hint={t.textHint} type="search" />
        </div>
        <button type="submit">{t.search}</button>
      </form>
      {shown.length === 0 ? <p class="muted">{t.empty}</p> : shown.map((learning) => <LearningCard v={v} learning={learning} />)}
    </Page>,
    parsed.success ? 200 : 400,
  );
}

export const learningRoutes = new Hono<WebEnv>().get("/learnings", ...needs("hypotheses.read"), learningsPage);
