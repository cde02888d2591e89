import type { MatchedBy } from "@parom/core/reconciliation";
import { t, type Text } from "./text.js";

/** Texts of the reconciliation with accounting (closed clients matched to won leads), hooked into decisions.ts as `reconciliation`. */
export const reconciliation = {
  title: t("Сверка с бухгалтерией", "Reconciliation with accounting"),
  intro: t(
    "Загрузите список закрытых клиентов из учётной системы (CSV-выгрузка 1С в любой кодировке). Каждый клиент сопоставляется с выигранным лидом по ИНН, телефону, почте или названию компании.",
    "Upload the accounting system's list of closed clients (a 1C CSV export in any encoding). Each client is matched to a won lead by INN, phone, e-mail or company name.",
  ),
  file: t("Файл из бухгалтерии", "Accounting file"),
  from: t("Сделки с", "Won from"),
  to: t("Сделки по", "Won to"),
  periodHint: t("Необязательно: без них — целые месяцы дат из файла.", "Optional: without them, the whole months of the file's dates."),
  upload: t("Сверить", "Reconcile"),
  noFile: t("Выберите файл из бухгалтерии.", "Choose the accounting file."),
  result: t((from, to) => `Сделки, выигранные ${from} – ${to}`, (from: string, to: string) => `Deals won ${from} – ${to}`),
  totals: t(
    (clients, won, matched) => `Клиентов в бухгалтерии: ${clients}, выигранных лидов в CRM: ${won}, сопоставлено: ${matched}.`,
    (clients: string, won: string, matched: string) => `${clients} clients in accounting, ${won} won leads in the CRM, ${matched} matched.`,
  ),
  matched: t("Сопоставлены", "Matched"),
  onlyInAccounting: t("Только в бухгалтерии", "Only in accounting"),
  onlyInCrm: t("Выиграны в CRM, но нет в бухгалтерии", "Won in the CRM, not in accounting"),
  rejected: t("Непрочитанные строки", "Lines not read"),
  warnings: t("Прочитаны с предупреждением", "Read with a warning"),
  lead: t("Лид", "Lead"),
  by: t("По чему", "Matched by"),
  byKind: {
    inn: t("ИНН", "INN"),
    phone: t("телефон", "phone"),
    email: t("почта", "e-mail"),
    name: t("название компании", "company name"),
  } satisfies Record<MatchedBy, Text<string>>,
  client: t("Клиент", "Client"),
  inn: t("ИНН", "INN"),
  line: t("Строка", "Line"),
  accountingAmount: t("В бухгалтерии", "In accounting"),
  crmAmount: t("В CRM", "In the CRM"),
  amount: t("Сумма", "Amount"),
  reason: t("Почему", "Why"),
  /** How a lead was matched, after "matched": "по ИНН", "by INN". */
  byWay: {
    inn: t("по ИНН", "by INN"),
    phone: t("по телефону", "by phone"),
    email: t("по почте", "by e-mail"),
    name: t("по названию компании", "by company name"),
  } satisfies Record<MatchedBy, Text<string>>,
  /** Why a client is only in accounting: core's reason codes (reconciliation/match.ts), with `byKind`/`byWay` words already in the page's language. */
  reasons: {
    no_lead_has_it: t(
      "ни у одного выигранного лида в CRM нет его ИНН, телефона, e-mail или названия компании",
      "no won lead in the CRM has its INN, phone, e-mail or company name",
    ),
    identifier_taken: t(
      (leadId, same, way, client, line) => `у выигранного лида ${leadId} совпадает ${same}, но он уже сопоставлен ${way} с «${client}» (строка ${line})`,
      (leadId: string, same: string, way: string, client: string, line: string) => `won lead ${leadId} has the same ${same} but is matched ${way} to «${client}» (line ${line})`,
    ),
    different_inn: t(
      (leadId, same, inn) => `у выигранного лида ${leadId} совпадает ${same}, но другой ИНН (${inn})`,
      (leadId: string, same: string, inn: string) => `won lead ${leadId} has the same ${same} but a different INN (${inn})`,
    ),
  },
  /** Why a line was not read or was read without an identifier: core's problem codes (reconciliation/file-notes.ts); a column is named as the file names it. */
  lineProblems: {
    totals_line: t((value) => `строка итогов («${value}»), а не клиент`, (value: string) => `a totals line («${value}»), not a client`),
    too_many_fields: t(
      (fields, header, separator) => `полей в строке: ${fields}, в заголовке: ${header}; значение, в котором есть ${separator}, пишется в двойных кавычках`,
      (fields: string, header: string, separator: string) => `the line has ${fields} fields but the header has ${header}; a value holding ${separator} must be in double quotes`,
    ),
    empty: t((column) => `«${column}» не заполнено`, (column: string) => `${column} is empty`),
    not_amount: t((column, text) => `«${column}»: «${text}» — не сумма вида 1 234,56`, (column: string, text: string) => `${column} "${text}" is not an amount such as 1 234,56`),
    not_day: t((column, text) => `«${column}»: «${text}» — не дата вида 31.03.2026`, (column: string, text: string) => `${column} "${text}" is not a day such as 31.03.2026`),
    identifier_unreadable: t(
      (column, text, what) => `«${column}»: «${text}» не похоже на ${what}; строка сопоставляется без этого значения`,
      (column: string, text: string, what: string) => `${column} "${text}" is not ${what}; the row is matched without it`,
    ),
  },
  /** What an unreadable identifier should have been, for `lineProblems.identifier_unreadable`. */
  identifierShape: {
    inn: t("ИНН (10 или 12 цифр)", "10 or 12 digits"),
    phone: t("номер телефона", "a phone number"),
    email: t("адрес e-mail", "an e-mail address"),
  },
  /** The separator named in `lineProblems.too_many_fields`: a tab by name, any other quoted. */
  separator: t((separator) => (separator === "\t" ? "табуляция" : `«${separator}»`), (separator: string) => (separator === "\t" ? "a tab" : `"${separator}"`)),
  none: t("Нет.", "None."),
  past: t("Прошлые сверки", "Earlier reconciliations"),
  noPast: t("Пока нет.", "None yet."),
  when: t("Когда", "When"),
  period: t("Период", "Period"),
  encoding: t("Кодировка", "Encoding"),
  open: t("Открыть", "Open"),
};
