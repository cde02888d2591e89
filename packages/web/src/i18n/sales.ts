import type { CallbackResult, QueueReason, SpotCheckResult } from "@parom/core/callbacks";
import { t, type Text } from "./text.js";

/** A span of minutes in words: "2 h 30 min", "45 min". */
const enSpan = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
};

/** The same in Russian: «2 ч 30 мин», «45 мин». */
const ruSpan = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} мин` : m === 0 ? `${h} ч` : `${h} ч ${m} мин`;
};

/**
 * Texts of the head of sales' pages (the call-back queue, the spot checks) and of the lead page's
 * discipline parts (the stage form, the first contact, call-backs), hooked into catalog.ts as `sales`.
 */
export const sales = {
  nav: { callbacks: t("Перезвоны", "Call-backs") },
  span: t(ruSpan, enSpan),
  lead: {
    firstContact: t(
      (after, working, by) => `Первая попытка связаться через ${ruSpan(after)} после прихода лида (${ruSpan(working)} рабочего времени)${by ? `, ${by}` : ""}.`,
      (after: number, working: number, by: string | null) =>
        `First contact attempt ${enSpan(after)} after the lead arrived (${enSpan(working)} of working time)${by ? `, by ${by}` : ""}.`,
    ),
    noFirstContact: t("С этим лидом ещё никто не пытался связаться.", "Nobody has tried to reach this lead yet."),
    by: t((name) => name, (name: string) => `by ${name}`),
    stageTitle: t("Перевести лид", "Move the lead"),
    stage: t("Новый этап", "New stage"),
    amount: t("Сумма сделки, ₽ (для сделки)", "Deal amount, ₽ (for a won deal)"),
    lostReason: t("Почему потерян (для потерянного)", "Why it was lost (for a lost lead)"),
    move: t("Перевести", "Move"),
    tagsMissing: t(
      (stage, tags) => `Лид нельзя перевести на этап «${stage}», пока не заполнены обязательные теги: ${tags}.`,
      (stage: string, tags: string) => `The lead cannot move to “${stage}” until its required tags are set: ${tags}.`,
    ),
    backwards: t(
      (furthest, to) => `Лид не возвращается назад: он дошёл до этапа «${furthest}» и не может вернуться на «${to}».`,
      (furthest: string, to: string) => `A lead never moves back: it has reached “${furthest}” and cannot return to “${to}”.`,
    ),
    final: t(
      "Сделка выиграна, это окончательно: можно только исправить сумму.",
      "The deal is won, which is final: only its amount can be corrected.",
    ),
    fixFields: t("Исправьте отмеченные поля.", "Check the fields marked below."),
    amountForWon: t(
      "Для сделки укажите сумму больше нуля, не больше двух знаков после запятой (например, 75 000 или 75 000,50).",
      "A won deal needs its amount, greater than zero, with at most two decimals (e.g. 75 000 or 75 000.50).",
    ),
    amountOnlyWon: t("Сумма указывается только для сделки: оставьте поле пустым.", "An amount goes only with a won deal: leave it empty."),
    reasonForLost: t("Укажите, почему лид потерян.", "Say why the lead was lost."),
    reasonOnlyLost: t(
      "Причина указывается только для потерянного лида: оставьте поле пустым.",
      "A reason goes only with a lost lead: leave it empty.",
    ),
    callbacks: t("Перезвоны руководителя", "Call-backs by the head of sales"),
    callback: t((result, by) => `${result}${by ? ` (${by})` : ""}`, (result: string, by: string | null) => `${result}${by ? ` (${by})` : ""}`),
  },
  queue: {
    title: t("Перезвоны и контрольные звонки", "Call-backs and spot checks"),
    intro: t(
      (threshold) =>
        `Лиды, до которых не дозвонились за пять попыток, лиды, потерянные по вине менеджера, и лиды, с которыми никто не пытался связаться ${threshold} рабочего времени (пн–пт 09:00–18:00 по Москве). Перезвоните каждому и запишите итог.`,
      (threshold: string) =>
        `Leads nobody reached after five attempts, leads lost by the manager's fault, and leads nobody has tried to reach for ${threshold} of working time (Mon–Fri 09:00–18:00 Moscow time). Call each back and record how it went.`,
    ),
    lead: t("Лид", "Lead"),
    assignee: t("Менеджер", "Assignee"),
    why: t("Причина", "Why"),
    since: t("С какого времени", "Since"),
    waited: t("Ждёт, рабочего времени", "Waited, working time"),
    outcome: t("Итог", "Outcome"),
    nobody: t("не назначен", "nobody"),
    empty: t("Перезвонить никому не нужно.", "Nobody is waiting for a call-back."),
    reason: {
      no_contact: t("Не дозвонились за пять попыток", "Not reached in five attempts"),
      manager: t("Потерян по вине менеджера", "Lost by the manager's fault"),
      untouched: t("Никто не пытался связаться", "Nobody tried to reach it"),
    } satisfies Record<QueueReason, Text<string>>,
    result: t("Итог звонка", "Result"),
    note: t("Заметка", "Note"),
    record: t("Записать", "Record"),
    results: {
      reached: t("Дозвонились", "Reached"),
      no_answer: t("Не ответил", "No answer"),
      client_refused: t("Клиент отказался", "The client refused"),
      wrong_number: t("Неверный номер", "Wrong number"),
      callback_later: t("Просил перезвонить позже", "Asked to call later"),
    } satisfies Record<CallbackResult, Text<string>>,
    recorded: t("Перезвон записан: лид вышел из очереди.", "Call-back recorded: the lead has left the queue."),
  },
  spot: {
    title: t((month) => `Контрольные звонки, ${month}`, (month: string) => `Spot checks, ${month}`),
    intro: t(
      "До 10 клиентов каждого аккаунт-менеджера, выбранных случайно раз в месяц: позвоните им и запишите, что они говорят.",
      "Up to 10 clients of each account manager, picked at random once a month: call them and record what they say.",
    ),
    none: t("В этом месяце проверять некого: у аккаунт-менеджеров нет клиентов.", "No account manager has clients to check this month."),
    manager: t(
      (name, picked, clients) => `${name}: ${picked} из ${clients} клиентов`,
      (name: string, picked: number, clients: number) => `${name}: ${picked} of ${clients} clients`,
    ),
    client: t("Клиент", "Client"),
    deal: t("Сделка", "Deal"),
    outcome: t("Итог", "Outcome"),
    notYet: t("ещё не звонили", "not called yet"),
    done: t(
      (result, by, at) => `${result}${by ? `, ${by}` : ""}, ${at}`,
      (result: string, by: string | null, at: string) => `${result}${by ? `, ${by}` : ""}, ${at}`,
    ),
    results: {
      satisfied: t("Доволен", "Satisfied"),
      complaint: t("Есть жалоба", "Has a complaint"),
      no_answer: t("Не ответил", "No answer"),
      not_a_client: t("Не наш клиент", "Not our client"),
    } satisfies Record<SpotCheckResult, Text<string>>,
    recorded: t("Контрольный звонок записан.", "Spot check recorded."),
  },
};
