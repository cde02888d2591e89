import type { CampaignReport, ContractorReport, TargetKpi } from "./model.js";
import { changeRu, dayRu, figureRu, meetsLabel, moneyRu, percentRu, sinceStartLabels, sinceStartRu, verdictLabels } from "./format.js";

/** Every piece of text that reaches the page goes through here: names and UTM values are anyone's input. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

type Line = { label: string; value: string; sinceStart: string; previous: string; change: string; target?: string; verdict?: string; sinceStartVerdict?: string };

function lines(c: CampaignReport): Line[] {
  const [p, s] = [c.previous, c.cumulative];
  const judged = (kpi: TargetKpi) =>
    c.verdicts[kpi]
      ? {
          target: figureRu(kpi, c.targets[kpi]!),
          verdict: verdictLabels[c.verdicts[kpi]!],
          ...(s.verdicts[kpi] ? { sinceStartVerdict: sinceStartLabels[s.verdicts[kpi]!] } : {}),
        }
      : {};
  const count = (field: "leads" | "matureLeads" | "won") => ({ value: String(c[field]), sinceStart: String(s[field]), previous: String(p[field]), change: changeRu(c.change[field], "count") });
  const money = (field: "spend" | "cpl" | "cac") => ({ value: moneyRu(c[field]), sinceStart: moneyRu(s[field]), previous: moneyRu(p[field]), change: changeRu(c.change[field], "money") });
  const rate = (field: "qualifiedRate" | "conversion" | "romi") => ({
    value: percentRu(c[field]),
    sinceStart: percentRu(s[field]),
    previous: percentRu(p[field]),
    change: changeRu(c.change[field], "rate"),
  });
  return [
    { label: "Расход", ...money("spend") },
    { label: "Лиды", ...count("leads") },
    { label: "Стоимость лида", ...money("cpl"), ...judged("cpl") },
    { label: "Доля квалифицированных", ...rate("qualifiedRate"), ...judged("qualifiedRate") },
    { label: "Лиды созревших когорт", ...count("matureLeads") },
    { label: "Сделки (созревшие когорты)", ...count("won") },
    { label: "Конверсия в сделку", ...rate("conversion"), ...judged("conversion") },
    { label: "Стоимость клиента", ...money("cac"), ...judged("cac") },
    { label: "ROMI", ...rate("romi"), ...judged("romi") },
  ];
}

const verdictClass = (meets: boolean | null) => (meets === true ? "ok" : meets === false ? "bad" : "open");

function campaignSection(c: CampaignReport): string {
  const rows = lines(c)
    .map(
      (l) =>
        `<tr><th scope="row">${escapeHtml(l.label)}</th><td>${escapeHtml(l.value)}</td><td>${escapeHtml(l.target ?? "")}</td>` +
        `<td>${escapeHtml(l.verdict ?? "")}</td><td>${escapeHtml(l.sinceStart)}</td><td>${escapeHtml(l.sinceStartVerdict ?? "")}</td>` +
        `<td>${escapeHtml(l.previous)}</td><td>${escapeHtml(l.change)}</td></tr>`,
    )
    .join("\n");
  const s = c.cumulative;
  return `<section>
<h2>${escapeHtml(c.utmSource)} / ${escapeHtml(c.utmCampaign)}</h2>
<p class="meta">Гипотеза: ${escapeHtml(c.hypothesisTitle)}. Прошлый период: ${escapeHtml(dayRu(c.previous.from))} – ${escapeHtml(dayRu(c.previous.to))}.</p>
<p class="summary ${verdictClass(s.meetsTargets)}">С начала кампании (${escapeHtml(sinceStartRu(s))}) выполняет цели: ${escapeHtml(meetsLabel(s.meetsTargets))}. ${escapeHtml(s.summary)}</p>
<p class="summary ${verdictClass(c.meetsTargets)}">За период выполняет цели: ${escapeHtml(meetsLabel(c.meetsTargets))}. ${escapeHtml(c.summary)}</p>
<table>
<thead><tr><th>Показатель</th><th>За период</th><th>Цель</th><th>Вердикт за период</th><th>С начала кампании</th><th>Вердикт с начала</th><th>Прошлый период</th><th>Изменение</th></tr></thead>
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
<p class="meta">Лиды учитываются по дню поступления. Сделки, конверсия, CAC и ROMI — только по созревшим когортам (на ${escapeHtml(dayRu(report.asOf))}); вердикты — по целям гипотезы кампании, за период и за всё время с начала кампании до конца периода.</p>
${body}
<footer>Сформирован ${escapeHtml(report.generatedAt)}.</footer>
</body>
</html>
`;
}
