import type { FC } from "hono/jsx";
import { toKopecks } from "@parom/core";
import type { FieldChange } from "@parom/core/hypothesis";
import type { View } from "../../view.js";

const money: readonly string[] = ["budget", "targets.cplMax", "targets.cacMax"];
const percent: readonly string[] = ["targets.qualifiedRateMin", "targets.conversionMin", "targets.romiMin", "confidence"];
const days: readonly string[] = ["probe.start", "probe.end"];

/** One value of a changed field in the reader's words: money and percents formatted, days as dates, text quoted. */
function valueText(v: View, field: string, value: string | number | null, currency: string): string {
  if (value === null) return v.t.edit.unset;
  if (money.includes(field)) {
    const kopecks = toKopecks(value);
    return kopecks === null ? String(value) : v.fmt.amount(kopecks, currency);
  }
  if (typeof value === "number") return percent.includes(field) ? v.fmt.percent(value) : v.fmt.number(value);
  if (days.includes(field)) return v.fmt.day(value);
  // A channel by its name ("VK Реклама"), never its code.
  if (field === "channel") return v.t.words.channel(value);
  return `«${value}»`;
}

/** What one history entry changed, a line per field: "Бюджет: 500 000 ₽ → 600 000 ₽". */
export const ChangeList: FC<{ v: View; changes: FieldChange[]; currency: string }> = ({ v, changes, currency }) => (
  <ul class="changes">
    {changes.map((change) => (
      <li>
        {v.t.edit.change(
          v.t.edit.fields[change.field] ?? change.field,
          valueText(v, change.field, change.before, currency),
          valueText(v, change.field, change.after, currency),
        )}
      </li>
    ))}
  </ul>
);
