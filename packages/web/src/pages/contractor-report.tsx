import { Hono, type Context } from "hono";
import type { FC } from "hono/jsx";
import { assertVisible, can, contractorScope } from "@parom/core/access";
import { buildContractorReport, type CampaignReport, type ContractorReport, type DayRange, previousPeriod, reportCsv, type ReportFigures, ReportQuery, reportRange, type TargetKpi, targetKpis } from "@parom/core/report";
import { verdictSign } from "../charts/kpi-targets.js";
import { emptyForm, Field, Problems, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, optionalText, parseForm } from "../forms.js";
import { needs } from "../guards.js";
import { Page } from "../layout.js";
import { viewOf, type View } from "../view.js";

type Kind = "count" | "money" | "rate";
const rows: { field: keyof ReportFigures; kind: Kind }[] = [
  { field: "spend", kind: "money" },
  { field: "leads", kind: "count" },
  { field: "cpl", kind: "money" },
  { field: "qualifiedRate", kind: "rate" },
  { field: "matureLeads", kind: "count" },
  { field: "won", kind: "count" },
  { field: "conversion", kind: "rate" },
  { field: "cac", kind: "money" },
  { field: "romi", kind: "rate" },
];

/** A report figure for people. The report keeps money in roubles (decimal strings) and rates as fractions. */
function figure(v: View, kind: Kind, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (kind === "money") return v.fmt.money(String(value));
  return kind === "rate" ? v.fmt.percent(Number(value)) : v.fmt.number(Number(value));
}

/** A change with its sign; rates change by percentage points. */
function change(v: View, kind: Kind, value: string | number | null): string {
  if (value === null) return "—";
  const sign = Number(value) > 0 ? "+" : "";
  if (kind === "rate") return v.t.decisions.report.points(sign + v.fmt.number(Math.round(Number(value) * 10_000) / 100));
  return sign + figure(v, kind, value);
}

const fieldName = (v: View, field: keyof ReportFigures) =>
  field === "matureLeads" ? v.t.decisions.report.matureLeads : field === "won" ? v.t.decisions.cohorts.won : v.t.decisions.kpi.names[field];

/** Whether a campaign meets its targets, as a badge. */
const Meets: FC<{ v: View; meets: boolean | null }> = ({ v, meets }) => {
  const t = v.t.decisions.report.meets;
  return <span class={meets === true ? "badge good" : "badge pending"}>{meets === true ? t.yes : meets === false ? t.no : t.open}</span>;
};

