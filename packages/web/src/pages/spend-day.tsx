import type { FC } from "hono/jsx";
import type { FieldIssue } from "@parom/core";
import type { Campaign } from "@parom/core/campaign";
import { FormCard } from "../components/form-card.js";
import { Field, Problems, Select, type FormState } from "../components/form.js";
import type { Messages } from "../i18n/index.js";
import { moneyInputValue, readMoney } from "../money-input.js";
import type { View } from "../view.js";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (text: string) => ISO_DAY.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

export type SpendDayInput = { campaign: Campaign; date: string; costKopecks: number };

/**
 * The one-day form read, or each field's problem in the reader's words. The amount is read as a
 * person writes roubles: spaces between thousands and a decimal comma ("600 000,50"). A day after
 * `today` (the workspace's) is refused: spend is paid, not planned, and a mistyped year would count.
 */
export function readSpendDay(values: Record<string, string>, campaigns: Campaign[], t: Messages["daily"]["spendDay"], today: string): { input: SpendDayInput } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const campaign = campaigns.find((c) => c.id === values.campaignId);
  if (!campaign) issues.push({ path: "campaignId", message: t.needCampaign });
  const date = values.date?.trim() ?? "";
  if (!isDay(date)) issues.push({ path: "date", message: t.needDay });
  else if (date > today) issues.push({ path: "date", message: t.futureDay });
  const costKopecks = readMoney(values.amount);
  if (costKopecks == null) issues.push({ path: "amount", message: t.badAmount });
  else if (costKopecks < 0) issues.push({ path: "amount", message: t.negative });
  return campaign && issues.length === 0 ? { input: { campaign, date, costKopecks: costKopecks! } } : { issues };
}

/** One campaign's cost for one day, typed by hand; its problems listed above it in words that name the field. */
export const SpendDayForm: FC<{ v: View; state: FormState; campaigns: Campaign[]; titles: Map<string, string> }> = ({ v, state, campaigns, titles }) => {
  const t = v.t.daily.spendDay;
  return (
    <FormCard v={v} action="/spend/day" id="spend-day" title={t.title} intro={t.intro}>
      <Problems v={v} state={state} named />
      <div class="row">
        <Select
          state={state}
          name="campaignId"
          label={t.campaign}
          options={[
            { value: "", label: campaigns.length ? t.choose : t.noCampaigns },
            ...campaigns.map((c) => ({ value: c.id, label: `${titles.get(c.hypothesisId) ?? "—"} · ${v.t.words.channel(c.utmSource)} / ${c.utmCampaign}` })),
          ]}
        />
        <Field state={state} name="date" label={t.day} type="date" />
        <Field state={state} name="amount" label={t.amount} hint={t.amountHint} placeholder={moneyInputValue(60_000_050, v.lang)} />
      </div>
      <button type="submit">{t.record}</button>
    </FormCard>
  );
};
