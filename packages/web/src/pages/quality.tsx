import { Hono, type Context } from "hono";
import { Hypotheses } from "@parom/core/hypothesis";
import { QualityQuery, qualityReport, UNASSIGNED } from "@parom/core/quality";
import { HorizontalBars } from "../charts/bars.js";
import { emptyForm, Select, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { optionalText, parseForm } from "../forms.js";
import { needs } from "../guards.js";
import { Page } from "../layout.js";
import { viewOf } from "../view.js";
import { duration } from "./results.js";

/**
 * The lead-handling audit per responsible person, for the whole workspace or one hypothesis
 * (`?hypothesisId=`): the same report as GET /api/quality, which reads every lead of its scope.
 */
async function qualityPage(c: Context<WebEnv>) {
  const { ctx } = c.var;
  const hypothesisId = optionalText(c.req.query("hypothesisId"));
  // An unknown hypothesis throws the API's 404, which the web shows as its not-found page.
  const listed = Hypotheses.list(ctx);
  const [v, hypotheses, report] = await Promise.all([viewOf(c), listed, qualityReport(ctx, parseForm(QualityQuery, { hypothesisId }), listed)]);
  const t = v.t.decisions.quality;
  const state: FormState = { ...emptyForm, values: { hypothesisId: hypothesisId ?? "" } };
  const person = (name: string) => (name === UNASSIGNED ? t.unassigned : name);
  // Said as the results page says it ("1 ч 20 мин"), not as a decimal of hours ("1,33 ч").
  const hours = (value: number | null) => (value === null ? t.noAttempt : duration(v.t.results, Math.round(value * 60)));
  return c.html(
    <Page v={v} title={t.title}>
      <p>{t.intro}</p>
      <form method="get" action="/quality" class="card filters">
        <Select state={state} name="hypothesisId" label={t.hypothesis} options={[{ value: "", label: t.all }, ...hypotheses.map((h) => ({ value: h.id, label: h.title }))]} />
        <button type="submit">{t.show}</button>
      </form>
      {report.people.length === 0 && <p class="muted">{t.empty}</p>}
      {report.people.length > 0 && (
        <>
          <HorizontalBars
            id="first-contact"
            title={t.chartTitle}
            bars={report.people.map((p) => ({ label: person(p.responsible), value: p.firstContact.medianHours, text: hours(p.firstContact.medianHours) }))}
          />
          <table>
            <thead>
              <tr>
                <th scope="col">{t.person}</th>
                <th scope="col" class="num">{t.leads}</th>
                <th scope="col" class="num">{t.missing}</th>
                <th scope="col" class="num">{t.median}</th>
                <th scope="col" class="num">{t.without}</th>
              </tr>
            </thead>
            <tbody>
              {report.people.map((p) => (
                <tr>
                  <th scope="row">{person(p.responsible)}</th>
                  <td class="num">{v.fmt.number(p.leads)}</td>
                  <td class="num">{p.missingTags.count > 0 ? `⚠ ${v.fmt.number(p.missingTags.count)}` : "✓ 0"}</td>
                  <td class="num">{hours(p.firstContact.medianHours)}</td>
                  <td class="num">{v.fmt.number(p.firstContact.leadsWithoutAttempt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.people
            .filter((p) => p.missingTags.count > 0)
            .map((p) => (
              <section class="card" aria-label={`${t.missingLeads}: ${person(p.responsible)}`}>
                <h2 class="small">
                  {t.missingLeads}: {person(p.responsible)}
                </h2>
                <ul>
                  {p.missingTags.leads.map((lead) => (
                    <li>
                      <a href={`/leads/${lead.id}`}>{lead.id}</a> ({v.t.leadStage[lead.stage]}): {lead.missing.map((tag) => t.tags[tag]).join(", ")}
                    </li>
                  ))}
                </ul>
                {p.missingTags.truncated && <p class="muted">{t.truncated(p.missingTags.leads.length, v.fmt.number(p.missingTags.count))}</p>}
              </section>
            ))}
          <p class="muted">{t.read(v.fmt.number(report.leadsRead), v.fmt.dateTime(report.asOf))}</p>
        </>
      )}
    </Page>,
  );
}

export const qualityRoutes = new Hono<WebEnv>().get("/quality", ...needs("quality.read"), qualityPage);
