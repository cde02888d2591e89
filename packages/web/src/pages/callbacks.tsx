import { Hono, type Context } from "hono";
import { CallbackOutcomeInput, callbackResults, Callbacks, DEFAULT_UNTOUCHED_MINUTES, SpotCheckOutcomeInput, spotCheckResults, SpotChecks, type QueueEntry, type SpotCheckList } from "@parom/core/callbacks";
import type { Lead } from "@parom/core/lead";
import { Csrf, emptyForm, Problems, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues, optionalText, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import type { View } from "../view.js";
import { personName } from "./lead-discipline.js";
import { viewOf } from "../view.js";

/**
 * The head of sales' page (and the owner's): the call-back queue and this month's spot checks,
 * each row with a form to record how the call went. The same verbs as /api/callbacks and /api/spot-checks.
 */
async function callbacksPage(c: Context<WebEnv>, form: FormState = emptyForm, status: 200 | 400 | 404 | 409 | 422 = 200) {
  const { ctx } = c.var;
  const [v, queue, spot] = await Promise.all([viewOf(c), Callbacks.queue(ctx, { untouchedMinutes: DEFAULT_UNTOUCHED_MINUTES }), SpotChecks.list(ctx, {})]);
  const t = v.t.sales;
  const done = c.req.query("done");
  const notice = done === "callback" ? t.queue.recorded : done === "spot" ? t.spot.recorded : undefined;
  return c.html(
    <Page v={v} title={t.queue.title} notice={notice}>
      <Problems v={v} state={form} />
      <p>{t.queue.intro(t.span(queue.untouchedMinutes))}</p>
      {queue.items.length === 0 ? <p class="muted">{t.queue.empty}</p> : <QueueTable v={v} items={queue.items} />}
      <SpotChecksSection v={v} list={spot} />
    </Page>,
    status,
  );
}

const leadLabel = (lead: Lead) => lead.contact.name ?? lead.contact.phone ?? lead.contact.email ?? lead.id;

const QueueTable = ({ v, items }: { v: View; items: QueueEntry[] }) => {
  const t = v.t.sales.queue;
  return (
    <table id="callback-queue">
      <thead>
        <tr>
          <th scope="col">{t.lead}</th>
          <th scope="col">{t.assignee}</th>
          <th scope="col">{t.why}</th>
          <th scope="col">{t.since}</th>
          <th scope="col">{t.waited}</th>
          <th scope="col">{t.outcome}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((entry) => (
          <tr data-lead={entry.lead.id}>
            <td>
              <a href={`/leads/${entry.lead.id}`}>{leadLabel(entry.lead)}</a> {entry.lead.contact.phone && <span class="muted">{entry.lead.contact.phone}</span>}
            </td>
            <td>{entry.assignee?.name ?? t.nobody}</td>
            <td>{t.reason[entry.reason]}</td>
            <td>{v.fmt.dateTime(entry.since)}</td>
            <td>{v.t.sales.span(entry.waitedWorkingMinutes)}</td>
            <td>
              <form method="post" action={`/callbacks/${entry.lead.id}`} class="inline" aria-label={`${t.outcome}: ${leadLabel(entry.lead)}`}>
                <Csrf v={v} />
                <select name="result" aria-label={t.result}>
                  {callbackResults.map((r) => (
                    <option value={r}>{t.results[r]}</option>
                  ))}
                </select>
                <input name="note" aria-label={t.note} placeholder={t.note} maxlength={2000} />
                <button type="submit">{t.record}</button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const SpotChecksSection = ({ v, list }: { v: View; list: SpotCheckList }) => {
  const t = v.t.sales.spot;
  const month = new Intl.DateTimeFormat(v.t.locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${list.month}-01T00:00:00Z`));
  return (
    <section aria-labelledby="spot-checks">
      <h2 id="spot-checks">{t.title(month)}</h2>
      <p class="muted">{t.intro}</p>
      {list.managers.every((m) => m.checks.length === 0) && <p class="muted">{t.none}</p>}
      {list.managers
        .filter((m) => m.checks.length > 0)
        .map((manager) => (
          <>
            <h3>{t.manager(manager.person.name, manager.checks.length, manager.clientsAtPick)}</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.client}</th>
                  <th scope="col" class="num">{t.deal}</th>
                  <th scope="col">{t.outcome}</th>
                </tr>
              </thead>
              <tbody>
                {manager.checks.map(({ lead, outcome }) => (
                  <tr data-lead={lead.id}>
                    <td>
                      <a href={`/leads/${lead.id}`}>{leadLabel(lead)}</a> {lead.contact.phone && <span class="muted">{lead.contact.phone}</span>}
                    </td>
                    <td class="num">{lead.amount ? v.fmt.money(lead.amount) : "—"}</td>
                    <td>
                      {outcome ? (
                        <span>{t.done(t.results[outcome.result], personName(outcome), v.fmt.dateTime(outcome.at))}</span>
                      ) : (
                        <form method="post" action={`/callbacks/spot-checks/${list.month}/${lead.id}`} class="inline" aria-label={`${t.outcome}: ${leadLabel(lead)}`}>
                          <Csrf v={v} />
                          <select name="result" aria-label={v.t.sales.queue.result}>
                            {spotCheckResults.map((r) => (
                              <option value={r}>{t.results[r]}</option>
                            ))}
                          </select>
                          <input name="note" aria-label={v.t.sales.queue.note} placeholder={v.t.sales.queue.note} maxlength={2000} />
                          <button type="submit">{v.t.sales.queue.record}</button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
    </section>
  );
};

const caller = (c: Context<WebEnv>) => c.var.principal;
const outcomeFields = (values: Record<string, string>) => ({ result: values.result, note: optionalText(values.note) });

async function recordCallback(c: Context<WebEnv>) {
  const values = await formValues(c);
  const result = await attempt(() => Callbacks.record(c.var.ctx, c.req.param("leadId")!, parseForm(CallbackOutcomeInput, outcomeFields(values)), caller(c)));
  if (!result.ok) return callbacksPage(c, { values, problem: result.problem }, formStatus(result.kind, "not_found"));
  return c.redirect("/callbacks?done=callback", 303);
}

async function recordSpotCheck(c: Context<WebEnv>) {
  const values = await formValues(c);
  const result = await attempt(() =>
    SpotChecks.record(c.var.ctx, c.req.param("month")!, c.req.param("leadId")!, parseForm(SpotCheckOutcomeInput, outcomeFields(values)), caller(c)),
  );
  if (!result.ok) return callbacksPage(c, { values, problem: result.problem }, formStatus(result.kind, "not_found"));
  return c.redirect("/callbacks?done=spot#spot-checks", 303);
}

export const callbackRoutes = new Hono<WebEnv>()
  .get("/callbacks", ...needs("callbacks.work"), (c) => callbacksPage(c))
  .post("/callbacks/spot-checks/:month/:leadId", ...needs("callbacks.work"), ...formPost, recordSpotCheck)
  .post("/callbacks/:leadId", ...needs("callbacks.work"), ...formPost, recordCallback);
