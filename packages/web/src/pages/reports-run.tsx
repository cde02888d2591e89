import { Hono } from "hono";
import type { FC } from "hono/jsx";
import { Contractors } from "@parom/core/contractor";
import { outboxMailer, reportPeriods, runReports } from "@parom/core/report";
import { FormCard } from "../components/form-card.js";
import { Problems } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { formValues } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { viewOf, type View } from "../view.js";

/** The contractors page's form that runs the report job now (POST /api/reports/run's page twin). */
export const ReportsRunForm: FC<{ v: View }> = ({ v }) => {
  const t = v.t.daily.reportsRun;
  return (
    <FormCard v={v} action="/reports/run" id="reports-run" title={t.title} intro={t.intro}>
      <div class="row">
        <div class="field">
          <label for="f-period">{t.period}</label>
          <select id="f-period" name="period">
            {reportPeriods.map((period) => (
              <option value={period}>{v.t.contractors.period[period]}</option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t.send}
        </button>
      </div>
    </FormCard>
  );
};

/**
 * Runs the weekly or monthly sending job now, through the deployment's mailer (the outbox locally),
 * and says per contractor what happened. Owners and marketers, as the API's reports.run.
 */
export const reportRunRoutes = new Hono<WebEnv>().post("/reports/run", ...needs("reports.run"), ...formPost, async (c) => {
  const { ctx } = c.var;
  const v = await viewOf(c);
  const t = v.t.daily.reportsRun;
  const asked = (await formValues(c)).period;
  const period = reportPeriods.find((p) => p === asked);
  if (!period) {
    return c.html(
      <Page v={v} title={t.title}>
        <Problems v={v} state={{ values: {}, problem: { message: t.badPeriod, issues: [] } }} named />
        <ReportsRunForm v={v} />
      </Page>,
      400,
    );
  }
  const run = await runReports(ctx, { period, send: (c.var.web.mailer ?? outboxMailer(ctx)).send });
  const names = new Map((await Contractors.list(ctx)).map((x) => [x.id, x.name]));
  return c.html(
    <Page v={v} title={t.resultTitle}>
      <p>
        {v.t.contractors.period[period]} · {t.days(v.fmt.day(run.from), v.fmt.day(run.to))}
      </p>
      {run.results.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <ul class="card">
          {run.results.map((result) => (
            <li>
              {names.get(result.contractorId) ?? "—"}: {t.outcome[result.outcome]}
            </li>
          ))}
        </ul>
      )}
      <a href="/contractors">{t.back}</a>
    </Page>,
  );
});
