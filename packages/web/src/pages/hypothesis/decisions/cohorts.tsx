import { cohortTable, type CohortUnit } from "@parom/core/analytics";
import { toKopecks } from "@parom/core";
import { CohortHeatmap } from "../../../charts/cohort-heatmap.js";
import type { Section } from "../section.js";
import { decisionData } from "./data.js";
import { pageQuery, withQuery } from "./format.js";

/** The cohort heat map by month (or `?by=week`), and the cohorts' money figures as a table. */
export const CohortsSection: Section = async ({ v, ctx, data }) => {
  const { days, wins, unpaidCampaignIds, asOf } = await decisionData(ctx, data);
  const h = data.hypothesis;
  const by: CohortUnit = pageQuery(v).get("by") === "week" ? "week" : "month";
  const table = cohortTable({ days, wins, by, asOf, maturityDays: h.maturityDays, unpaidCampaignIds });
  const t = v.t.decisions.cohorts;
  const money = (decimal: string | null) => (decimal === null ? "—" : v.fmt.amount(toKopecks(decimal)!, h.currency));
  return (
    <section aria-labelledby="cohorts">
      <h2 id="cohorts">{t.title}</h2>
      <p>
        {by === "month" ? <strong>{t.byMonth}</strong> : <a href={withQuery(v, { by: "month" }, "#cohorts")}>{t.byMonth}</a>} ·{" "}
        {by === "week" ? <strong>{t.byWeek}</strong> : <a href={withQuery(v, { by: "week" }, "#cohorts")}>{t.byWeek}</a>}
      </p>
      {table.cohorts.length === 0 ? (
        <p class="muted">{t.empty}</p>
      ) : (
        <>
          <CohortHeatmap v={v} id="cohort-map" table={table} />
          <table>
            <thead>
              <tr>
                <th scope="col">{t.cohort}</th>
                <th scope="col" class="num">{t.leads}</th>
                <th scope="col" class="num">{t.spend}</th>
                <th scope="col" class="num">{t.won}</th>
                <th scope="col" class="num">{t.revenue}</th>
                <th scope="col" class="num">{t.cac}</th>
                <th scope="col" class="num">{t.romi}</th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {table.cohorts.map((row) => (
                <tr>
                  <th scope="row">{v.fmt.cohort(row.cohort)}</th>
                  <td class="num">{v.fmt.number(row.leads)}</td>
                  <td class="num">
                    {money(row.spend)}
                    {row.spendMissing && <small class="error"> ⚠ {v.t.board.spendMissing(row.spendMissing.days.length)}</small>}
                  </td>
                  <td class="num">{v.fmt.number(row.won)}</td>
                  <td class="num">{money(row.revenue)}</td>
                  <td class="num">{money(row.cac)}</td>
                  <td class="num">{row.romi === null ? "—" : v.fmt.percent(row.romi)}</td>
                  <td>{row.immature ? `… ${t.maturing}` : `✓ ${t.mature}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
};
