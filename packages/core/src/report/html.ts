import { type CampaignReport, type ContractorReport, type TargetKpi } from "./build.js";
import { changeRu, dayRu, figureRu, meetsLabel, moneyRu, percentRu, verdictLabels } from "./format.js";

/** Every piece of text that reaches the page goes through here: names and UTM values are anyone's input. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

type Line = { label: string; value: string; previous: string; change: string; target?: string; verdict?: string };

function lines(c: CampaignReport): Line[] {
  const p = c.previous;
  const judged = (kpi: TargetKpi) =>
    c.verdicts[kpi] ? { target: figureRu(kpi, c.targets[kpi]!), verdict: verdictLabels[c.verdicts[kpi]!] } : {};
  return [
    { label: "Расход", value: moneyRu(c.spend), previous: moneyRu(p.spend), change: changeRu(c.change.spend, "money") },
    { label: "Лиды", value: String(c.leads), previous: String(p.leads), change: changeRu(c.change.leads, "count") },
    { label: "CPL", value: moneyRu(c.cpl), previous: moneyRu(p.cpl), change: changeRu(c.change.cpl, "money"), ...judged("cpl") },
    {
      label: "Доля квалифицированных",
      value: percentRu(c.qualifiedRate),
      previous: percentRu(p.qualifiedRate),
      change: changeRu(c.change.qualifiedRate, "rate"),
      ...judged("qualifiedRate"),
    },
    { label: "Лиды созревших когорт", value: String(c.matureLeads), previous: String(p.matureLeads), change: changeRu(c.change.matureLeads, "count") },
    { label: "Сделки (созревшие когорты)", value: String(c.won), previous: String(p.won), change: changeRu(c.change.won, "count") },
    { label: "Конверсия в сделку", value: percentRu(c.conversion), previous: percentRu(p.conversion), change: changeRu(c.change.conversion, "rate"), ...judged("conversion") },
    { label: "CAC", value: moneyRu(c.cac), previous: moneyRu(p.cac), change: changeRu(c.change.cac, "money"), ...judged("cac") },
    { label: "ROMI", value: percentRu(c.romi), previous: percentRu(p.romi), change: changeRu(c.change.romi, "rate"), ...judged("romi") },
  ];
}

function campaignSection(c: CampaignReport): string {
  const verdictClass = c.meetsTargets === true ? "ok" : c.meetsTargets === false ? "bad" : "open";
  const rows = lines(c)
    .map(
      (l) =>
        `<tr><th scope="row">${escapeHtml(l.label)}</th><td>${escapeHtml(l.value)}</td><td>${escapeHtml(l.target ?? "")}</td>` +
        `<td>${escapeHtml(l.verdict ?? "")}</td><td>${escapeHtml(l.previous)}</td><td>${escapeHtml(l.change)}</td></tr>`,
    )
    .join("\n");
  return `<section>
<h2>${escapeHtml(c.utmSource)} / ${escapeHtml(c.utmCampaign)}</h2>
<p class="meta">Гипотеза: ${escapeHtml(c.hypothesisTitle)}. Прошлый период: ${escapeHtml(dayRu(c.previous.from))} – ${escapeHtml(dayRu(c.previous.to))}.</p>
<p class="summary ${verdictClass}">Выполняет цели: ${escapeHtml(meetsLabel(c.meetsTargets))}. ${escapeHtml(c.summary)}</p>
<table>
<thead><tr><th>Показатель</th><th>Значение</th><th>Цель</th><th>Вердикт</th><th>Прошлый период</th><th>Изменение</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

/** A self-contained printable page (inline styles, no scripts, nothing loaded from elsewhere). */
export function reportHtml(report: ContractorReport): string {
  const title = `Отчёт по KPI: ${report.contractorName}, ${dayRu(report.from)} – ${dayRu(report.to)}`;
  const body = report.campaigns.length > 0 ? report.campaigns.map(campaignSection).join("\n") : "<p>У подрядчика нет кампаний.</p>";
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: Arial, Helvetica, sans-serif; margin: 2em; color: #111; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
th, td { border: 1px solid #999; padding: 4px 8px; text-align: left; }
td { font-variant-numeric: tabular-nums; }
.summary { font-weight: bold; }
.ok { color: #135f1b; } .bad { color: #9b1c1c; } .open { color: #6b4e00; }
.meta, footer { color: #555; font-size: 90%; }
section { page-break-inside: avoid; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Лиды учитываются по дню поступления. Сделки, конверсия, CAC и ROMI — только по созревшим когортам (на ${escapeHtml(dayRu(report.asOf))}); вердикты — по целям гипотезы кампании.</p>
${body}
<footer>Сформирован ${escapeHtml(report.generatedAt)}.</footer>
</body>
</html>
`;
}
