import { t } from "./text.js";

/**
 * Texts of the access pages (the access log of contacts and exports, the export buttons on
 * the leads page), hooked into catalog.ts as `access`.
 */
export const access = {
  nav: { accessLog: t("Журнал доступа", "Access log") },
  export: {
    title: t("Выгрузка", "Export"),
    csv: t("Выгрузить CSV", "Export CSV"),
    xlsx: t("Выгрузить таблицу Excel", "Export Excel (.xlsx)"),
    hint: t(
      "Лиды по фильтру выше (с этапом), контакты полностью; каждая выгрузка записывается в журнал.",
      "The leads of the filter above (stage included), every contact in full; each export is logged.",
    ),
    badFilter: t(
      (fields) => `В адресе выгрузки неверный фильтр: ${fields}. Выгрузите лиды со страницы лидов.`,
      (fields: string) => `The export address names a filter that cannot be used: ${fields}. Export from the leads page.`,
    ),
  },
  log: {
    title: t("Журнал доступа", "Access log"),
    intro: t(
      "Кто открывал полный контакт лида (маркетологи и руководитель продаж; менеджеры открывают свои лиды без записи) и все выгрузки лидов.",
      "Who opened a lead's whole contact (marketers and the head of sales; managers open their own leads unlogged), and every export of leads.",
    ),
    views: t("Просмотры полных контактов", "Views of whole contacts"),
    from: t("С", "From"),
    to: t("По", "To"),
    apply: t("Показать", "Show"),
    noViews: t("За этот период полный контакт никто не открывал.", "Nobody opened a whole contact in this period."),
    at: t("Когда", "When"),
    who: t("Кто", "Who"),
    lead: t("Лид", "Lead"),
    where: t("Где", "Where"),
    places: { api: t("API", "API"), web: t("Страница лида", "Lead page") },
    role: {
      owner: t("владелец", "owner"),
      marketer: t("маркетолог", "marketer"),
      contractor: t("подрядчик", "contractor"),
      manager: t("менеджер", "manager"),
      sales_head: t("руководитель продаж", "head of sales"),
    },
    unnamedKey: t((suffix) => `ключ …${suffix}`, (suffix: string) => `key …${suffix}`),
    more: t("Раньше", "Older"),
    exports: t("Выгрузки", "Exports"),
    noExports: t("Лиды ещё не выгружали.", "No leads were exported yet."),
    format: t("Формат", "Format"),
    filters: t("Фильтры", "Filters"),
    allLeads: t("все лиды", "all leads"),
    filterNames: {
      hypothesisId: t("гипотеза", "hypothesis"),
      campaignId: t("кампания", "campaign"),
      sourceId: t("источник", "source"),
      assigneeId: t("сотрудник", "person"),
      stage: t("этап", "stage"),
      from: t("с", "from"),
      to: t("по", "to"),
    },
    rows: t("Строк", "Rows"),
  },
};
