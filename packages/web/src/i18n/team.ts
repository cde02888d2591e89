import { t } from "./text.js";
import { ruZone } from "./plural.js";

/** Texts of the sales department's pages (people, a lead's person and hand-overs, assignment rules), hooked into catalog.ts as `team`. */
export const team = {
  nav: { people: t("Отдел продаж", "People") },
  people: {
    title: t("Отдел продаж", "Sales department"),
    intro: t(
      "Менеджеры по лидам дозваниваются до новых заявок, менеджеры по клиентам ведут клиентов, руководитель отдела проверяет их работу. Сделка, которую amoCRM отдаёт одному из пользователей человека, здесь тоже его.",
      "Lead managers reach new leads, account managers keep clients, the head of sales checks their work. A deal amoCRM gives to one of a person's CRM user ids is theirs here too.",
    ),
    empty: t("Пока никого нет.", "Nobody has been added yet."),
    name: t("Имя", "Name"),
    role: t("Роль", "Role"),
    duty: t("Обязанность", "Duty"),
    email: t("Эл. почта", "E-mail"),
    crmUserIds: t("Номера пользователей в amoCRM", "amoCRM user ids"),
    crmUserIdsHint: t("Цифры через запятую или пробел.", "Digits, separated by commas or spaces."),
    roles: { manager: t("менеджер", "manager"), sales_head: t("руководитель отдела продаж", "head of sales") },
    duties: { leads: t("менеджер по лидам", "lead manager"), accounts: t("менеджер по клиентам", "account manager") },
    add: t("Добавить человека", "Add a person"),
    submit: t("Добавить", "Add"),
    added: t("Человек добавлен.", "Person added."),
  },
  lead: {
    title: t("Кто ведёт заявку", "Who handles the lead"),
    assignee: t("Ответственный", "Person"),
    nobody: t("пока никто", "nobody yet"),
    assign: t("Назначить", "Assign"),
    assignSubmit: t("Назначить", "Assign"),
    nobodyOption: t("никто", "nobody"),
    handovers: t("Передачи", "Hand-overs"),
    noHandovers: t("Передач не было.", "No hand-overs."),
    // Names stay as typed (not declined), so an arrow, not "от Кирилл Звонарёв к Марина Клиентова".
    handover: t((from: string, to: string) => `${from} → ${to}`, (from: string, to: string) => `from ${from} to ${to}`),
    until: t((at: string) => `до ${at}`, (at: string) => `until ${at}`),
    returned: t((at: string) => `вернулась ${at}`, (at: string) => `returned ${at}`),
    forGood: t("насовсем", "for good"),
    by: t((who: string) => `передано ${who}`, (who: string) => `by ${who}`),
    handOver: t("Передать", "Hand over"),
    to: t("Кому", "To"),
    untilLabel: t("До (необязательно)", "Until (optional)"),
    untilHint: t(
      (zone: string) => `Время по часовому поясу «${ruZone(zone)}»; пусто — насовсем.`,
      (zone: string) => `Time in ${zone}; empty: for good.`,
    ),
    reason: t("Причина", "Reason"),
    handOverSubmit: t("Передать", "Hand over"),
  },
  rule: {
    nav: t("Распределение лидов", "Lead assignment"),
    page: t("Кому идут новые заявки источников", "Who gets each source's new leads"),
    intro: t(
      "Для каждого источника: кто из менеджеров по лидам получает его новые заявки. Сделку, которую amoCRM отдала пользователю, закреплённому за сотрудником, получает этот сотрудник, что бы ни говорило правило. Правило действует для заявок, пришедших после сохранения.",
      "For each source: which lead managers get its new leads. A deal amoCRM gives to a CRM user bound to a person goes to that person whatever the rule. A rule applies to the leads that arrive after it is saved.",
    ),
    empty: t("Источников пока нет.", "No sources yet."),
    noManagers: t(
      "В отделе продаж нет ни одного менеджера по лидам: добавьте их на странице «Отдел продаж», и их можно будет выбрать здесь.",
      "The sales department has no lead manager yet: add them on the People page to choose them here.",
    ),
    title: t("Кому идут новые заявки", "Who gets new leads"),
    mode: t("Правило", "Rule"),
    modes: {
      none: t("нет правила (назначают вручную)", "no rule (assigned by hand)"),
      round_robin: t("по очереди", "in turn"),
      fixed: t("всегда один менеджер", "always one manager"),
    },
    person: t("Менеджер (если всегда один)", "Manager (for always one)"),
    people: t("Менеджеры (если по очереди)", "Managers (for in turn)"),
    choose: t("— выберите —", "— choose —"),
    submit: t("Сохранить правило", "Save the rule"),
    said: {
      none: t("Правила нет: новые заявки назначают вручную.", "No rule: new leads are assigned by hand."),
      fixed: t((name: string) => `Все новые заявки получает ${name}.`, (name: string) => `Every new lead goes to ${name}.`),
      round_robin: t((names: string) => `Новые заявки получают по очереди: ${names}.`, (names: string) => `New leads go in turn to ${names}.`),
    },
    change: t("Изменить правило", "Change the rule"),
  },
};
