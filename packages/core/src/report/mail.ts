import { targetKpis, type ContractorReport } from "./model.js";
import { reportCsv } from "./csv.js";
import { dayRu, figureRu, kpiLabels, meetsLabel, moneyRu, percentRu, sinceStartLabels, sinceStartRu } from "./format.js";
import { reportHtml } from "./html.js";
import type { Mail } from "./mailer.js";
import type { ReportPeriod } from "./period.js";

const periodNames: Record<ReportPeriod, string> = { weekly: "неделя", monthly: "месяц" };

/** The mail of a scheduled report, without its recipient: subject, HTML page, plain text, CSV attached. */
export function reportMail(report: ContractorReport, period: ReportPeriod): Omit<Mail, "to"> {
  const subject = `Отчёт по KPI (${periodNames[period]} ${dayRu(report.from)} – ${dayRu(report.to)}): ${report.contractorName}`;
  const campaigns = report.campaigns.map((c) =>
    [
      `${c.utmSource} / ${c.utmCampaign}`,
      `  С начала кампании (${sinceStartRu(c.cumulative)}) выполняет цели: ${meetsLabel(c.cumulative.meetsTargets)}. ${c.cumulative.summary}`,
      ...targetKpis
        .filter((kpi) => c.cumulative.verdicts[kpi])
        .map((kpi) => `    ${kpiLabels[kpi]}: за период ${figureRu(kpi, c[kpi])}, с начала ${figureRu(kpi, c.cumulative[kpi])} — ${sinceStartLabels[c.cumulative.verdicts[kpi]!]}`),
      `  За период выполняет цели: ${meetsLabel(c.meetsTargets)}. ${c.summary}`,
      `  Расход ${moneyRu(c.spend)}, лидов ${c.leads}, CPL ${moneyRu(c.cpl)}, доля квалифицированных ${percentRu(c.qualifiedRate)}`,
      `  Созревшие когорты: лидов ${c.matureLeads}, сделок ${c.won}, конверсия ${percentRu(c.conversion)}, CAC ${moneyRu(c.cac)}, ROMI ${percentRu(c.romi)}`,
    ].join("\n"),
  );
  const text = [subject, "", ...(campaigns.length > 0 ? campaigns : ["У подрядчика нет кампаний."]), "", "Подробности — в приложенном CSV и в HTML-версии письма."].join("\n");
  return {
    subject,
    html: reportHtml(report),
    text,
    attachments: [{ filename: `kpi-${report.from}-${report.to}.csv`, contentType: "text/csv; charset=utf-8", content: reportCsv(report) }],
  };
}
