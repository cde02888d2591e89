import { Hono, type Context } from "hono";
import type { FC } from "hono/jsx";
import { can } from "@parom/core/access";
import { dayIn } from "@parom/core";
import { readResults, ResultsQuery, type PersonResult, type Segment } from "@parom/core/people-results";
import type { WebEnv } from "../env.js";
import { needs } from "../guards.js";
import type { Messages } from "../i18n/index.js";
import { Page } from "../layout.js";
import { viewOf, type View } from "../view.js";

/**
 * The month's results board (GET /api/people/results): one table per segment, since people are
 * compared only within one. `?month=YYYY-MM`, this month in the workspace time zone by default.
 */
async function resultsPage(c: Context<WebEnv>) {
  const { ctx, principal } = c.var;
  const v = await viewOf(c);
  const t = v.t.results;
  const month = c.req.query("month") ?? dayIn(ctx.now(), ctx.timeZone).slice(0, 7);
  const query = ResultsQuery.safeParse({ month });
  const ownOnly = !can(principal, "results.readAll");
  const board = query.success ? await readResults(ctx, query.data, { onlySegmentsOf: ownOnly ? (principal.personId ?? "") : null }) : null;
  const body = (
    <Page v={v} title={t.title}>
      <p>{t.intro}</p>
      <p class="notice">
        <strong>{t.segmentsOnly}</strong>
        {ownOnly && ` ${t.ownSegments}`}
      </p>
      <form method="get" action="/results" class="card filters">
        <div class={board ? "field" : "field invalid"}>
          <label for="f-month">{t.month}</label>
          <input id="f-month" name="month" type="month" value={month} required aria-invalid={board ? undefined : "true"} aria-describedby={board ? undefined : "e-month"} />
          {!board && (
            <small id="e-month" class="error">
              ⚠ {t.badMonth}
            </small>
          )}
        </div>
        <button type="submit">{t.show}</button>
      </form>
      {board && board.segments.length === 0 && <p class="muted">{t.empty}</p>}
      {board?.segments.map((segment) => <SegmentTable v={v} segment={segment} month={board.month} />)}
      {board && board.segments.length > 0 && <p class="muted">{t.rules(v.fmt.number(board.minLeadsToCompare))}</p>}
    </Page>
  );
  return c.html(body, board ? 200 : 400);
}

const SegmentTable: FC<{ v: View; segment: Segment; month: string }> = ({ v, segment, month }) => {
  const t = v.t.results;
  const title = t.segment(segment.sourceName, segment.clientType ? t.clientType[segment.clientType] : t.untagged);
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.person}</th>
            <th scope="col" class="num">{t.assigned}</th>
            <th scope="col" class="num">{t.reached}</th>
            <th scope="col" class="num">{t.firstContact}</th>
            <th scope="col" class="num">{t.qualified}</th>
            <th scope="col" class="num">{t.won}</th>
            <th scope="col" class="num">{t.revenue}</th>
            <th scope="col" class="num">{t.conversion}</th>
            <th scope="col">{t.marks}</th>
          </tr>
        </thead>
        <tbody>
          {segment.people.map((p) => (
            <tr>
              <th scope="row">
                {p.name}
                {p.role === "sales_head" && <small class="muted"> ({t.headOfSales})</small>}
              </th>
              <td class="num">{v.fmt.number(p.assigned)}</td>
              <td class="num">{v.fmt.number(p.reachedWithinRule)}</td>
              <td class="num">{p.firstContact.medianMinutes === null ? t.noAttempt : duration(t, p.firstContact.medianMinutes)}</td>
              <td class="num">{v.fmt.number(p.qualified)}</td>
              <td class="num">{v.fmt.number(p.won)}</td>
              <td class="num">{v.fmt.money(p.revenue)}</td>
              <td class="num">
                {v.fmt.percent(p.conversion.rate)}
                <br />
                <small class="muted">{t.interval(v.fmt.percent(p.conversion.interval[0]), v.fmt.percent(p.conversion.interval[1]))}</small>
              </td>
              <td>{marks(v, p, month).join("; ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};

/** The marks of a row, in words: best or worst of the month, a record, or the earlier month that holds their record. */
function marks(v: View, p: PersonResult, month: string): string[] {
  const t = v.t.results;
  const words: string[] = [];
  if (p.best) words.push(`★ ${t.best}`);
  if (p.worst) words.push(`▼ ${t.worst}`);
  if (p.isRecord) words.push(`◆ ${t.record}`);
  else if (p.recordMonth && p.recordMonth.month !== month) words.push(t.recordWas(monthName(v, p.recordMonth.month)));
  return words;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** "2026-03" -> "март 2026 г." / "March 2026". */
function monthName(v: View, month: string): string {
  let format = monthFormats.get(v.t.locale);
  if (!format) monthFormats.set(v.t.locale, (format = new Intl.DateTimeFormat(v.t.locale, { month: "long", year: "numeric", timeZone: "UTC" })));
  return format.format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * Whole minutes in working words: under an hour in minutes, under a day in hours and minutes, else days and hours.
 * @example duration(resultsRu, 80) // "1 ч 20 мин"
 */
export function duration(t: Messages["results"], minutes: number): string {
  if (minutes < 60) return t.minutes(minutes);
  if (minutes < 24 * 60) return t.hours(Math.floor(minutes / 60), minutes % 60);
  return t.days(Math.floor(minutes / (24 * 60)), Math.floor((minutes % (24 * 60)) / 60));
}

export const resultsRoutes = new Hono<WebEnv>().get("/results", ...needs("results.read"), resultsPage);
