import { actingKey } from "@parom/core/access";
import { Hono, type Context } from "hono";
import { CreateHypothesisInput, Hypotheses } from "@parom/core/hypothesis";
import { chosenChannel } from "../channel-choices.js";
import { ChannelField } from "../components/channel-field.js";
import { Csrf, emptyForm, Field, Problems, Select, TextArea, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formInvalid, formStatus, formValues, inPercent, optionalNumber, optionalPercent, optionalText, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { moneyInputValue, moneyText } from "../money-input.js";
import { viewOf } from "../view.js";

/** Fields typed in percent (the hypothesis page shows them so too) and kept as fractions. */
const percentFields: readonly string[] = ["confidence", "targets.qualifiedRateMin", "targets.conversionMin", "targets.romiMin"];

/** Form fields are named by the paths the schema reports problems at, so each problem lands beside its field. */
function hypothesisInput(f: Record<string, string>, channel: string) {
  return {
    title: f.title ?? "",
    statement: f.statement ?? "",
    channel,
    responsible: f.responsible ?? "",
    budget: moneyText(f.budget) ?? "",
    currency: optionalText(f.currency),
    probe: { start: f["probe.start"] ?? "", end: f["probe.end"] ?? "" },
    maturityDays: optionalNumber(f.maturityDays),
    confidence: optionalPercent(f.confidence),
    targets: {
      cplMax: moneyText(f["targets.cplMax"]),
      cacMax: moneyText(f["targets.cacMax"]),
      qualifiedRateMin: optionalPercent(f["targets.qualifiedRateMin"]),
      conversionMin: optionalPercent(f["targets.conversionMin"]),
      romiMin: optionalPercent(f["targets.romiMin"]),
      minLeads: optionalNumber(f["targets.minLeads"]),
      minClients: optionalNumber(f["targets.minClients"]),
    },
  };
}

/** Currencies a budget is kept in, named in the reader's language ("Российский рубль"); roubles first, as the business counts. */
const currencyOptions = (lang: string) => {
  const names = new Intl.DisplayNames([lang], { type: "currency" });
  return ["RUB", "USD", "EUR", "CNY", "KZT", "BYN"].map((code) => {
    const name = names.of(code) ?? code;
    return { value: code, label: name.charAt(0).toUpperCase() + name.slice(1) };
  });
};

async function newHypothesisPage(c: Context<WebEnv>, state: FormState, status: 200 | 400 | 409 | 422 = 200) {
  const v = await viewOf(c);
  const h = v.t.hypothesis;
  const f = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field state={state} name={name} label={label} {...extra} />
  );
  return c.html(
    <Page v={v} title={h.newTitle}>
      <Problems v={v} state={state} />
      <form method="post" action="/hypotheses" class="card">
        <Csrf v={v} />
        {f("title", h.title, { required: true })}
        <TextArea state={state} name="statement" label={h.statement} hint={h.statementHint} required />
        <div class="row">
          <ChannelField v={v} state={state} name="channel" label={h.channel} />
        </div>
        {f("responsible", h.responsible, { required: true })}
        <div class="row">
          {f("budget", h.budget, { required: true, placeholder: moneyInputValue(15_000_000, v.lang) })}
          <Select state={state} name="currency" label={h.currency} value="RUB" options={currencyOptions(v.lang)} />
        </div>
        <div class="row">
          {f("probe.start", h.probeStart, { type: "date", required: true })}
          {f("probe.end", h.probeEnd, { type: "date", required: true })}
        </div>
        <div class="row">
          {f("maturityDays", h.maturityDays, { type: "number", min: "0", value: "15", hint: h.maturityHint })}
          {f("confidence", h.confidence, { value: "90", hint: h.confidenceHint })}
        </div>
        <fieldset>
          <legend>{h.targets}</legend>
          <p class="hint" id="targets-hint">
            {h.targetsHint}
          </p>
          {state.problem?.issues.some((issue) => issue.path === "targets") && (
            <p class="error">⚠ {state.problem.issues.find((issue) => issue.path === "targets")!.message}</p>
          )}
          <div class="row">
            {f("targets.cplMax", h.cplMax)}
            {f("targets.cacMax", h.cacMax)}
          </div>
          <div class="row">
            {f("targets.qualifiedRateMin", h.qualifiedRateMin)}
            {f("targets.conversionMin", h.conversionMin)}
            {f("targets.romiMin", h.romiMin)}
          </div>
          <div class="row">
            {f("targets.minLeads", h.minLeads, { type: "number", min: "1" })}
            {f("targets.minClients", h.minClients, { type: "number", min: "1" })}
          </div>
        </fieldset>
        <button type="submit">{h.create}</button>
      </form>
    </Page>,
    status,
  );
}

/** Registering a hypothesis: owners and marketers, as POST /api/hypotheses. */
export const hypothesisNewRoutes = new Hono<WebEnv>()
  .get("/hypotheses/new", ...needs("hypotheses.write"), (c) => newHypothesisPage(c, emptyForm))
  .post("/hypotheses", ...needs("hypotheses.write"), ...formPost, async (c) => {
    const values = await formValues(c);
    const actor = actingKey(c.var.principal);
    const chosen = chosenChannel(await viewOf(c), values, "channel");
    const result = await attempt(async () => {
      if ("issue" in chosen) formInvalid([chosen.issue]);
      return Hypotheses.create(c.var.ctx, parseForm(CreateHypothesisInput, hypothesisInput(values, chosen.channel)), actor);
    });
    if (!result.ok) {
      const problem = inPercent(result.problem, percentFields, (await viewOf(c)).fmt.percent);
      return newHypothesisPage(c, { values, problem }, formStatus(result.kind));
    }
    return c.redirect(`/hypotheses/${result.value.id}?notice=created`, 303);
  });
