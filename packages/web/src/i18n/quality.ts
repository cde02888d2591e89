import { t } from "./text.js";

/** Texts of the lead handling quality page (missing tags, time to a first contact), hooked into decisions.ts as `quality`. */
export const quality = {
  title: t("Качество работы с лидами", "Lead handling quality"),
  intro: t(
    "По ответственным: лиды, прошедшие этап без обязательных для него тегов, и как быстро лидам впервые звонили или писали.",
    "Per person responsible: leads that passed a stage without the tags it requires, and how fast leads got a first call or message.",
  ),
  hypothesis: t("Гипотеза", "Hypothesis"),
  all: t("все", "all"),
  show: t("Показать", "Show"),
  person: t("Ответственный", "Responsible"),
  leads: t("Лиды", "Leads"),
  missing: t("Без тегов", "Missing tags"),
  median: t("Первый контакт, медиана", "First contact, median"),
  without: t("Ещё без контакта", "Not contacted yet"),
  chartTitle: t(
    "Медиана часов от прихода лида до первой попытки связаться, по ответственным",
    "Median hours from arrival to the first contact attempt, per person",
  ),
  noAttempt: t("попыток пока нет", "no attempt yet"),
  unassigned: t("не назначен", "unassigned"),
  missingLeads: t("Лиды без обязательных тегов", "Leads missing tags"),
  truncated: t((shown, count) => `Первые ${shown} из ${count}.`, (shown: number, count: string) => `First ${shown} of ${count}.`),
  tags: {
    clientType: t("тип клиента", "client type"),
    city: t("город", "city"),
    storeCount: t("число магазинов", "store count"),
    storeType: t("тип магазина", "store type"),
  },
  read: t((leads, at) => `Прочитано лидов: ${leads}, ${at}.`, (leads: string, at: string) => `${leads} leads read, ${at}.`),
  empty: t("Лидов пока нет.", "No leads yet."),
};
