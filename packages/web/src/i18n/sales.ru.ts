import type { SalesMessages } from "./sales.en.js";

/** Промежуток в минутах словами: «2 ч 30 мин», «45 мин». */
const span = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} мин` : m === 0 ? `${h} ч` : `${h} ч ${m} мин`;
};

/** Русские тексты страниц руководителя отдела продаж и дисциплины на странице лида; форма задана sales.en.ts. */
export const salesRu: SalesMessages = {
  nav: { callbacks: "Перезвоны" },
  span,
  lead: {
    firstContact: (after, working, by) => `Первая попытка связаться через ${span(after)} после прихода лида (${span(working)} рабочего времени)${by ? `, ${by}` : ""}.`,
    noFirstContact: "С этим лидом ещё никто не пытался связаться.",
    by: (name) => name,
    stageTitle: "Перевести лид",
    stage: "Новый этап",
    amount: "Сумма сделки, ₽ (для сделки)",
    lostReason: "Почему потерян (для потерянного)",
    move: "Перевести",
    tagsMissing: (stage, tags) => `Лид нельзя перевести на этап «${stage}», пока не заполнены обязательные теги: ${tags}.`,
    callbacks: "Перезвоны руководителя",
    callback: (result, by) => `${result}${by ? ` (${by})` : ""}`,
  },
  queue: {
    title: "Перезвоны и контрольные звонки",
    intro: (threshold) =>
      `Лиды, до которых не дозвонились за пять попыток, лиды, потерянные по вине менеджера, и лиды, с которыми никто не пытался связаться ${threshold} рабочего времени (пн–пт 09:00–18:00 по Москве). Перезвоните каждому и запишите итог.`,
    lead: "Лид",
    assignee: "Менеджер",
    why: "Причина",
    since: "С какого времени",
    waited: "Ждёт, рабочего времени",
    outcome: "Итог",
    nobody: "не назначен",
    empty: "Перезвонить никому не нужно.",
    reason: { no_contact: "Не дозвонились за пять попыток", manager: "Потерян по вине менеджера", untouched: "Никто не пытался связаться" },
    result: "Итог звонка",
    note: "Заметка",
    record: "Записать",
    results: {
      reached: "Дозвонились",
      no_answer: "Не ответил",
      client_refused: "Клиент отказался",
      wrong_number: "Неверный номер",
      callback_later: "Просил перезвонить позже",
    },
    recorded: "Перезвон записан: лид вышел из очереди.",
  },
  spot: {
    title: (month) => `Контрольные звонки, ${month}`,
    intro: "До 10 клиентов каждого аккаунт-менеджера, выбранных случайно раз в месяц: позвоните им и запишите, что они говорят.",
    none: "В этом месяце проверять некого: у аккаунт-менеджеров нет клиентов.",
    manager: (name, picked, clients) => `${name}: ${picked} из ${clients} клиентов`,
    client: "Клиент",
    deal: "Сделка",
    outcome: "Итог",
    notYet: "ещё не звонили",
    done: (result, by, at) => `${result}${by ? `, ${by}` : ""}, ${at}`,
    results: { satisfied: "Доволен", complaint: "Есть жалоба", no_answer: "Не ответил", not_a_client: "Не наш клиент" },
    recorded: "Контрольный звонок записан.",
  },
};
