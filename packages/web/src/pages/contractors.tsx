import { Hono, type Context } from "hono";
import { Campaigns } from "@parom/core/campaign";
import { Contractors, CreateContractorInput, UpdateContractorInput } from "@parom/core/contractor";
import { Hypotheses } from "@parom/core/hypothesis";
import { can } from "@parom/core/access";
import { ReportResends, ReportSends } from "@parom/core/report";
import { Csrf, emptyForm, Field, Problems, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { noticeOf } from "../notice.js";
import { viewOf } from "../view.js";
import { ContractorEmailForm } from "./contractor-email.js";
import { ResendForm, ResendLines } from "./report-resend.js";
import { ReportsRunForm } from "./reports-run.js";

const LATEST_REPORTS = 3;
/** Resends read per contractor: enough for its latest reports' lines. */
const LATEST_RESENDS = 20;

async function contractorsPage(c: Context<WebEnv>, state: FormState = emptyForm, status: 200 | 400 | 409 | 422 = 200) {
  const v = await viewOf(c);
  const { ctx } = c.var;
  const [contractors, campaigns, hypotheses] = await Promise.all([Contractors.list(ctx), Campaigns.list(ctx), Hypotheses.list(ctx)]);
  // Each contractor's three newest mailed reports: one query per contractor, all at once.
  const mayResend = can(c.var.principal, "reports.run");
  const [reports, resends] = await Promise.all([
    Promise.all(contractors.map((contractor) => ReportSends.list(ctx, { contractorId: contractor.id, limit: LATEST_REPORTS }))),
    // The times they were sent again, oldest first under each report: one more query per contractor.
    Promise.all(contractors.map(async (contractor) => (mayResend ? (await ReportResends.ofContractor(ctx, contractor.id, LATEST_RESENDS)).reverse() : []))),
  ]);
  const title = new Map(hypotheses.map((h) => [h.id, h.title]));
  const t = v.t.contractors;
  const done = c.req.query("email");
  const notice = done === "saved" ? v.t.daily.email.saved : done === "removed" ? v.t.daily.email.removed : noticeOf(c, v.t);
  return c.html(
    <Page v={v} title={t.title} notice={notice}>
      <Problems v={v} state={state} labels={{ name: t.name }} />
      <form method="post" action="/contractors" class="card row">
        <Csrf v={v} />
        <Field state={state} name="name" label={t.name} required />
        <button type="submit">{t.create}</button>
      </form>
      <ReportsRunForm v={v} />
      {contractors.length === 0 && <p class="muted">{t.empty}</p>}
      {contractors.map((contractor, i) => {
        const own = campaigns.filter((campaign) => campaign.contractorId === contractor.id);
        const latest = reports[i]!.items;
        const resent = resends[i]!;
        return (
          <article class="card" id={`contractor-${contractor.id}`} aria-labelledby={`contractor-title-${contractor.id}`}>
            <h2 id={`contractor-title-${contractor.id}`} class="small">
              {contractor.name}
            </h2>
            {own.length === 0 ? (
              <p class="muted">{t.noCampaigns}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{v.t.hypothesis.utmSource}</th>
                    <th scope="col">{v.t.hypothesis.utmCampaign}</th>
                    <th scope="col">{t.hypothesis}</th>
                  </tr>
                </thead>
                <tbody>
                  {own.map((campaign) => (
                    <tr>
                      <td>{v.t.words.channel(campaign.utmSource)}</td>
                      <td>{campaign.utmCampaign}</td>
                      <td>
                        <a href={`/hypotheses/${campaign.hypothesisId}`}>{title.get(campaign.hypothesisId) ?? campaign.hypothesisId}</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <ContractorEmailForm v={v} contractor={contractor} state={state} />
            <h3 class="small">{t.latestReports}</h3>
            {latest.length === 0 ? (
              <p class="muted">{t.noReports}</p>
            ) : (
              <ul>
                {latest.map((sent) => {
                  const line = t.reportLine(t.period[sent.period], `${v.fmt.day(sent.from)} – ${v.fmt.day(sent.to)}`, t.status[sent.status]);
                  return (
                    <li id={`report-${sent.id}`}>
                      {line}
                      {sent.sentAt && <span class="muted"> ({v.fmt.dateTime(sent.sentAt)}{sent.recipient && `, ${sent.recipient}`})</span>}
                      {mayResend && sent.subject !== null && <ResendForm v={v} reportId={sent.id} report={line} />}
                      <ResendLines v={v} resends={resent.filter((r) => r.reportId === sent.id)} />
                    </li>
                  );
                })}
              </ul>
            )}
            <a href={`/contractors/${contractor.id}/report`}>{v.t.decisions.report.link} →</a>
          </article>
        );
      })}
    </Page>,
    status,
  );
}

/** Contractors and their campaigns: owners and marketers, as /api/contractors. */
export const contractorRoutes = new Hono<WebEnv>()
  .get("/contractors", ...needs("contractors.manage"), (c) => contractorsPage(c))
  .post("/contractors", ...needs("contractors.manage"), ...formPost, async (c) => {
    const values = await formValues(c);
    const result = await attempt(async () => Contractors.create(c.var.ctx, parseForm(CreateContractorInput, { name: values.name ?? "" })));
    if (!result.ok) return contractorsPage(c, { values, problem: result.problem }, formStatus(result.kind));
    return c.redirect(`/contractors?notice=created#contractor-${result.value.id}`, 303);
  })
  .post("/contractors/:id/email", ...needs("contractors.manage"), ...formPost, async (c) => {
    const id = c.req.param("id");
    const values: Record<string, string> = { ...(await formValues(c)), contractorId: id };
    const email = values.email?.trim() || null;
    const input = UpdateContractorInput.safeParse({ email });
    if (!input.success) return contractorsPage(c, { values, problem: { message: (await viewOf(c)).t.daily.email.bad, issues: [] } }, 400);
    await Contractors.update(c.var.ctx, id, input.data);
    return c.redirect(`/contractors?email=${email ? "saved" : "removed"}#contractor-${id}`, 303);
  });
