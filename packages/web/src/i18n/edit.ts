import { t, type Text } from "./text.js";

/** Texts of editing a hypothesis and of its changes in the history, hooked into catalog.ts as `edit`. */
export const edit = {
  title: t("Изменить гипотезу", "Edit the hypothesis"),
  intro: t(
    "Измените то, что нужно, и напишите почему: в истории останется, кто, когда и зачем что поменял. Пустое поле цели убирает эту цель.",
    "Change what needs changing and say why: the history keeps who changed what, when and why. An empty target field removes that target.",
  ),
  reason: t("Почему", "Why"),
  reasonHint: t("Сохранится в истории рядом с изменением.", "Kept in the history beside the change."),
  moneyHint: t("В рублях, например 600 000 или 600 000,50", "In roubles, e.g. 600 000 or 600 000.50"),
  percentHint: t("В процентах, например 5", "In percent, e.g. 5"),
  confidenceHint: t("В процентах, от 51 до 99, например 90", "In percent, from 51 to 99, e.g. 90"),
  save: t("Сохранить изменения", "Save changes"),
  refused: t("Исправьте отмеченные поля.", "Correct the marked fields."),
  badMoney: t("сумма в рублях, например 600 000 или 600 000,50", "an amount in roubles, such as 600 000 or 600 000.50"),
  stale: t(
    "Пока вы редактировали, гипотезу изменил кто-то другой, поэтому ваши изменения не сохранены.",
    "Someone changed this hypothesis while you were editing it, so your changes were not saved.",
  ),
  reload: t("Обновите страницу, чтобы увидеть текущую версию", "Reload the page to see the current version"),
  nothingChanged: t("Сохранять нечего: во всех полях уже эти значения.", "Nothing to save: every field already holds that value."),
  closed: t("Гипотеза закрыта: её больше нельзя менять.", "The hypothesis is closed: it can no longer be edited."),
  /** What each changed field is called, by the path the API names it by. */
  fields: {
    title: t("Название", "Title"),
    statement: t("Формулировка", "Statement"),
    channel: t("Канал", "Channel"),
    channelTyped: t("Другой канал", "Another channel"),
    responsible: t("Ответственный", "Responsible"),
    budget: t("Бюджет", "Budget"),
    "probe.start": t("Начало пробы", "Probe start"),
    "probe.end": t("Конец пробы", "Probe end"),
    targets: t("Цели", "Targets"),
    "targets.cplMax": t("Цель: цена лида, не больше", "Target: cost per lead, at most"),
    "targets.cacMax": t("Цель: цена клиента, не больше", "Target: cost per client, at most"),
    "targets.qualifiedRateMin": t("Цель: квалифицированных лидов, не меньше", "Target: qualified leads, at least"),
    "targets.conversionMin": t("Цель: конверсия в сделку, не меньше", "Target: conversion to a deal, at least"),
    "targets.romiMin": t("Цель: ROMI, не меньше", "Target: ROMI, at least"),
    "targets.minLeads": t("Лидов до вывода", "Leads before a verdict"),
    "targets.minClients": t("Клиентов до вывода", "Clients before a verdict"),
    maturityDays: t("Созревание, дней", "Maturity, days"),
    confidence: t("Уверенность", "Confidence"),
    reason: t("Почему", "Why"),
  } as Record<string, Text<string>>,
  unset: t("не задано", "not set"),
  why: t("по причине:", "why:"),
  /** "Budget: RUB 500,000 → RUB 600,000" */
  change: t(
    (field, before, after) => `${field}: ${before} → ${after}`,
    (field: string, before: string, after: string) => `${field}: ${before} → ${after}`,
  ),
  /** Beside a KPI whose target was changed after leads arrived. */
  targetChanged: t(
    (day, before) => (before === null ? `цель задана ${day}, раньше её не было` : `цель изменена ${day}, было ${before}`),
    (day: string, before: string | null) => (before === null ? `target set on ${day}; there was none before` : `target changed on ${day}, was ${before}`),
  ),
  approvalBudget: t("Новый бюджет на масштабирование", "New budget for scale-out"),
  approvalBudgetHint: t(
    "Оставьте пустым, чтобы бюджет не менялся. В рублях, например 600 000",
    "Leave empty to keep the budget. In roubles, e.g. 600 000",
  ),
};
