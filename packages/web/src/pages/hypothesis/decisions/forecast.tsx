import { forecast, type Forecast } from "@parom/core/analytics";
import { toKopecks } from "@parom/core";
import { ForecastMoney, ForecastWaterfall } from "../../../charts/waterfall.js";
import { moneyInputValue, readMoney } from "../../../money-input.js";
import type { View } from "../../../view.js";
import type { Section } from "../section.js";
import { decisionData } from "./data.js";
import { pageQuery } from "./format.js";

/** Why there is no forecast, in the reader's words (the core's reason is for the API's readers). */
function whyNot(v: View, result: Extract<Forecast, { status: "insufficient_data" }>, maturityDays: number): string {
  const t = v.t.decisions.forecast;
  if (result.basis.leads === 0) return result.maturing.leads === 0 ? t.noLeads : t.noMature(v.fmt.number(maturityDays));
  if (result.spendMissing) return t.spendMissing(result.spendMissing.days.length);
  return result.basis.spend === "0.00" ? t.noSpend : t.noWins;
}

/**
 * The forecast calculator: a GET form with the budget (the hypothesis' budget until one is typed),
 * answered on the same page with the waterfall of counts and the budget against revenue.
 */
export const ForecastSection: Section = async ({ v, ctx, data }) => {
  const h = data.hypothesis;
  const { days, unpaidCampaignIds, asOf } = await decisionData(ctx, data);
  const t = v.t.decisions.forecast;
  const query = pageQuery(v);
  const typed = query.get("budget");
  const budget = typed === null ? h.budget : (readMoney(typed) ?? null);
  const valid = budget !== null && budget > 0;
  const result = valid ? forecast({ days, budget, asOf, maturityDays: h.maturityDays, unpaidCampaignIds }) : null;
  const by = query.get("by");
  return (
    <section aria-labelledby="forecast">
      <h2 id="forecast">{t.title}</h2>
      <p>{t.intro}</p>
      <form method="get" action={`/hypotheses/${h.id}#forecast`} class="row">
        {by && <input type="hidden" name="by" value={by} />}
        <div class={valid ? "field" : "field invalid"}>
          <label for="f-budget">
            {t.budget}, {v.fmt.currencySign(h.currency)}
          </label>
          <input id="f-budget" name="budget" inputmode="decimal" required value={typed ?? moneyInputValue(h.budget, v.lang)} aria-invalid={valid ? undefined : "true"} aria-describedby={valid ? undefined : "e-budget"} />
          {!valid && (
            <small id="e-budget" class="error">
              ⚠ {t.badBudget}
            </small>
          )}
        </div>
        <button type="submit">{t.submit}</button>
      </form>
      {result?.status === "insufficient_data" && <p class="muted">{whyNot(v, result, h.maturityDays)}</p>}
      {result?.status === "ok" && (
        <>
          <ForecastWaterfall v={v} id="forecast-counts" forecast={result} currency={h.currency} />
          <ForecastMoney v={v} id="forecast-money" forecast={result} currency={h.currency} />
          <p class="muted">
            {t.basis(v.fmt.number(result.basis.leads), v.fmt.number(result.basis.won), result.basis.cpl === null ? "—" : v.fmt.amount(toKopecks(result.basis.cpl)!, h.currency))}
          </p>
        </>
      )}
    </section>
  );
};
