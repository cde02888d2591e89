import { actingKey } from "@parom/core/access";
import { Hono, type Context } from "hono";
import { assertCampaignId, Campaigns, CreateCampaignInput, UpdateCampaignInput } from "@parom/core/campaign";
import { ConflictError, NotFoundError } from "@parom/core";
import { Hypotheses, Rules, RulesInput, TransitionInput, TransitionRefusedError } from "@parom/core/hypothesis";
import type { KpiName } from "@parom/core/kpi";
import type { WebEnv } from "../../env.js";
import type { Messages } from "../../i18n/index.js";
import { attempt, formStatus, formValues, optionalNumber, optionalText, parseForm } from "../../forms.js";
import { formPost, needs } from "../../guards.js";
import { Page } from "../../layout.js";
import { noticeOf, type NoticeKey } from "../../notice.js";
import { viewOf } from "../../view.js";
import { loadHypothesisPage } from "./data.js";
import type { HypothesisForms } from "./section.js";
import { hypothesisSections } from "./sections.js";

/** The hypothesis page; a refused form of it re-renders it with that form's state and status. */
export async function hypothesisPage(c: Context<WebEnv>, forms: HypothesisForms = {}, status: 200 | 400 | 409 | 422 = 200) {
  const v = await viewOf(c);
  const data = await loadHypothesisPage(c.var.ctx, c.req.param("id")!);
  return c.html(
    <Page v={v} title={data.hypothesis.title} notice={noticeOf(c, v.t)}>
      {hypothesisSections.map((Section) => (
        <Section v={v} ctx={c.var.ctx} data={data} forms={forms} />
      ))}
    </Page>,
    status,
  );
}

/** A refused move in the page's language: each unmet condition by its code, the gate's with the KPIs' names. */
function refusalInWords(error: TransitionRefusedError, t: Messages): string {
  const names = (kpis: KpiName[] = []) => kpis.map((kpi) => t.decisions.kpi.names[kpi]).join(", ");
  return error.refusals
    .map((refusal) =>
      refusal.code === "targets_undecided"
        ? t.hypothesis.refusedUndecided(names(refusal.kpis))
        : refusal.code === "targets_not_met"
          ? t.hypothesis.refusedNotMet(names(refusal.kpis))
          : t.refusals.transition(refusal),
    )
    .join(" ");
}

const lines = (text: string | undefined) => (text ?? "").split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
const actorOf = (c: Context<WebEnv>) => actingKey(c.var.principal);

/**
 * A form of the hypothesis page: on success back to the page with a notice, on a refusal the page
 * again with the form's problem and what was typed.
 */
function pageForm(form: keyof HypothesisForms, notice: NoticeKey, act: (c: Context<WebEnv>, values: Record<string, string>) => Promise<unknown>) {
  return async (c: Context<WebEnv>) => {
    const values = await formValues(c);
    const result = await attempt(() => act(c, values));
    // A missing hypothesis makes the page itself answer 404; any other refusal is shown at its form.
    if (!result.ok) return hypothesisPage(c, { [form]: { values, problem: result.problem } }, formStatus(result.kind));
    return c.redirect(`/hypotheses/${c.req.param("id")}?notice=${notice}#${form === "transition" ? "moves" : form === "campaign" ? "campaigns" : "rules"}`, 303);
  };
}

/** The hypothesis page and its forms: owners and marketers, the same verbs and rules as /api/hypotheses. */
export const hypothesisRoutes = new Hono<WebEnv>()
  .get("/hypotheses/:id", ...needs("hypotheses.read"), (c) => hypothesisPage(c))
  .post(
    "/hypotheses/:id/transitions",
    ...needs("hypotheses.write"),
    ...formPost,
    pageForm("transition", "moved", async (c, f) => {
      const input = parseForm(TransitionInput, { to: f.to, reason: optionalText(f.reason ?? f.moveReason), lesson: optionalText(f.lesson), expectedVersion: optionalNumber(f.expectedVersion) });
      const t = (await viewOf(c)).t;
      return Hypotheses.transition(c.var.ctx, c.req.param("id")!, input, actorOf(c)).catch((error) => {
        throw error instanceof TransitionRefusedError ? new ConflictError(error.code, refusalInWords(error, t)) : error;
      });
    }),
  )
  .post(
    "/hypotheses/:id/campaigns",
    ...needs("hypotheses.write"),
    ...formPost,
    pageForm("campaign", "campaignAdded", (c, f) => {
      const input = parseForm(CreateCampaignInput, {
        utmSource: f.utmSource ?? "",
        utmCampaign: f.utmCampaign ?? "",
        contractorId: optionalText(f.contractorId),
        platformCampaignIds: (f.platformCampaignIds ?? "").split(",").map((id) => id.trim()).filter(Boolean),
        paid: f.paid !== "false",
      });
      return Hypotheses.addCampaign(c.var.ctx, c.req.param("id")!, input);
    }),
  )
  .post(
    "/hypotheses/:id/campaigns/:campaignId/paid",
    ...needs("campaigns.write"),
    ...formPost,
    pageForm("campaign", "campaignUpdated", async (c, f) => {
      const campaignId = c.req.param("campaignId")!;
      assertCampaignId(campaignId, "campaignId");
      const campaign = await Campaigns.get(c.var.ctx, campaignId);
      // Only a campaign of this page's hypothesis: the form names both.
      if (campaign.hypothesisId !== c.req.param("id")) throw new NotFoundError("campaign", campaignId);
      return Campaigns.update(c.var.ctx, campaignId, parseForm(UpdateCampaignInput, { paid: f.paid === "true" }));
    }),
  )
  .post(
    "/hypotheses/:id/rules",
    ...needs("hypotheses.write"),
    ...formPost,
    pageForm("rules", "rulesSaved", (c, f) => {
      const input = parseForm(RulesInput, { responsible: f.responsible ?? "", leadHandling: f.leadHandling ?? "", checklist: lines(f.checklist) });
      return Rules.write(c.var.ctx, c.req.param("id")!, input, actorOf(c));
    }),
  );
