import type { TeamMessages } from "./team.en.js";
import { ruZone } from "./plural.js";

/** Русские тексты страниц отдела продаж; форма задана team.en.ts. */
export const teamRu: TeamMessages = {
  nav: { people: "Отдел продаж" },
  people: {
    title: "Отдел продаж",
    intro: "Менеджеры по лидам дозваниваются до новых заявок, менеджеры по клиентам ведут клиентов, руководитель отдела проверяет их работу. Сделка, которую amoCRM отдаёт одному из пользователей человека, здесь тоже его.",
    empty: "Пока никого нет.",
    name: "Имя",
    role: "Роль",
    duty: "Обязанность",
    email: "Эл. почта",
    crmUserIds: "Номера пользователей в amoCRM",
    crmUserIdsHint: "Цифры через запятую или пробел.",
    roles: { manager: "менеджер", sales_head: "руководитель отдела продаж" },
    duties: { leads: "менеджер по лидам", accounts: "менеджер по клиентам" },
    add: "Добавить человека",
    submit: "Добавить",
    added: "Человек добавлен.",
  },
  lead: {
    title: "Кто ведёт заявку",
    assignee: "Ответственный",
    nobody: "пока никто",
    assign: "Назначить",
    assignSubmit: "Назначить",
    nobodyOption: "никто",
    handovers: "Передачи",
    noHandovers: "Передач не было.",
    // Names stay as typed (not declined), so an arrow, not "от Кирилл Звонарёв к Марина Клиентова".
    handover: (from: string, to: string) => `${from} → ${to}`,
    until: (at: string) => `до ${at}`,
    returned: (at: string) => `вернулась ${at}`,
    forGood: "насовсем",
    by: (who: string) => `передано ${who}`,
    handOver: "Передать",
    to: "Кому",
    untilLabel: "До (необязательно)",
    untilHint: (zone: string) => `Время по часовому поясу «${ruZone(zone)}»; пусто — насовсем.`,
    reason: "Причина",
    handOverSubmit: "Передать",
  },
  rule: {
    title: "Кому идут новые заявки",
    mode: "Правило",
    modes: { none: "никому (назначают вручную)", fixed: "одному менеджеру", round_robin: "менеджерам по очереди" },
    person: "Менеджер (для одного)",
    people: "Менеджеры (по очереди)",
    submit: "Сохранить правило",
    current: (mode: string) => `Сейчас: ${mode}`,
  },
};
