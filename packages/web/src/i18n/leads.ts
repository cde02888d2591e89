import type { ContactChannel, ContactResult, TimeOfDay } from "@parom/core/lead";
import { t, type Text } from "./text.js";
import { ruZone } from "./plural.js";

/**
 * Texts of the leads list and a lead's page (its contact, sources and touches, stage history, contact attempts),
 * hooked into catalog.ts as `leads`.
 */
export const leads = {
  title: t("Лиды", "Leads"),
  filter: t("Фильтр", "Filter"),
  hypothesis: t("Гипотеза", "Hypothesis"),
  campaign: t("Кампания", "Campaign"),
  stage: t("Этап", "Stage"),
  any: t("все", "any"),
  unattributed: t("Только лиды без кампании", "Only leads without a campaign"),
  apply: t("Показать", "Show"),
  empty: t("Подходящих лидов нет.", "No leads match."),
  next: t("Следующая страница", "Next page"),
  arrived: t("Поступил", "Arrived"),
  contact: t("Контакт", "Contact"),
  utm: t("UTM", "UTM"),
  amount: t("Сумма", "Amount"),
  detail: t("Лид", "Lead"),
  name: t("Имя", "Name"),
  phone: t("Телефон", "Phone"),
  email: t("E-mail", "E-mail"),
  cohortDay: t("День когорты", "Cohort day"),
  lostReason: t("Причина потери", "Lost reason"),
  responsible: t("Ответственный в CRM", "Responsible in the CRM"),
  crmUser: t(
    (id: string, name?: string) => (name ? `${name} (пользователь amoCRM № ${id})` : `пользователь amoCRM № ${id}`),
    (id: string, name?: string) => (name ? `${name} (amoCRM user #${id})` : `amoCRM user #${id}`),
  ),
  touches: t("Источники и касания", "Sources and touches"),
  touchesIntro: t(
    (sources: number) =>
      sources > 1
        ? `Этот человек пришёл из ${sources} источников: один лид, посчитан один раз; атрибуцию даёт первое касание с кампанией.`
        : "Лид пришёл из одного источника.",
    (sources: number) =>
      sources > 1
        ? `This person came through ${sources} sources: one lead, counted once; the first touch with a campaign gives the attribution.`
        : "One source delivered this lead.",
  ),
  touchAt: t("Пришёл", "Arrived"),
  touchSource: t("Источник", "Source"),
  importedSource: t("загружен из файла (без источника)", "imported (no source named)"),
  touchId: t("Номер в источнике", "Id at the source"),
  touchCampaign: t("Кампания", "Campaign"),
  noCampaign: t("без кампании", "no campaign"),
  otherCampaign: t("другая кампания (здесь не считается)", "another campaign (not counted here)"),
  stageHistory: t("История этапов", "Stage history"),
  noHistory: t("Этап ещё не менялся.", "No stage changes yet."),
  change: t((from, to) => `${from} → ${to}`, (from: string, to: string) => `${from} → ${to}`),
  /** Who made a stage change, from the actor the history keeps. */
  actor: {
    owner: t("владельцем", "by the owner"),
    key: t((suffix) => `ключом API …${suffix}`, (suffix: string) => `by API key …${suffix}`),
    crm: t("из CRM", "from the CRM"),
  },
  attempts: {
    title: t("Попытки связаться", "Contact attempts"),
    none: t("Попыток связаться ещё не было.", "No contact attempts yet."),
    summary: t(
      (count, unanswered) => `Попыток: ${count}, без ответа подряд: ${unanswered}.`,
      (count: number, unanswered: number) => `${count} ${count === 1 ? "attempt" : "attempts"}, ${unanswered} unanswered in a row.`,
    ),
    rule: t(
      (limit, days, timesOfDay, reason) =>
        `После ${limit} попыток подряд без ответа — не меньше чем за ${days} разных дня и в ${timesOfDay} разные части суток (утро, день, вечер) — лид теряется с причиной «${reason}».`,
      (limit: number, days: number, timesOfDay: number, reason: string) =>
        `After ${limit} unanswered attempts in a row over at least ${days} days and ${timesOfDay} times of day (morning, afternoon, evening) the lead is lost as "${reason}".`,
    ),
    channel: {
      phone: t("Телефон", "Phone"),
      email: t("E-mail", "E-mail"),
      messenger: t("Мессенджер", "Messenger"),
    } satisfies Record<ContactChannel, Text<string>>,
    result: { no_answer: t("без ответа", "no answer"), reached: t("дозвонились", "reached") } satisfies Record<ContactResult, Text<string>>,
    timeOfDay: {
      morning: t("утром", "morning"),
      afternoon: t("днём", "afternoon"),
      evening: t("вечером", "evening"),
      night: t("ночью", "at night"),
    } satisfies Record<TimeOfDay | "night", Text<string>>,
    record: t("Записать попытку", "Record an attempt"),
    at: t("Когда", "When"),
    atHint: t((timeZone) => `Время по часовому поясу «${ruZone(timeZone)}»`, (timeZone: string) => `Time in ${timeZone}`),
    channelLabel: t("Канал", "Channel"),
    resultLabel: t("Результат", "Result"),
    submit: t("Записать", "Record"),
  },
  none: t("—", "—"),
};
