import type { ClientType } from "@parom/core/lead";
import { t, type Text } from "./text.js";

/** Texts of the results board (/results), hooked into catalog.ts as `results`. Figures arrive already formatted. */
export const results = {
  nav: t("Результаты", "Results"),
  title: t("Результаты продаж", "Sales results"),
  intro: t(
    "Лиды, пришедшие за месяц, по сотруднику, за которым они закреплены сейчас; цифры месяца дозревают, пока закрываются сделки.",
    "Leads that arrived in the month, by the person they are assigned to now; a month keeps maturing while its deals close.",
  ),
  segmentsOnly: t(
    "Сотрудников сравниваем только внутри одного сегмента: тот же источник и тот же тип клиента.",
    "People are compared only within the same segment: the same source and the same client type.",
  ),
  ownSegments: t("Вы видите сегменты, в которых у вас есть лиды за этот месяц.", "You see the segments where you have leads this month."),
  month: t("Месяц", "Month"),
  show: t("Показать", "Show"),
  badMonth: t("Выберите месяц в календаре (год и месяц, например 2026-03).", "Choose a month from the calendar (written year-month, like 2026-03)."),
  empty: t("За этот месяц не пришло ни одного закреплённого за кем-либо лида.", "No leads assigned to anyone arrived in this month."),
  segment: t((source, clientType) => `${source} · ${clientType}`, (source: string, clientType: string) => `${source} · ${clientType}`),
  clientType: {
    buyer: t("оптовые покупатели", "wholesale buyers"),
    retail: t("розница", "retail"),
    business_owner: t("владельцы бизнеса", "business owners"),
    other: t("прочие клиенты", "other clients"),
  } satisfies Record<ClientType, Text<string>>,
  untagged: t("тип клиента не указан", "no client type"),
  person: t("Сотрудник", "Person"),
  headOfSales: t("руководитель отдела продаж", "head of sales"),
  assigned: t("Лидов", "Leads"),
  reached: t("Дозвон по правилу", "Reached within the rule"),
  firstContact: t("Первый контакт (медиана)", "First contact (median)"),
  qualified: t("Квалифицировано", "Qualified"),
  won: t("Сделок", "Won"),
  revenue: t("Выручка", "Revenue"),
  conversion: t("Конверсия", "Conversion"),
  marks: t("Отметки", "Marks"),
  /** The 95% interval of a conversion. */
  interval: t((lo, hi) => `95 %: ${lo}–${hi}`, (lo: string, hi: string) => `95%: ${lo}–${hi}`),
  noAttempt: t("попыток не было", "no attempts"),
  best: t("лучший в месяце", "best this month"),
  worst: t("худший в месяце", "worst this month"),
  record: t("личный рекорд", "personal record"),
  recordWas: t((month) => `рекорд: ${month}`, (month: string) => `record: ${month}`),
  rules: t(
    (minLeads) =>
      `Лучший и худший отмечаются по конверсии среди сотрудников, у которых в сегменте не меньше ${minLeads} лидов (при равенстве отмечаются все); рекорд — месяц, превзошедший все прежние месяцы сотрудника с не меньше чем ${minLeads} лидами. ` +
      "Дозвон по правилу: клиент ответил в одной из первых пяти попыток, до того как правило сочло бы лид недозвоном.",
    (minLeads: string) =>
      `Best and worst are marked among people with at least ${minLeads} leads in the segment, by conversion (all tied are marked); a record is a month that beats every earlier month of theirs with at least ${minLeads} leads. ` +
      "Reached within the rule: someone answered within the first five attempts, before the rule would lose the lead.",
  ),
  /** Minutes in working words: "45 min", "1 h 20 min", "2 d 3 h". */
  minutes: t((m) => `${m} мин`, (m: number) => `${m} min`),
  hours: t((h, m) => (m > 0 ? `${h} ч ${m} мин` : `${h} ч`), (h: number, m: number) => (m > 0 ? `${h} h ${m} min` : `${h} h`)),
  days: t((d, h) => (h > 0 ? `${d} дн ${h} ч` : `${d} дн`), (d: number, h: number) => (h > 0 ? `${d} d ${h} h` : `${d} d`)),
};
