import { actingKey } from "@parom/core/access";
import { Hono, type Context } from "hono";
import { DomainError } from "@parom/core";
import { chosenChannel } from "../../channel-choices.js";
import { EditHypothesisInput, HypothesisEdits } from "@parom/core/hypothesis";
import type { Problem } from "../../components/form.js";
import type { WebEnv } from "../../env.js";
import { attempt, formInvalid, formStatus, formValues, inPercent, optionalNumber, optionalPercent, optionalText, parseForm } from "../../forms.js";
import { formPost, needs } from "../../guards.js";
import type { Messages } from "../../i18n/index.js";
import { viewOf } from "../../view.js";
import { editName } from "./edit.js";
import { hypothesisPage } from "./routes.js";

const moneyFields: readonly string[] = ["budget", "targets.cplMax", "targets.cacMax"];
const percentFields: readonly string[] = ["targets.qualifiedRateMin", "targets.conversionMin", "targets.romiMin", "confidence"];

/** The edit form as the API's body: every field posted, blank targets left out (removed), blank money kept for the schema to name. */
function editBody(values: Record<string, string>, channel: string | undefined) {
  const f = (path: string) => values[editName(path)];
  return {
    expectedVersion: optionalNumber(values.expectedVersion),
    reason: optionalText(f("reason")),
    title: f("title") ?? "",
    statement: f("statement") ?? "",
    // Left out when not posted (no change); a cleared responsible is posted empty and named by the schema.
    channel,
    responsible: f("responsible"),
    budget: optionalText(f("budget")) ?? "",
    probe: { start: f("probe.start") ?? "", end: f("probe.end") ?? "" },
    targets: {
      cplMax: optionalText(f("targets.cplMax")),
      cacMax: optionalText(f("targets.cacMax")),
      qualifiedRateMin: optionalPercent(f("targets.qualifiedRateMin")),
      conversionMin: optionalPercent(f("targets.conversionMin")),
      romiMin: optionalPercent(f("targets.romiMin")),
      minLeads: optionalNumber(f("targets.minLeads")),
      minClients: optionalNumber(f("targets.minClients")),
    },
    maturityDays: optionalNumber(f("maturityDays")),
    confidence: optionalPercent(f("confidence")),
  };
}

/** Each field's problem at its form field, named by its label, money fields by how an amount is written. */
function inWords(problem: Problem, t: Messages["edit"]): Problem {
  return {
    ...problem,
    issues: problem.issues.map((issue) => {
      const message = moneyFields.includes(issue.path) ? t.badMoney : issue.message;
      return { path: editName(issue.path), message: t.fields[issue.path] ? `${t.fields[issue.path]}: ${message}` : message };
    }),
  };
}

/** The edit's refusals that the page words itself: by someone else's change, of a closed hypothesis, of nothing. */
const ownWords = (t: Messages["edit"]): Record<string, string> => ({ version_conflict: t.stale, hypothesis_closed: t.closed, nothing_changed: t.nothingChanged });

/** POST /hypotheses/{id}/edit: the same verb and rules as PATCH /api/hypotheses/{id}; a refusal re-renders the page at the form. */
export const hypothesisEditRoutes = new Hono<WebEnv>().post("/hypotheses/:id/edit", ...needs("hypotheses.write"), ...formPost, async (c: Context<WebEnv>) => {
  const id = c.req.param("id")!;
  const values = await formValues(c);
  const v = await viewOf(c);
  const t = v.t.edit;
  let stale = false;
  const result = await attempt(async () => {
    const chosen = values[editName("channel")] === undefined ? { channel: undefined } : chosenChannel(v, values, editName("channel"));
    if ("issue" in chosen) formInvalid([{ ...chosen.issue, path: "channelTyped" }]);
    const input = parseForm(EditHypothesisInput, editBody(values, chosen.channel));
    return HypothesisEdits.edit(c.var.ctx, id, input, actingKey(c.var.principal)).catch((error: unknown) => {
      const words = error instanceof DomainError ? ownWords(t)[error.code] : undefined;
      if (!words || !(error instanceof DomainError)) throw error;
      stale = error.code === "version_conflict";
      throw new DomainError(error.code, words, error.kind);
    });
  });
  if (!result.ok) return hypothesisPage(c, { edit: { values, problem: inWords(inPercent(result.problem, percentFields, v.fmt.percent), t), stale } }, formStatus(result.kind));
  return c.redirect(`/hypotheses/${id}?notice=edited#history`, 303);
});
