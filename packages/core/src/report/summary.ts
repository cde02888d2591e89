import type { CampaignReport, ReportFigures, TargetKpi } from "./model.js";
import { figureRu, kpiLabels } from "./format.js";

type Judgement = Pick<CampaignReport, "targets" | "verdicts" | "meetsTargets">;

const bound = (kpi: TargetKpi) => (kpi === "cpl" || kpi === "cac" ? "не выше" : "не ниже");

/**
 * The one sentence a contractor reads first: does the campaign meet its targets, and if not,
 * which figure misses which target.
 * @example "Кампания не выполняет целевые показатели: CPL 1 650,00 ₽ при цели не выше 1 500,00 ₽."
 */
export function summarize(figures: ReportFigures, { targets, verdicts, meetsTargets }: Judgement): string {
  const judged = Object.keys(verdicts) as TargetKpi[];
  if (judged.length === 0) return "Для гипотезы кампании не заданы целевые показатели.";
  const names = (kpis: TargetKpi[]) => kpis.map((kpi) => kpiLabels[kpi]).join(", ");
  if (meetsTargets === true) return `Кампания выполняет все целевые показатели: ${names(judged)}.`;
  if (meetsTargets === false) {
    const misses = judged
      .filter((kpi) => verdicts[kpi] === "not_met")
      .map((kpi) => `${kpiLabels[kpi]} ${figureRu(kpi, figures[kpi])} при цели ${bound(kpi)} ${figureRu(kpi, targets[kpi]!)}`);
    return `Кампания не выполняет целевые показатели: ${misses.join("; ")}.`;
  }
  const open = judged.filter((kpi) => verdicts[kpi] === "insufficient_data");
  const met = judged.filter((kpi) => verdicts[kpi] === "met");
  const maturing = figures.leads - figures.matureLeads;
  return (
    `Пока недостаточно данных, чтобы судить о показателях: ${names(open)}` +
    (met.length > 0 ? `; выполнены: ${names(met)}` : "") +
    (maturing > 0 ? ` (лидов, чьи когорты ещё не созрели: ${maturing})` : "") +
    "."
  );
}
