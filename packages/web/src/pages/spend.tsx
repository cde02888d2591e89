import { Hono, type Context } from "hono";
import { dayIn } from "@parom/core";
import { Campaigns } from "@parom/core/campaign";
import { Hypotheses } from "@parom/core/hypothesis";
import { chooseSpendFormat, Spend, spendFormats, SpendImportQuery, type SpendImportResult } from "@parom/core/spend";
import { EncodingSelect, uploadText } from "../components/encoding.js";
import { Csrf, emptyForm, Problems, Select, TextArea, YesNoSelect, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues, optionalText, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { viewOf } from "../view.js";
import { readSpendDay, SpendDayForm } from "./spend-day.js";

/**
 * `encoding` is the one an uploaded file was read in, said beside the result so a wrong guess shows;
 * `dayState` is the one-day form's, kept apart from the import form's.
 */
async function spendPage(c: Context<WebEnv>, state: FormState = emptyForm, result?: SpendImportResult, status: 200 | 400 | 409 | 413 | 422 = 200, encoding?: string, dayState: FormState = emptyForm) {
  const v = await viewOf(c);
  const t = v.t.spend;
  const [campaigns, hypotheses] = await Promise.all([Campaigns.list(c.var.ctx), Hypotheses.list(c.var.ctx)]);
  const day = c.req.query("day");
  const notice = day === "recorded" ? v.t.daily.spendDay.recorded : day === "replaced" ? v.t.daily.spendDay.replaced : undefined;
  return c.html(
    <Page v={v} title={t.title} notice={notice}>
      <p>
        {t.intro} <code translate="no">date,utm_source,utm_campaign,cost[,currency]</code>.
      </p>
      {result && (
        <section aria-labelledby="result" class="card">
          <h2 id="result">{t.result}</h2>
          <ul class="plain">
            {encoding && <li>{v.t.upload.readAs(encoding)}</li>}
            <li>✓ {t.imported(result.imported)}</li>
            <li>↻ {t.replaced(result.replaced)}</li>
            <li>{result.rejected.length > 0 ? "⚠" : "✓"} {t.rejected(result.rejected.length)}</li>
          </ul>
          {result.rejected.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col" class="num">{t.row}</th>
                  <th scope="col">{t.errors}</th>
                  <th scope="col">{t.platformCampaign}</th>
                </tr>
              </thead>
              <tbody>
                {result.rejected.map((row) => (
                  <tr>
                    <td class="num">{row.row}</td>
                    <td>{row.errors.join("; ")}</td>
                    <td>{row.platformCampaign ? Object.values(row.platformCampaign).filter(Boolean).join(" · ") : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <Problems v={v} state={state} labels={{ file: t.file, text: t.text, format: t.format, moneyInMicros: t.micros }} />
      <form method="post" action="/spend" enctype="multipart/form-data" class="card">
        <Csrf v={v} />
        <div class="field">
          <label for="f-file">{t.file}</label>
          <input id="f-file" type="file" name="file" accept=".csv,.tsv,.txt,.json,text/csv,text/tab-separated-values" />
        </div>
        <EncodingSelect v={v} state={state} />
        <TextArea state={state} name="text" label={t.text} rows={8} />
        <div class="row">
          <Select state={state} name="format" label={t.format} options={[{ value: "", label: t.detect }, ...spendFormats.map((f) => ({ value: f.name, label: v.t.words.format(f.name) }))]} />
          <YesNoSelect state={state} name="moneyInMicros" label={t.micros} unset={t.detect} yes="✓" no="✕" />
        </div>
        <button type="submit">{t.upload}</button>
      </form>
      <SpendDayForm v={v} state={dayState} campaigns={campaigns} titles={new Map(hypotheses.map((h) => [h.id, h.title]))} />
    </Page>,
    status,
  );
}

/** Spend import from a file or pasted text: owners and marketers, the same formats as POST /api/spend. */
export const spendRoutes = new Hono<WebEnv>()
  .get("/spend", ...needs("spend.manage"), (c) => spendPage(c))
  .post("/spend", ...needs("spend.manage"), ...formPost, async (c) => {
    const values = await formValues(c);
    const file = (await c.req.parseBody()).file;
    const upload = file instanceof File && file.size > 0 ? file : null;
    let text = values.text ?? "";
    let encoding: string | undefined;
    if (upload) {
      const read = uploadText(await viewOf(c), { bytes: new Uint8Array(await upload.arrayBuffer()), type: upload.type }, optionalText(values.encoding));
      if (!read.ok) return spendPage(c, { values, problem: read.problem }, undefined, 400);
      ({ text, encoding } = read);
    }
    if (!text.trim()) return spendPage(c, { values, problem: { message: (await viewOf(c)).t.spend.nothing, issues: [] } }, undefined, 400);
    const result = await attempt(async () => {
      const query = parseForm(SpendImportQuery, { format: optionalText(values.format), moneyInMicros: optionalText(values.moneyInMicros) });
      // Pasted text has no type of its own: plain text lets the generic CSV read what no platform's export recognises.
      const format = chooseSpendFormat({ contentType: upload?.type || "text/plain", text }, query.format);
      return Spend.import(c.var.ctx, format.parse(text, { moneyInMicros: query.moneyInMicros }));
    });
    if (!result.ok) return spendPage(c, { values, problem: result.problem }, undefined, formStatus(result.kind, "too_large"));
    return spendPage(c, { values: {} }, result.value, 200, encoding);
  })
  .post("/spend/day", ...needs("spend.manage"), ...formPost, async (c) => {
    const values = await formValues(c);
    const t = (await viewOf(c)).t.daily.spendDay;
    const read = readSpendDay(values, await Campaigns.list(c.var.ctx), t, dayIn(c.var.ctx.now(), c.var.ctx.timeZone));
    if ("issues" in read) return spendPage(c, emptyForm, undefined, 400, undefined, { values, problem: { issues: read.issues } });
    const { campaign, date, costKopecks } = read.input;
    // The import's own path: the campaign found by its UTM pair, the hypothesis' currency, the day replaced.
    const done = await Spend.import(c.var.ctx, [{ row: 1, spend: { date, utmSource: campaign.utmSource, utmCampaign: campaign.utmCampaign, costKopecks, currency: null } }]);
    if (done.imported === 0) return spendPage(c, emptyForm, undefined, 422, undefined, { values, problem: { message: t.refused, issues: [] } });
    return c.redirect(`/spend?day=${done.replaced > 0 ? "replaced" : "recorded"}`, 303);
  });
