import type { LeadItem } from "../lead/keys.js";
import type { LeadStage } from "../lead-stages.js";
import { formatKopecks } from "../money.js";
import { moneyCell } from "../report/format.js";

/** Names an export gives the ids a lead holds; an id nobody knows stays as it is. */
export type ExportNames = { source: Map<string, string>; hypothesis: Map<string, string>; person: Map<string, string> };

/** A cell: text, or money in kopecks (a number in the .xlsx, a decimal comma in the CSV). */
export type Cell = string | { kopecks: number } | null;

const stageLabels: Record<LeadStage, string> = { new: "Новый", contacted: "Контакт", qualified: "Квалифицирован", proposal: "КП", won: "Сделка", lost: "Потерян" };

/** The export's columns, with the Russian headers a sales owner reads in Excel. */
export const exportColumns: Array<{ header: string; cell: (lead: LeadItem, names: ExportNames, arrived: string) => Cell }> = [
  { header: "Поступил", cell: (_, __, arrived) => arrived },
  { header: "Имя", cell: (lead) => lead.contact.name },
  { header: "Телефон", cell: (lead) => lead.contact.phone },
  { header: "E-mail", cell: (lead) => lead.contact.email },
  { header: "Компания", cell: (lead) => lead.company?.name ?? null },
  { header: "ИНН", cell: (lead) => lead.company?.inn ?? null },
  { header: "Источник", cell: (lead, names) => names.source.get(lead.sourceId) ?? lead.sourceId },
  { header: "Гипотеза", cell: (lead, names) => (lead.hypothesisId ? (names.hypothesis.get(lead.hypothesisId) ?? lead.hypothesisId) : null) },
  { header: "utm_source", cell: (lead) => lead.utm.source },
  { header: "utm_medium", cell: (lead) => lead.utm.medium },
  { header: "utm_campaign", cell: (lead) => lead.utm.campaign },
  { header: "utm_content", cell: (lead) => lead.utm.content },
  { header: "utm_term", cell: (lead) => lead.utm.term },
  { header: "Этап", cell: (lead) => stageLabels[lead.stage] },
  { header: "Сумма, ₽", cell: (lead) => (lead.amountKopecks === null ? null : { kopecks: lead.amountKopecks }) },
  { header: "Причина отказа", cell: (lead) => lead.lostReason },
  { header: "Ответственный", cell: (lead, names) => (lead.assigneeId ? (names.person.get(lead.assigneeId) ?? lead.assigneeId) : null) },
  { header: "ID лида", cell: (lead) => lead.id },
];

/**
 * Text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
 * gets a leading apostrophe, so it is shown, never run: a phone "+7..." as much as a name "=HYPERLINK(...)".
 * @example neutralise("=1+1") // "'=1+1"
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Money as Russian Excel reads a number: "1234,50". */
export const moneyText = (kopecks: number) => moneyCell(formatKopecks(kopecks));
