import type { KpiName, KpiReport } from "./model.js";
import type { JudgingHypothesis, Targets } from "./targets.js";

/** The KPI row each target judges; minLeads and minClients only hold a verdict back, so they mark no row. */
const judgedKpi: Partial<Record<keyof Targets, KpiName>> = {
  cplMax: "cpl",
  cacMax: "cac",
  qualifiedRateMin: "qualifiedRate",
  conversionMin: "conversion",
  romiMin: "romi",
};
const money: readonly string[] = ["cplMax", "cacMax"];

/**
 * Marks the rows whose target was changed after leads had arrived (hypothesis/edit.ts): when
 * (`targetChangedAt`) and the target it replaced (`previousTarget`, in the row's units: roubles for
 * money, a fraction for rates; null when there was none), so a verdict reached under a moved target reads as such.
 */
export function markTargetChanges(report: KpiReport, hypothesis: Pick<JudgingHypothesis, "targetChanges">): KpiReport {
  const marks = hypothesis.targetChanges;
  if (!marks || Object.keys(marks).length === 0) return report;
  const byKpi = new Map(
    Object.entries(marks).flatMap(([target, mark]) => {
      const kpi = judgedKpi[target as keyof Targets];
      const previous = mark.before === null ? null : money.includes(target) ? mark.before / 100 : mark.before;
      return kpi ? [[kpi, { targetChangedAt: mark.at, previousTarget: previous }] as const] : [];
    }),
  );
  return { ...report, kpis: report.kpis.map((row) => ({ ...row, ...byKpi.get(row.kpi) })) };
}
