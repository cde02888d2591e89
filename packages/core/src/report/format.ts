import { numbersIn, type Decimal } from "../format/numbers.js";
import type { Verdict } from "../stats/verdict.js";
import type { CumulativeReport, TargetKpi } from "./model.js";

/** Russian presentation of report figures, shared by the CSV, the HTML page, the mail text and the summary line. */

const ru = numbersIn("ru");
const hundredths = { exactly: 2 } as const;

export const kpiLabels: Record<TargetKpi, string> = {
  cpl: "стоимость лида",
  qualifiedRate: "доля квалифицированных",
  conversion: "конверсия",
  cac: "стоимость клиента",
  romi: "ROMI",
};

export const verdictLabels: Record<Verdict, string> = {
  met: "выполнено",
  not_met: "не выполнено",
  insufficient_data: "недостаточно данных",
};

/** A verdict on the campaign so far, in the words of a contract's reader. */
export const sinceStartLabels: Record<Verdict, string> = {
  met: "цель достигнута",
  not_met: "цель не достигнута",
  insufficient_data: "пока рано судить",
};

export function meetsLabel(meets: boolean | null): string {
  return meets === true ? "да" : meets === false ? "нет" : "пока неясно";
}

/** A fraction as a spreadsheet's percentage figure, two decimals, no sign: 0.1234 -> "12,34". */
export function percentCell(fraction: number): string {
  return ru.spreadsheet(fraction * 100, hundredths);
}

/** "1234.50" -> "1234,50": the decimal comma Russian Excel reads as a number. */
export function moneyCell(value: string): string {
  return ru.spreadsheet(value as Decimal, hundredths);
}

/** "1234567.50" -> "1 234 567,50 ₽" (no-break spaces), for people rather than spreadsheets. */
export function moneyRu(value: string | null): string {
  return value === null ? "—" : ru.money(value as Decimal);
}

/** 0.1234 -> "12,34 %". */
export function percentRu(fraction: number | null): string {
  return fraction === null ? "—" : ru.percent(fraction, { digits: hundredths });
}

/** A change with its sign: "+3", "+1 234,50 ₽", "-2,10 п.п." (percentage points for rates). */
export function changeRu(value: number | string | null, kind: "count" | "money" | "rate"): string {
  if (value === null) return "—";
  if (kind === "money") return ru.money(String(value) as Decimal, { signed: true });
  const number = Number(value);
  return kind === "count" ? ru.number(number, { signed: true }) : `${ru.number(number * 100, { digits: hundredths, signed: true })}\u00a0п.п.`;
}

/** "2026-03-01" -> "01.03.2026". */
export function dayRu(day: string): string {
  const [year, month, date] = day.split("-");
  return `${date}.${month}.${year}`;
}

/** A KPI's figure for people: money in roubles, rates in percent. */
export function figureRu(kpi: TargetKpi, value: string | number | null): string {
  if (kpi === "cpl" || kpi === "cac") return moneyRu(value as string | null);
  return percentRu(value as number | null);
}

/** "с 01.02.2026 по 31.03.2026", or only the end when the campaign has nothing counted yet. */
export function sinceStartRu({ from, to }: Pick<CumulativeReport, "from" | "to">): string {
  return from ? `с ${dayRu(from)} по ${dayRu(to)}` : `по ${dayRu(to)}`;
}
