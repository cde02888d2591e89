import { t } from "./text.js";

/** Texts of a contractor's report page (their campaigns against the targets), hooked into decisions.ts as `report`. */
export const report = {
  title: t((name) => `Отчёт: ${name}`, (name: string) => `Report: ${name}`),
  intro: t(
    "Ваши кампании за выбранные дни прихода лидов: каждая против целей своей гипотезы и такого же числа дней до того.",
    "Your campaigns over the lead-arrival days chosen, each against its hypothesis' targets and the same number of days before.",
  ),
  from: t("С", "From"),
  to: t("По", "To"),
  show: t("Показать", "Show"),
  lastWeek: t("Прошлая неделя", "Last week"),
  lastMonth: t("Прошлый месяц", "Last month"),
  csv: t("Скачать CSV (Excel)", "Download CSV (Excel)"),
  period: t((from, to) => `Лиды, пришедшие ${from} – ${to}`, (from: string, to: string) => `Leads that arrived ${from} – ${to}`),
  previous: t((from, to) => `(в сравнении с ${from} – ${to})`, (from: string, to: string) => `(compared with ${from} – ${to})`),
  empty: t("За этим подрядчиком нет кампаний.", "No campaigns are assigned to this contractor."),
  hypothesis: t("Гипотеза", "Hypothesis"),
  figure: t("Показатель", "Figure"),
  now: t("Этот период", "This period"),
  before: t("До", "Before"),
  changeColumn: t("Изменение", "Change"),
  targetColumn: t("Цель", "Target"),
  verdictColumn: t("Вердикт", "Verdict"),
  matureLeads: t("Лиды созревших когорт", "Leads of mature cohorts"),
  meets: {
    yes: t("✓ выполняет все цели", "✓ meets all its targets"),
    no: t("✕ не выполняет цель", "✕ misses a target"),
    open: t("? пока рано судить", "? too early to tell"),
  },
  sinceStart: t("С начала", "Since the start"),
  sinceStartVerdict: t("С начала: вердикт", "Since the start: verdict"),
  sinceStartVerdicts: {
    met: t("цель достигнута", "target met"),
    not_met: t("цель не достигнута", "target not met"),
    insufficient_data: t("пока рано судить", "too early to judge"),
  },
  sinceStartLine: t(
    (from, to) => `С начала кампании (${from} – ${to}):`,
    (from: string, to: string) => `Since the campaign started (${from} – ${to}):`,
  ),
  periodLine: t("За период:", "This period:"),
  points: t((value) => `${value} п.п.`, (value: string) => `${value} pp`),
  link: t("Отчёт по показателям", "KPI report"),
};
