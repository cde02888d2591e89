import { Hono, type Context } from "hono";
import type { FC } from "hono/jsx";
import { ListReconciliationsQuery, ReconcileQuery, type ReconciliationResult, Reconciliations } from "@parom/core/reconciliation";
import { HorizontalBars } from "../charts/bars.js";
import { EncodingSelect, uploadText } from "../components/encoding.js";
import { Csrf, emptyForm, Field, Problems, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues, optionalText, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { viewOf, type View } from "../view.js";

type FileNote = ReconciliationResult["rejected"][number];

/** A line's problems in the page's words from core's codes; a result kept before the codes has only English, shown on English pages only. */
function noteText(v: View, note: FileNote): string {
  const t = v.t.decisions.reconciliation;
  const kept: { problems?: FileNote["problems"]; reason: string } = note;
  if (kept.problems === undefined) return v.lang === "en" ? kept.reason : "—";
  const words = t.lineProblems;
  return kept.problems
    .map((p) => {
      switch (p.code) {
        case "totals_line":
          return words.totals_line(p.value);
        case "too_many_fields":
          return words.too_many_fields(v.fmt.number(p.fields), v.fmt.number(p.headerFields), t.separator(p.separator));
        case "empty":
          return words.empty(p.column);
        case "not_amount":
          return words.not_amount(p.column, p.text);
        case "not_day":
          return words.not_day(p.column, p.text);
        case "identifier_unreadable":
          return words.identifier_unreadable(p.column, p.text, t.identifierShape[p.kind]);
      }
    })
    .join("; ");
}

const Notes: FC<{ v: View; title: string; notes: FileNote[] }> = ({ v, title, notes }) =>
  notes.length === 0 ? null : (
    <>
      <h3>
        {title} ({v.fmt.number(notes.length)})
      </h3>
      <table>
        <thead>
          <tr>
            <th scope="col" class="num">{v.t.decisions.reconciliation.line}</th>
            <th scope="col">{v.t.decisions.reconciliation.reason}</th>
          </tr>
        </thead>
        <tbody>
          {notes.map((note) => (
            <tr>
              <td class="num">{note.line}</td>
              <td>{noteText(v, note)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );

type OnlyInAccounting = ReconciliationResult["onlyInAccounting"][number];

/** Why a client is only in accounting, in the page's words from core's code and details. */
function reasonOf(v: View, entry: OnlyInAccounting): string {
  const t = v.t.decisions.reconciliation;
  // A result kept before reasons had codes has only core's English words: the commonest is known, the rare ones stay English-only.
  const kept: { reasonCode?: string; reason: string } = entry;
  if (kept.reasonCode === undefined) return kept.reason.startsWith("no won lead") ? t.reasons.no_lead_has_it : v.lang === "en" ? kept.reason : "—";
  switch (entry.reasonCode) {
    case "identifier_taken": {
      const d = entry.reasonDetails;
      return t.reasons.identifier_taken(d.leadId, t.byKind[d.by], t.byWay[d.takenBy], d.takenClient, String(d.takenLine));
    }
    case "different_inn":
      return t.reasons.different_inn(entry.reasonDetails.leadId, t.byKind[entry.reasonDetails.by], entry.reasonDetails.inn);
    case "no_lead_has_it":
      return t.reasons.no_lead_has_it;
  }
}

/** One reconciliation: the three counts as bars and in words, then who matched, who is only on one side, and the file's notes. */
const Result: FC<{ v: View; result: ReconciliationResult }> = ({ v, result: r }) => {
  const t = v.t.decisions.reconciliation;
  const n = v.fmt.number;
  const bars = [
    { label: t.matched, value: r.matched.length },
    { label: t.onlyInAccounting, value: r.onlyInAccounting.length },
    { label: t.onlyInCrm, value: r.onlyInCrm.length },
  ];
  return (
    <section aria-labelledby="result" class="card">
      <h2 id="result">{t.result(v.fmt.day(r.period.from), v.fmt.day(r.period.to))}</h2>
      <p>
        <strong>{t.totals(n(r.totals.accountingClients), n(r.totals.crmWon), n(r.totals.matched))}</strong>
      </p>
      <HorizontalBars id="reconciliation-counts" title={t.title} bars={bars.map((bar) => ({ ...bar, text: n(bar.value) }))} />
      <h3>
        {t.onlyInAccounting} ({n(r.onlyInAccounting.length)})
      </h3>
      {r.onlyInAccounting.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">{t.line}</th>
              <th scope="col">{t.client}</th>
              <th scope="col">{t.inn}</th>
              <th scope="col" class="num">{t.amount}</th>
              <th scope="col">{t.reason}</th>
            </tr>
          </thead>
          <tbody>
            {r.onlyInAccounting.map((entry) => (
              <tr>
                <td class="num">{entry.row.line}</td>
                <td>{entry.row.client}</td>
                <td>{entry.row.inn ?? "—"}</td>
                <td class="num">{v.fmt.money(entry.accountingAmount)}</td>
                <td>{reasonOf(v, entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>
        {t.onlyInCrm} ({n(r.onlyInCrm.length)})
      </h3>
      {r.onlyInCrm.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.lead}</th>
              <th scope="col" class="num">{t.amount}</th>
            </tr>
          </thead>
          <tbody>
            {r.onlyInCrm.map((entry) => (
              <tr>
                <td>
                  <a href={`/leads/${entry.leadId}`} translate="no">{entry.leadId}</a>
                </td>
                <td class="num">{v.fmt.money(entry.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>
        {t.matched} ({n(r.matched.length)})
      </h3>
      {r.matched.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.client}</th>
              <th scope="col">{t.lead}</th>
              <th scope="col">{t.by}</th>
              <th scope="col" class="num">{t.accountingAmount}</th>
              <th scope="col" class="num">{t.crmAmount}</th>
            </tr>
          </thead>
          <tbody>
            {r.matched.map((entry) => (
              <tr>
                <td>{entry.rows[0]?.client}</td>
                <td>
                  <a href={`/leads/${entry.leadId}`} translate="no">{entry.leadId}</a>
                </td>
                <td>{t.byKind[entry.by]}</td>
                <td class="num">{v.fmt.money(entry.accountingAmount)}</td>
                {/* A differing amount is marked by a sign, not only by emphasis. */}
                <td class="num">{entry.crmAmount === entry.accountingAmount ? v.fmt.money(entry.crmAmount) : <strong>≠ {v.fmt.money(entry.crmAmount)}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Notes v={v} title={t.rejected} notes={r.rejected} />
      <Notes v={v} title={t.warnings} notes={r.warnings} />
    </section>
  );
};

/** The upload form, the result just shown (if any) and the earlier reconciliations, newest first. */
async function reconciliationPage(c: Context<WebEnv>, options: { state?: FormState; result?: ReconciliationResult; status?: 200 | 400 | 409 | 413 | 422 } = {}) {
  const { ctx } = c.var;
  const page = parseForm(ListReconciliationsQuery, { cursor: optionalText(c.req.query("cursor")) });
  const [v, past] = await Promise.all([viewOf(c), Reconciliations.list(ctx, page)]);
  const t = v.t.decisions.reconciliation;
  const state = options.state ?? emptyForm;
  return c.html(
    <Page v={v} title={t.title}>
      <p>{t.intro}</p>
      <Problems v={v} state={state} labels={{ file: t.file, from: t.from, to: t.to }} />
      <form method="post" action="/reconciliation" enctype="multipart/form-data" class="card">
        <Csrf v={v} />
        <div class="field">
          <label for="f-file">{t.file}</label>
          <input id="f-file" type="file" name="file" required accept=".csv,.txt,text/csv" />
        </div>
        <EncodingSelect v={v} state={state} />
        <div class="row">
          <Field state={state} name="from" label={t.from} type="date" hint={t.periodHint} />
          <Field state={state} name="to" label={t.to} type="date" />
        </div>
        <button type="submit">{t.upload}</button>
      </form>
      {options.result && <Result v={v} result={options.result} />}
      <h2>{t.past}</h2>
      {past.items.length === 0 ? (
        <p class="muted">{t.noPast}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.period}</th>
              <th scope="col">{t.matched}</th>
              <th scope="col">{t.encoding}</th>
              <th scope="col"></th>
            </tr>
          </thead>
          <tbody>
            {past.items.map((item) => (
              <tr>
                <td>{v.fmt.dateTime(item.createdAt)}</td>
                <td>
                  {v.fmt.day(item.period.from)} – {v.fmt.day(item.period.to)}
                </td>
                <td>{t.totals(v.fmt.number(item.totals.accountingClients), v.fmt.number(item.totals.crmWon), v.fmt.number(item.totals.matched))}</td>
                <td>{item.encoding.toUpperCase()}</td>
                <td>
                  <a href={`/reconciliation/${item.id}`}>{t.open}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {past.nextCursor && <a href={`/reconciliation?cursor=${encodeURIComponent(past.nextCursor)}`}>{v.t.leads.next} →</a>}
    </Page>,
    options.status ?? 200,
  );
}

/** Reconciliation with the accounting system: owners and marketers, the same verb as POST /api/reconciliations. */
export const reconciliationRoutes = new Hono<WebEnv>()
  .get("/reconciliation", ...needs("reconciliations.manage"), (c) => reconciliationPage(c))
  .get("/reconciliation/:id", ...needs("reconciliations.manage"), async (c) => reconciliationPage(c, { result: await Reconciliations.get(c.var.ctx, c.req.param("id")) }))
  .post("/reconciliation", ...needs("reconciliations.manage"), ...formPost, async (c) => {
    const values = await formValues(c);
    const file = (await c.req.parseBody()).file;
    if (!(file instanceof File) || file.size === 0) {
      const { t } = await viewOf(c);
      return reconciliationPage(c, { state: { values, problem: { issues: [{ path: "file", message: t.decisions.reconciliation.noFile }] } }, status: 400 });
    }
    // Checked here first so that a file not valid in the chosen encoding is refused in the page's words; the reader then takes the encoding found.
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = uploadText(await viewOf(c), { bytes, type: file.type }, optionalText(values.encoding));
    if (!read.ok) return reconciliationPage(c, { state: { values, problem: read.problem }, status: 400 });
    const result = await attempt(async () => {
      const query = parseForm(ReconcileQuery, { from: optionalText(values.from), to: optionalText(values.to) });
      return Reconciliations.run(c.var.ctx, bytes, query, `key:${c.var.principal.keyId}`, read.encoding);
    });
    if (!result.ok) return reconciliationPage(c, { state: { values, problem: result.problem }, status: formStatus(result.kind, "too_large") });
    // To the kept result, so reloading the page does not upload the file again.
    return c.redirect(`/reconciliation/${result.value.id}`, 303);
  });
