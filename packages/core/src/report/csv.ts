import { targetKpis, type CampaignReport, type ContractorReport, type ReportFigures } from "./model.js";
import { kpiLabels, meetsLabel, moneyCell, percentCell, sinceStartLabels, verdictLabels } from "./format.js";

/**
 * The report as a CSV that Russian Excel opens as is: UTF-8 with a BOM, `;` between fields, a
 * decimal comma, Russian headers, one row per campaign. The figures are the JSON's: money in
 * roubles, rates and ROMI in percent (the JSON's fraction x 100), empty where the JSON has null.
 * Each target has the period's verdict and, beside it, the verdict on the campaign so far
 * ("С начала: ..."), whose figures follow in the " (с начала кампании)" columns.
 */
type Column = { header: string; cell: (c: CampaignReport, r: ContractorReport) => string | number | null };

const money = (value: string | null) => (value === null ? null : moneyCell(value));
const rate = (value: number | null) => (value === null ? null : percentCell(value));

/** The figure columns, once for the period, once for the period before, once for the change. */
function figureColumns(suffix: string, pick: (c: CampaignReport) => Partial<Record<keyof ReportFigures, string | number | null>>): Column[] {
  const column = (header: string, field: keyof ReportFigures, format: (v: any) => string | number | null): Column => ({
    header: `${header}${suffix}`,
    cell: (c) => format(pick(c)[field] ?? null),
  });
  const count = (v: number | null) => v;
  return [
    column("Расход, ₽", "spend", money),
    column("Лиды", "leads", count),
    column("Стоимость лида, ₽", "cpl", money),
    column("Доля квалифицированных, %", "qualifiedRate", rate),
    column("Лиды созревших когорт", "matureLeads", count),
    column("Сделки созревших когорт", "won", count),
    column("Конверсия в сделку, %", "conversion", rate),
    column("Стоимость клиента, ₽", "cac", money),
    column("ROMI, %", "romi", rate),
  ];
}

const columns: Column[] = [
  { header: "Период с", cell: (_, r) => r.from },
  { header: "Период по", cell: (_, r) => r.to },
  { header: "ID кампании", cell: (c) => c.campaignId },
  { header: "Гипотеза", cell: (c) => c.hypothesisTitle },
  { header: "utm_source", cell: (c) => c.utmSource },
  { header: "utm_campaign", cell: (c) => c.utmCampaign },
  ...figureColumns("", (c) => c),
  ...targetKpis.flatMap((kpi): Column[] => [
    {
      header: `Цель: ${kpiLabels[kpi]}${kpi === "cpl" || kpi === "cac" ? ", ₽" : ", %"}`,
      cell: (c) => {
        const target = c.targets[kpi];
        return target === undefined ? null : typeof target === "string" ? money(target) : rate(target);
      },
    },
    { header: `Вердикт: ${kpiLabels[kpi]}`, cell: (c) => (c.verdicts[kpi] ? verdictLabels[c.verdicts[kpi]!] : null) },
    { header: `С начала: ${kpiLabels[kpi]}`, cell: (c) => (c.cumulative.verdicts[kpi] ? sinceStartLabels[c.cumulative.verdicts[kpi]!] : null) },
  ]),
  { header: "Выполняет цели", cell: (c) => meetsLabel(c.meetsTargets) },
  { header: "Итог", cell: (c) => c.summary },
  { header: "Выполняет цели с начала", cell: (c) => meetsLabel(c.cumulative.meetsTargets) },
  { header: "Итог с начала", cell: (c) => c.cumulative.summary },
  { header: "С начала кампании с", cell: (c) => c.cumulative.from },
  { header: "С начала кампании по", cell: (c) => c.cumulative.to },
  ...figureColumns(" (с начала кампании)", (c) => c.cumulative),
  { header: "Прошлый период с", cell: (c) => c.previous.from },
  { header: "Прошлый период по", cell: (c) => c.previous.to },
  ...figureColumns(" (прошлый период)", (c) => c.previous),
  ...figureColumns(" (изменение)", (c) => c.change),
];

/** Quotes a field when it holds a separator, quote or line break; neutralises a leading formula sign in text. */
function field(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(,\d+)?$/.test(text)) text = `'${text}`;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(report: ContractorReport): string {
  const lines = [columns.map((c) => field(c.header)), ...report.campaigns.map((campaign) => columns.map((c) => field(c.cell(campaign, report))))];
  return `\uFEFF${lines.map((line) => line.join(";")).join("\r\n")}\r\n`;
}
