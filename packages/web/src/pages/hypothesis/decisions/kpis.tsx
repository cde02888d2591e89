import { dayIn } from "@parom/core";
import { missingSpendDays, type KpiRow, type Targets } from "@parom/core/kpi";
import { boundText, intervalText, KpiTargetChart, verdictSign, type TargetRow } from "../../../charts/kpi-targets.js";
import { StatusBadge } from "../../../components/status.js";
import { hypothesisStatus } from "../../../status.js";
import type { View } from "../../../view.js";
import type { Section } from "../section.js";
import { decisionData } from "./data.js";
import { kpiFormat, targetRow } from "./format.js";

/** KPIs against targets: the chart of judged KPIs, then every KPI as a table row (the chart's figures in text). */
export const KpiSection: Section = async ({ v, ctx, data }) => {
  const { report } = await decisionData(ctx, data);
  const t = v.t.decisions.kpi;
  const currency = data.hypothesis.currency;
  const judged = report.kpis.map((row) => targetRow(v, row, currency)).filter((row): row is TargetRow => row !== null);
  // CPL's sample covers every cohort day, so its missing days include those of CAC and ROMI.
  const spendMissing = report.kpis.find((row) => row.kpi === "cpl")?.spendMissing;
  return (
    <section aria-labelledby="kpis">
      <h2 id="kpis">{t.title}</h2>
      {judged.length > 0 ? <KpiTargetChart v={v} id="kpi-chart" rows={judged} /> : <p class="muted">{t.noTargets}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t.kpi}</th>
            <th scope="col" class="num">{t.observed}</th>
            <th scope="col">{t.interval}</th>
            <th scope="col">{t.targetColumn}</th>
            <th scope="col">{t.verdictColumn}</th>
            <th scope="col" class="num">{t.probabilityColumn}</th>
          </tr>
        </thead>
        <tbody>
          {report.kpis.map((row) => {
            const format = kpiFormat(v, row.kpi, currency);
            const judgedRow = targetRow(v, row, currency);
            return (
              <tr>
                <th scope="row">{t.names[row.kpi]}</th>
                <td class="num">{row.observed === null ? "—" : format(row.observed)}</td>
                <td>{intervalText({ interval: row.interval, format }) ?? "—"}</td>
                <td>
                  {judgedRow ? boundText(v, judgedRow) : "—"}
                  {row.targetChangedAt && (
                    <>
                      <br />
                      <small class="caution">
                        ✎ {v.t.edit.targetChanged(v.fmt.day(dayIn(new Date(row.targetChangedAt), ctx.timeZone)), previousTargetText(v, row, currency))}
                      </small>
                    </>
                  )}
                </td>
                <td>{row.verdict ? `${verdictSign[row.verdict]} ${v.t.decisions.verdict[row.verdict]}` : "—"}</td>
                <td class="num">{row.probability === undefined ? "—" : v.fmt.percent(row.probability)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {spendMissing && (
        <p class="caution" role="note">
          ⚠ {t.spendMissing(spendMissing.days.length, spendMissing.days.map(v.fmt.day).join(", "))}
        </p>
      )}
      <p class="muted">{t.maturing(v.fmt.number(report.maturing.leads), v.fmt.day(report.asOf))}</p>
    </section>
  );
};

/** The target a changed one replaced, as the reader writes it (null: there was none). */
function previousTargetText(v: View, row: KpiRow, currency: string): string | null {
  const previous = row.previousTarget;
  if (previous === null || previous === undefined) return null;
  return kpiFormat(v, row.kpi, currency)(previous);
}

/** Why a judged KPI is not (yet) met, in the reader's words. */
export function missingReason(v: View, row: KpiRow, targets: Targets, confidence: number, currency: string): string {
  const t = v.t.decisions.gate;
  const n = v.fmt.number;
  if (row.spendMissing) return t.spendMissing(row.spendMissing.days.length);
  if (targets.minLeads !== undefined && row.sample.leads < targets.minLeads) return t.needLeads(n(targets.minLeads), n(row.sample.leads));
  if (targets.minClients !== undefined && row.sample.won < targets.minClients) return t.needClients(n(targets.minClients), n(row.sample.won));
  const p = row.probability;
  if (row.verdict === "not_met") return t.notMet(v.fmt.percent(p ?? 0));
  if (p === undefined) return t.noEvidence;
  if (p >= confidence) {
    // Certain enough, yet held back because the sample itself still misses the target.
    const judged = targetRow(v, row, currency)!;
    return t.observedMisses(row.observed === null ? "—" : judged.format(row.observed), boundText(v, judged));
  }
  return t.unsure(v.fmt.percent(p), v.fmt.percent(confidence));
}

/** How far an undecided target is from its verdict, in words; null when there is nothing to say. */
export function decisionText(v: View, row: KpiRow): string | null {
  const t = v.t.decisions.gate;
  const d = row.decision;
  if (!d) return null;
  if (d.likely === null || d.moreLeads === null) return t.outOfSight;
  const heading = t.heading(d.likely, d.moreLeads, d.days);
  return d.withinProbe === false ? `${heading}; ${t.beyondProbe}` : heading;
}

/** The scale-out gate: passed or not in words, and for each target not met what is missing. */
export const GateSection: Section = async ({ v, ctx, data }) => {
  const h = data.hypothesis;
  if (h.stage === "closed") return null;
  const { gate, days, unpaidCampaignIds } = await decisionData(ctx, data);
  const t = v.t.decisions.gate;
  const unmet = gate.kpis.filter((row) => row.verdict !== "met");
  const met = gate.kpis.length - unmet.length;
  const summary = gate.kpis.length === 0 ? t.noTargets : gate.passed ? t.passed(gate.kpis.length, v.fmt.percent(gate.confidence)) : t.notPassed(met, gate.kpis.length);
  return (
    <section aria-labelledby="gate">
      <h2 id="gate">
        {t.title} <StatusBadge v={v} status={hypothesisStatus(gate, missingSpendDays(days, unpaidCampaignIds), h.stage)} />
      </h2>
      <p>{summary}</p>
      {unmet.length > 0 && (
        <>
          <h3>{t.missing}</h3>
          <ul>
            {unmet.map((row) => (
              <li>
                <strong>{v.t.decisions.kpi.names[row.kpi]}</strong> ({verdictSign[row.verdict!]} {v.t.decisions.verdict[row.verdict!]}):{" "}
                {missingReason(v, row, h.targets, gate.confidence, h.currency)}
                {decisionText(v, row) && `; ${decisionText(v, row)}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {gate.maturing.leads > 0 && <p class="muted">{t.maturingNote(v.fmt.number(gate.maturing.leads))}</p>}
    </section>
  );
};
