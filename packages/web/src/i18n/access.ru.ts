import type { AccessMessages } from "./access.en.js";

/** Русские тексты страниц доступа; форма задана access.en.ts. */
export const accessRu: AccessMessages = {
  nav: { accessLog: "Журнал доступа" },
  export: {
    title: "Выгрузка",
    csv: "Выгрузить CSV",
    xlsx: "Выгрузить таблицу Excel",
    hint: "Лиды по фильтру выше (с этапом), контакты полностью; каждая выгрузка записывается в журнал.",
    badFilter: (fields) => `В адресе выгрузки неверный фильтр: ${fields}. Выгрузите лиды со страницы лидов.`,
  },
  log: {
    title: "Журнал доступа",
    intro: "Кто открывал полный контакт лида (маркетологи и руководитель продаж; менеджеры открывают свои лиды без записи) и все выгрузки лидов.",
    views: "Просмотры полных контактов",
    from: "С",
    to: "По",
    apply: "Показать",
    noViews: "За этот период полный контакт никто не открывал.",
    at: "Когда",
    who: "Кто",
    lead: "Лид",
    where: "Где",
    places: { api: "API", web: "Страница лида" },
    role: { owner: "владелец", marketer: "маркетолог", contractor: "подрядчик", manager: "менеджер", sales_head: "руководитель продаж" },
    unnamedKey: (suffix) => `ключ …${suffix}`,
    more: "Раньше",
    exports: "Выгрузки",
    noExports: "Лиды ещё не выгружали.",
    format: "Формат",
    filters: "Фильтры",
    allLeads: "все лиды",
    filterNames: { hypothesisId: "гипотеза", campaignId: "кампания", sourceId: "источник", assigneeId: "сотрудник", stage: "этап", from: "с", to: "по" },
    rows: "Строк",
  },
};