const CampaignCard: FC<{ v: View; campaign: CampaignReport }> = ({ v, campaign: c }) => {
  const t = v.t.decisions.report;
  const linkHypothesis = v.principal ? can(v.principal, "hypotheses.read") : false;
  const s = c.cumulative;
  return (
    <article class="card" id={`campaign-${c.campaignId}`}>
      <h2 class="small">
        {v.t.words.channel(c.utmSource)} / {c.utmCampaign}
      </h2>
      <p class="muted">
        {t.hypothesis}: {linkHypothesis ? <a href={`/hypotheses/${c.hypothesisId}`}>{c.hypothesisTitle}</a> : c.hypothesisTitle}
      </p>
      {/* The campaign so far decides; the period alone is mostly too early to judge. The core writes the summaries in Russian, for the mailed report. */}
      <p>
        <strong>{t.sinceStartLine(s.from ? v.fmt.day(s.from) : "—", v.fmt.day(s.to))}</strong> <Meets v={v} meets={s.meetsTargets} /> {v.lang === "ru" && s.summary}
      </p>
      <p>
        <strong>{t.periodLine}</strong> <Meets v={v} meets={c.meetsTargets} /> {v.lang === "ru" && c.summary}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.figure}</th>
            <th scope="col" class="num">{t.now}</th>
            <th scope="col" class="num">{t.before}</th>
            <th scope="col" class="num">{t.changeColumn}</th>
            <th scope="col">{t.targetColumn}</th>
            <th scope="col">{t.verdictColumn}</th>
            <th scope="col" class="num">{t.sinceStart}</th>
            <th scope="col">{t.sinceStartVerdict}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ field, kind }) => {
            const kpi = (targetKpis as readonly string[]).includes(field) ? (field as TargetKpi) : null;
            const verdict = kpi ? c.verdicts[kpi] : undefined;
            const sinceStart = kpi ? s.verdicts[kpi] : undefined;
            const target = kpi ? c.targets[kpi] : undefined;
            const bound = kpi === "cpl" || kpi === "cac" ? v.t.decisions.kpi.atMost : v.t.decisions.kpi.atLeast;
            return (
              <tr>
                <th scope="row">{fieldName(v, field)}</th>
                <td class="num">{figure(v, kind, c[field])}</td>
                <td class="num">{figure(v, kind, c.previous[field])}</td>
                <td class="num">{change(v, kind, c.change[field])}</td>
                <td>{target === undefined ? "—" : bound(figure(v, kind, target))}</td>
                <td>{verdict ? `${verdictSign[verdict]} ${v.t.decisions.verdict[verdict]}` : "—"}</td>
                <td class="num">{figure(v, kind, s[field])}</td>
                <td>{sinceStart ? `${verdictSign[sinceStart]} ${t.sinceStartVerdicts[sinceStart]}` : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
};

/** The report's period form (GET) with quick links to the last complete week and month. */
const PeriodForm: FC<{ v: View; id: string; state: FormState; range: DayRange; quick: Record<"weekly" | "monthly", DayRange> }> = ({ v, id, state, range, quick }) => {
  const t = v.t.decisions.report;
  const link = (r: DayRange) => `/contractors/${id}/report?from=${r.from}&to=${r.to}`;
  return (
    <form method="get" action={`/contractors/${id}/report`} class="card">
      <div class="row">
        <Field state={state} name="from" label={t.from} type="date" required value={range.from} />
        <Field state={state} name="to" label={t.to} type="date" required value={range.to} />
        <button type="submit">{t.show}</button>
      </div>
      <a href={link(quick.weekly)}>{t.lastWeek}</a> · <a href={link(quick.monthly)}>{t.lastMonth}</a>
    </form>
  );
};

/** `?from&to` as the API reads them (both or neither, at most a year); without them the last complete week. */
async function rangeOf(c: Context<WebEnv>) {
  const values = { from: c.req.query("from") ?? "", to: c.req.query("to") ?? "" };
  const parsed = await attempt(async () => parseForm(ReportQuery, { from: optionalText(values.from), to: optionalText(values.to) }));
  return { values, parsed, range: reportRange(c.var.ctx, parsed.ok ? parsed.value : { format: "json" }) };
}

/** The contractor whose report is asked for, 404 for a contractor key asking for another's (as the API). */
function contractorId(c: Context<WebEnv>): string {
  const id = c.req.param("id")!;
  assertVisible(c.var.principal, id, "contractor", id);
  return id;
}

async function reportPage(c: Context<WebEnv>) {
  const id = contractorId(c);
  const { values, parsed, range } = await rangeOf(c);
  const [v, report] = await Promise.all([viewOf(c), buildContractorReport(c.var.ctx, id, range)]);
  const t = v.t.decisions.report;
  const state: FormState = parsed.ok ? emptyForm : { values, problem: parsed.problem };
  const previous = report.campaigns[0]?.previous;
  const [now, tz] = [c.var.ctx.now(), c.var.ctx.timeZone];
  return c.html(
    <Page
      v={v}
      title={t.title(report.contractorName)}
      actions={
        <a class="button" href={`/contractors/${id}/report.csv?from=${report.from}&to=${report.to}`} download>
          ⤓ {t.csv}
        </a>
      }
    >
      <p>{t.intro}</p>
      <Problems v={v} state={state} labels={{ from: t.from, to: t.to }} />
      <PeriodForm v={v} id={id} state={state} range={range} quick={{ weekly: previousPeriod("weekly", now, tz), monthly: previousPeriod("monthly", now, tz) }} />
      <p>
        <strong>{t.period(v.fmt.day(report.from), v.fmt.day(report.to))}</strong>
        {previous && <span class="muted"> {t.previous(v.fmt.day(previous.from), v.fmt.day(previous.to))}</span>}
      </p>
      {report.campaigns.length === 0 && <p class="muted">{t.empty}</p>}
      {report.campaigns.map((campaign) => (
        <CampaignCard v={v} campaign={campaign} />
      ))}
    </Page>,
    parsed.ok ? 200 : 400,
  );
}

/** The same report as the CSV the API serves, through the browser's session (a link cannot carry a bearer key). */
async function reportCsvDownload(c: Context<WebEnv>) {
  const id = contractorId(c);
  const { parsed, range } = await rangeOf(c);
  if (!parsed.ok) return reportPage(c);
  const report: ContractorReport = await buildContractorReport(c.var.ctx, id, range);
  return c.body(reportCsv(report), 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="kpi-${id}-${report.from}-${report.to}.csv"`,
  });
}

const anyone = needs("reports.read");

/**
 * A contractor's KPI report: owners and marketers open any contractor's, a contractor only its
 * own (another id is a 404, as in the API); `/report` takes a contractor to its own.
 */
export const contractorReportRoutes = new Hono<WebEnv>()
  .get("/report", ...anyone, (c) => {
    const own = contractorScope(c.var.principal);
    return c.redirect(own ? `/contractors/${own}/report` : "/contractors", 303);
  })
  .get("/contractors/:id/report", ...anyone, reportPage)
  .get("/contractors/:id/report.csv", ...anyone, reportCsvDownload);
