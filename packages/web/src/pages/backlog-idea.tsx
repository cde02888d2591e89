import { Hono, type Context } from "hono";
import { actingKey, can } from "@parom/core/access";
import { DropIdeaInput, iceScore, Ideas, PromoteIdeaInput, RescoreInput } from "@parom/core/hypothesis";
import { Csrf, emptyForm, Field, Problems, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues, inPercent, optionalNumber, optionalPercent, optionalText, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import type { View } from "../view.js";
import { viewOf } from "../view.js";
import { iceOf } from "./backlog.js";
import { labelledProblems } from "./backlog-labels.js";
import { DropForm, droppedText, IceHistory } from "./backlog-record.js";

type IdeaForms = { ice?: FormState; promote?: FormState; drop?: FormState };

const notices = ["scored", "dropped"] as const;

/** The promotion form read as PromoteIdeaInput takes it: money as typed ("600 000"), percents as fractions. */
function promotionOf(f: Record<string, string>) {
  return {
    responsible: f.responsible ?? "",
    budget: f.budget ?? "",
    probe: { start: f["probe.start"] ?? "", end: f["probe.end"] ?? "" },
    targets: {
      cplMax: optionalText(f["targets.cplMax"]),
      cacMax: optionalText(f["targets.cacMax"]),
      conversionMin: optionalPercent(f["targets.conversionMin"]),
      qualifiedRateMin: optionalPercent(f["targets.qualifiedRateMin"]),
      minLeads: optionalNumber(f["targets.minLeads"]),
    },
  };
}

const PromoteForm = ({ v, id, state }: { v: View; id: string; state: FormState }) => {
  const p = v.t.backlog.promote;
  return (
    <section aria-labelledby="promote">
      <h2 id="promote">{p.heading}</h2>
      <p class="muted">{p.intro}</p>
      <Problems v={v} state={labelledProblems(state, v.t)} named />
      <form method="post" action={`/backlog/${id}/promotion`} class="card">
        <Csrf v={v} />
        <div class="row">
          <Field state={state} name="responsible" label={p.responsible} required />
          <Field state={state} name="budget" label={p.budget} hint={p.budgetHint} placeholder="600 000" required />
        </div>
        <div class="row">
          <Field state={state} name="probe.start" label={p.start} type="date" required />
          <Field state={state} name="probe.end" label={p.end} type="date" required />
        </div>
        <fieldset>
          <legend>{p.targets}</legend>
          <div class="row">
            <Field state={state} name="targets.cplMax" label={p.cplMax} placeholder="900" />
            <Field state={state} name="targets.cacMax" label={p.cacMax} />
          </div>
          <div class="row">
            <Field state={state} name="targets.conversionMin" label={p.conversionMin} />
            <Field state={state} name="targets.qualifiedRateMin" label={p.qualifiedRateMin} />
            <Field state={state} name="targets.minLeads" label={p.minLeads} type="number" min="1" />
          </div>
        </fieldset>
        <button type="submit">{p.submit}</button>
      </form>
    </section>
  );
};

/**
 * One idea: its ICE scores and their history; for those who write hypotheses, forms to score it again,
 * promote it to a probe or drop it. A dropped idea says when, by whom and why, and offers no form.
 */
async function ideaPage(c: Context<WebEnv>, forms: IdeaForms = {}, status: 200 | 400 | 409 = 200) {
  const v = await viewOf(c);
  const t = v.t.backlog;
  const idea = await Ideas.read(c.var.ctx, c.req.param("id")!);
  const writes = v.principal !== undefined && can(v.principal, "hypotheses.write") && !idea.dropped;
  const ice = forms.ice ?? { values: { impact: String(idea.ice.impact), confidence: String(idea.ice.confidence), ease: String(idea.ice.ease) } };
  const notice = notices.find((name) => name === c.req.query("notice"));
  return c.html(
    <Page v={v} title={t.promote.title(idea.title)} notice={notice && t.notice[notice]}>
      <p>
        <a href="/backlog">{t.promote.back}</a>
      </p>
      <p class="statement">{idea.statement}</p>
      <dl class="facts wide">
        <dt>{t.channel}</dt>
        <dd>{v.t.words.channel(idea.channel)}</dd>
        <dt>{t.columns.score}</dt>
        <dd>
          {v.fmt.number(iceScore(idea.ice))} ({t.columns.impact} {v.fmt.number(idea.ice.impact)} × {t.columns.confidence} {v.fmt.number(idea.ice.confidence)} ×{" "}
          {t.columns.ease} {v.fmt.number(idea.ice.ease)})
        </dd>
      </dl>
      {idea.dropped && (
        <>
          <p>
            <strong>{droppedText(v, idea.dropped)}</strong>
          </p>
          {/* A form sent from a page opened before the drop: its refusal (idea_dropped) in words. */}
          <Problems v={v} state={[forms.ice, forms.promote, forms.drop].find((form) => form?.problem) ?? emptyForm} />
        </>
      )}
      <IceHistory v={v} history={idea.history} />
      {writes && (
        <>
          <section aria-labelledby="rescore">
            <h2 id="rescore">{t.promote.rescore}</h2>
            <Problems v={v} state={labelledProblems(ice, v.t)} named />
            <form method="post" action={`/backlog/${idea.id}/ice`} class="card">
              <Csrf v={v} />
              <div class="row">
                {(["impact", "confidence", "ease"] as const).map((score) => (
                  <Field state={ice} name={score} label={t.columns[score]} type="number" min="1" hint={t.iceHint} required />
                ))}
              </div>
              <Field state={ice} name="note" label={t.history.note} />
              <button type="submit">{t.promote.saveIce}</button>
            </form>
          </section>
          <PromoteForm v={v} id={idea.id} state={forms.promote ?? emptyForm} />
          <DropForm v={v} id={idea.id} state={forms.drop ?? emptyForm} />
        </>
      )}
    </Page>,
    status,
  );
}

/** A form of the idea page: on success to `next`, on a refusal the page again with the form's problem and what was typed. */
function ideaForm(form: keyof IdeaForms, act: (c: Context<WebEnv>, f: Record<string, string>) => Promise<string>) {
  return async (c: Context<WebEnv>) => {
    const values = await formValues(c);
    const result = await attempt(() => act(c, values));
    if (!result.ok) {
      const problem = inPercent(result.problem, ["targets.conversionMin", "targets.qualifiedRateMin"], (await viewOf(c)).fmt.percent);
      return ideaPage(c, { [form]: { values, problem } }, formStatus(result.kind) as 400 | 409);
    }
    return c.redirect(result.value, 303);
  };
}

export const backlogIdeaRoutes = new Hono<WebEnv>()
  .get("/backlog/:id", ...needs("hypotheses.read"), (c) => ideaPage(c))
  .post(
    "/backlog/:id/ice",
    ...needs("hypotheses.write"),
    ...formPost,
    ideaForm("ice", async (c, f) => {
      const idea = await Ideas.setIce(c.var.ctx, c.req.param("id")!, parseForm(RescoreInput, { ...iceOf(f), note: optionalText(f.note) }), actingKey(c.var.principal));
      return `/backlog/${idea.id}?notice=scored`;
    }),
  )
  .post(
    "/backlog/:id/drop",
    ...needs("hypotheses.write"),
    ...formPost,
    ideaForm("drop", async (c, f) => {
      const idea = await Ideas.drop(c.var.ctx, c.req.param("id")!, parseForm(DropIdeaInput, { reason: f.reason ?? "" }), actingKey(c.var.principal));
      return `/backlog/${idea.id}?notice=dropped`;
    }),
  )
  .post(
    "/backlog/:id/promotion",
    ...needs("hypotheses.write"),
    ...formPost,
    ideaForm("promote", async (c, f) => {
      const hypothesis = await Ideas.promote(c.var.ctx, c.req.param("id")!, parseForm(PromoteIdeaInput, promotionOf(f)), actingKey(c.var.principal));
      return `/hypotheses/${hypothesis.id}?notice=promoted`;
    }),
  );
