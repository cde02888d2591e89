import { Hono, type Context } from "hono";
import type { FC } from "hono/jsx";
import { InvalidInputError } from "@parom/core";
import { leadStages } from "@parom/core/lead";
import { defaultStatusMap, LossReasonEntryInput, PipelinesInput, type Source, SourceMaps, Sources, StatusEntryInput, UnmappedLossReasons } from "@parom/core/source";
import { Csrf, emptyForm, Field, Problems, Select, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { noticeOf } from "../notice.js";
import { viewOf, type View } from "../view.js";

/** The forms of a source's page; a refused one comes back with its values and problem. */
type Forms = { status?: FormState; reason?: FormState; pipelines?: FormState };

/** Pipeline numbers as typed (commas or spaces between them). */
const pipelineIds = (typed: string | undefined) => (typed ?? "").split(/[\s,;]+/).filter(Boolean);

/** The way to remove one entry: a confirmation page first (source-map-removal.tsx), so it works without scripts. */
const RemoveLink: FC<{ v: View; href: string; label: string }> = ({ v, href, label }) => (
  <a href={href} aria-label={label}>
    {v.t.sourceMaps.remove}
  </a>
);

const StatusSection: FC<{ v: View; source: Source; form: FormState }> = ({ v, source, form }) => {
  const t = v.t.sourceMaps.statuses;
  const entries = Object.entries(source.statusMap).sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }));
  return (
    <section class="card" aria-labelledby="statuses">
      <h2 id="statuses" class="small">
        {t.title}
      </h2>
      <p class="muted">{t.intro}</p>
      <table id="status-map">
        <thead>
          <tr>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.stage}</th>
            <td></td>
          </tr>
        </thead>
        <tbody>
          {entries.map(([status, stage]) => (
            <tr>
              <td>{status}</td>
              <td>{v.t.leadStage[stage]}</td>
              {/* amoCRM's own status as it is: nothing of this source's to remove. */}
              <td>{defaultStatusMap[status] !== stage && <RemoveLink v={v} href={`/sources/${source.id}/status-map/${encodeURIComponent(status)}/remove`} label={t.removeLabel(status)} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Problems v={v} state={form} labels={{ statusId: t.statusId, stage: t.stage }} />
      <form method="post" action={`/sources/${source.id}/status-map`} class="row">
        <Csrf v={v} />
        <Field state={form} name="statusId" label={t.statusId} required />
        <Select state={form} name="stage" label={t.stage} options={leadStages.map((stage) => ({ value: stage, label: v.t.leadStage[stage] }))} />
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
};

const ReasonSection: FC<{ v: View; source: Source; form: FormState }> = ({ v, source, form }) => {
  const t = v.t.sourceMaps.reasons;
  const entries = Object.entries(source.lossReasons).sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }));
  return (
    <section class="card" aria-labelledby="reasons">
      <h2 id="reasons" class="small">
        {t.title}
      </h2>
      <p class="muted">{t.intro}</p>
      {entries.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <table id="loss-reasons">
          <thead>
            <tr>
              <th scope="col">{t.reasonId}</th>
              <th scope="col">{t.reason}</th>
              <td></td>
            </tr>
          </thead>
          <tbody>
            {entries.map(([id, name]) => (
              <tr>
                <td>{id}</td>
                <td>{name}</td>
                <td>
                  <RemoveLink v={v} href={`/sources/${source.id}/loss-reasons/${id}/remove`} label={t.removeLabel(id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Problems v={v} state={form} labels={{ lossReasonId: t.reasonId, name: t.name }} />
      <form method="post" action={`/sources/${source.id}/loss-reasons`} class="row">
        <Csrf v={v} />
        <Field state={form} name="lossReasonId" label={t.reasonId} required />
        <Field state={form} name="name" label={t.name} required />
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
};

async function sourceMapsPage(c: Context<WebEnv>, forms: Forms = {}, status: 200 | 400 | 404 | 409 | 422 = 200) {
  const v = await viewOf(c);
  const source = await Sources.get(c.var.ctx, c.req.param("id")!);
  const unmapped = await UnmappedLossReasons.list(c.var.ctx, source);
  const t = v.t.sourceMaps;
  const pipelinesForm = forms.pipelines ?? emptyForm;
  return c.html(
    <Page v={v} title={t.title(source.name)} notice={noticeOf(c, v.t)}>
      <p>
        <a href={`/sources#source-${source.id}`}>← {t.back}</a>
      </p>
      <p>{t.intro}</p>
      <StatusSection v={v} source={source} form={forms.status ?? emptyForm} />
      <ReasonSection v={v} source={source} form={forms.reason ?? emptyForm} />
      <section class="card" aria-labelledby="unmapped">
        <h2 id="unmapped" class="small">
          {t.unmapped.title}
        </h2>
        <p class="muted">{t.unmapped.intro}</p>
        {unmapped.length === 0 ? (
          <p class="muted">{t.unmapped.none}</p>
        ) : (
          <ul id="unmapped-reasons">
            {unmapped.map((reason) => (
              <li>
                <form method="post" action={`/sources/${source.id}/loss-reasons`} class="row" aria-label={t.unmapped.line(reason.lossReasonId, reason.leads, v.fmt.dateTime(reason.lastSeenAt))}>
                  <Csrf v={v} />
                  <input type="hidden" name="lossReasonId" value={reason.lossReasonId} />
                  <span>{t.unmapped.line(reason.lossReasonId, reason.leads, v.fmt.dateTime(reason.lastSeenAt))}</span>
                  {/* Its own id per reason: the reasons form above has a field named "name" too. */}
                  <div class="field">
                    <label for={`f-unmapped-${reason.lossReasonId}`}>{t.reasons.name}</label>
                    <input id={`f-unmapped-${reason.lossReasonId}`} name="name" required />
                  </div>
                  <button type="submit">{t.unmapped.submit}</button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="pipelines">
        <h2 id="pipelines" class="small">
          {t.pipelines.title}
        </h2>
        <p class="muted">{t.pipelines.intro}</p>
        <p id="pipelines-current">{source.pipelines.length === 0 ? t.pipelines.all : t.pipelines.current(source.pipelines.join(", "))}</p>
        <Problems v={v} state={pipelinesForm} named />
        <form method="post" action={`/sources/${source.id}/pipelines`} class="row">
          <Csrf v={v} />
          <Field state={pipelinesForm} name="pipelines" label={t.pipelines.field} hint={t.pipelines.hint} value={source.pipelines.join(", ")} />
          <button type="submit">{t.pipelines.submit}</button>
        </form>
      </section>
    </Page>,
    status,
  );
}

/** Runs one form's write; a refusal re-renders the page with that form's problem. */
async function saved(c: Context<WebEnv>, form: keyof Forms, anchor: string, write: (values: Record<string, string>) => Promise<unknown>) {
  const values = await formValues(c);
  const result = await attempt(() => write(values));
  if (!result.ok) return sourceMapsPage(c, { [form]: { values, problem: result.problem } }, formStatus(result.kind, "not_found"));
  return c.redirect(`/sources/${c.req.param("id")}#${anchor}`, 303);
}

/**
 * A source's amoCRM status map, loss reasons (with the ones amoCRM sent that have no name yet) and
 * pipelines, for those holding sources.manage as /api/sources/{id}/... Each form writes one entry.
 */
export const sourceMapRoutes = new Hono<WebEnv>()
  .get("/sources/:id", ...needs("sources.manage"), (c) => sourceMapsPage(c))
  .post("/sources/:id/status-map", ...needs("sources.manage"), ...formPost, (c) =>
    saved(c, "status", "statuses", (values) => SourceMaps.mapStatus(c.var.ctx, c.req.param("id"), parseForm(StatusEntryInput, { statusId: values.statusId, stage: values.stage }))),
  )
  .post("/sources/:id/loss-reasons", ...needs("sources.manage"), ...formPost, (c) =>
    saved(c, "reason", "reasons", (values) => SourceMaps.nameLossReason(c.var.ctx, c.req.param("id"), parseForm(LossReasonEntryInput, { lossReasonId: values.lossReasonId?.trim(), name: values.name }))),
  )
  .post("/sources/:id/pipelines", ...needs("sources.manage"), ...formPost, async (c) => {
    const { pipelines: t, refused } = (await viewOf(c)).t.sourceMaps;
    return saved(c, "pipelines", "pipelines", async (values) => {
      const ids = PipelinesInput.safeParse(pipelineIds(values.pipelines));
      if (!ids.success) throw new InvalidInputError(refused, [{ path: "pipelines", message: t.bad }]);
      return Sources.setPipelines(c.var.ctx, c.req.param("id"), ids.data);
    });
  });
