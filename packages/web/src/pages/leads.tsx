import { Hono, type Context } from "hono";
import { Campaigns } from "@parom/core/campaign";
import { actorOf, can, OWNER_KEY_ID } from "@parom/core/access";
import { Hypotheses } from "@parom/core/hypothesis";
import { attemptMaker, ContactAttemptInput, ContactAttempts, LeadTagging, Leads, type LeadStage, leadStages, ListLeadsQuery, Outcomes } from "@parom/core/lead";
import { emptyForm, Problems, Select, type FormState } from "../components/form.js";
import { leadDetail, leadsPage } from "../data/leads.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues, optionalText, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import type { Messages } from "../i18n/index.js";
import { noticeOf, type NoticeKey } from "../notice.js";
import { viewOf } from "../view.js";
import { ExportButtons } from "./access.js";
import { attemptFields, ContactAttemptsSection } from "./lead-attempts.js";
import { CallbackOutcomes, FirstContact, inPageWords, stageFields, StageForm } from "./lead-discipline.js";
import { LeadAssignmentSection, loadLeadAssignment, type AssignmentForms } from "./lead-assignment.js";
import { QualityReviewSection, reviewLead } from "./lead-review.js";
import { LeadTagsSection, tagFields } from "./lead-tags.js";
import { LeadTouchesSection } from "./lead-touches.js";

/** Leads per page unless `?limit=` (1..200, as the API) asks for another size. */
const PAGE_SIZE = 50;

async function leadListPage(c: Context<WebEnv>) {
  const v = await viewOf(c);
  const { ctx } = c.var;
  const q = c.req.query();
  const stage = leadStages.find((s) => s === q.stage);
  const limit = optionalText(q.limit) ?? String(PAGE_SIZE);
  const filters = { hypothesisId: optionalText(q.hypothesisId), campaignId: optionalText(q.campaignId), unattributed: q.unattributed === "true" ? "true" : undefined };
  const [hypotheses, campaigns, page] = await Promise.all([
    // The sales department reads no hypotheses or campaigns: their filters offer none, their rows show the UTM labels.
    can(c.var.principal, "hypotheses.read") ? Hypotheses.list(ctx) : [],
    can(c.var.principal, "campaigns.read") ? Campaigns.list(ctx) : [],
    attempt(async () => leadsPage(ctx, c.var.principal, parseForm(ListLeadsQuery, { ...filters, cursor: optionalText(q.cursor), limit }), stage)),
  ]);
  const state: FormState = { values: { ...filters, stage: stage ?? "" } as Record<string, string>, problem: page.ok ? undefined : page.problem };
  const next = page.ok && page.value.nextCursor ? `/leads?${new URLSearchParams({ ...stripEmpty({ ...filters, stage }), ...(q.limit ? { limit } : {}), cursor: page.value.nextCursor })}` : null;
  const campaignLabel = new Map(campaigns.map((campaign) => [campaign.id, `${v.t.words.channel(campaign.utmSource)} / ${campaign.utmCampaign}`]));
  const t = v.t.leads;
  return c.html(
    <Page v={v} title={t.title}>
      <form method="get" action="/leads" class="filters" aria-label={t.filter}>
        <Select state={emptyForm} name="hypothesisId" label={t.hypothesis} value={filters.hypothesisId ?? ""} options={[{ value: "", label: t.any }, ...hypotheses.map((h) => ({ value: h.id, label: h.title }))]} />
        <Select state={emptyForm} name="campaignId" label={t.campaign} value={filters.campaignId ?? ""} options={[{ value: "", label: t.any }, ...campaigns.map((cm) => ({ value: cm.id, label: campaignLabel.get(cm.id)! }))]} />
        <Select state={emptyForm} name="stage" label={t.stage} value={stage ?? ""} options={[{ value: "", label: t.any }, ...leadStages.map((s) => ({ value: s, label: v.t.leadStage[s] }))]} />
        <div class="field check">
          <input id="f-unattributed" type="checkbox" name="unattributed" value="true" checked={filters.unattributed === "true"} />
          <label for="f-unattributed">{t.unattributed}</label>
        </div>
        <button type="submit">{t.apply}</button>
      </form>
      <Problems v={v} state={state} />
      {can(c.var.principal, "leads.export") && !filters.unattributed && <ExportButtons v={v} filters={{ hypothesisId: filters.hypothesisId, campaignId: filters.campaignId, stage }} />}
      {page.ok && page.value.items.length === 0 && <p class="muted">{t.empty}</p>}
      {page.ok && page.value.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.arrived}</th>
              <th scope="col">{t.contact}</th>
              <th scope="col">{t.campaign}</th>
              <th scope="col">{t.stage}</th>
              <th scope="col" class="num">{t.amount}</th>
            </tr>
          </thead>
          <tbody>
            {page.value.items.map((lead) => (
              <tr>
                <td>
                  <a href={`/leads/${lead.id}`}>{v.fmt.dateTime(lead.createdAt)}</a>
                </td>
                <td>{lead.contact.name ?? lead.contact.phone ?? lead.contact.email ?? t.none}</td>
                <td>{(lead.campaignId && campaignLabel.get(lead.campaignId)) ?? `${lead.utm.source ? v.t.words.channel(lead.utm.source) : t.none} / ${lead.utm.campaign ?? t.none}`}</td>
                <td>{v.t.leadStage[lead.stage]}</td>
                <td class="num">{lead.amount ? v.fmt.money(lead.amount) : t.none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <p>
          <a href={next} rel="next">
            {t.next} →
          </a>
        </p>
      )}
    </Page>,
    page.ok ? 200 : 400,
  );
}

const stripEmpty = (values: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])));

/**
 * Who made a stage change or recorded a contact attempt, in words: the history keeps `key:<api key id>` for people (the owner's
 * key from the environment has a fixed id) and `crm:<source id>` for a CRM's webhook. A stored key
 * is named by the end of its id, as GET /api/keys lists it, so the page reads no key items.
 */
function actorName(t: Messages["leads"]["actor"], actor: string, keyNames: Map<string, string> = new Map()): string {
  if (actor === `key:${OWNER_KEY_ID}`) return t.owner;
  // A key's name (a person's name for a person's key) where it has one.
  if (actor.startsWith("key:")) return keyNames.get(actor.slice(4)) ?? t.key(actor.slice(-6));
  if (actor.startsWith("crm:")) return t.crm;
  return actor;
}

/** The lead page; a refused contact attempt, stage move, assignment or hand-over re-renders it with the form's problem and status. */
export async function leadPage(
  c: Context<WebEnv>,
  attemptForm: FormState = emptyForm,
  status: 200 | 400 | 404 | 409 | 422 = 200,
  forms: { stage?: FormState; tags?: FormState; review?: FormState; assignment?: AssignmentForms } = {},
) {
  const v = await viewOf(c);
  const { ctx } = c.var;
  const id = c.req.param("id")!;
  const { lead, hypothesis, history, attempts, callbacks, handovers } = await leadDetail(ctx, c.var.principal, id);
  const t = v.t.leads;
  const stageName = (stage: LeadStage) => v.t.leadStage[stage];
  const assignment = await loadLeadAssignment(ctx, lead, handovers, [...history, ...attempts, ...handovers, ...(lead.qualityReview ? [lead.qualityReview] : [])].map((entry) => entry.actor));
  const who = (actor: string) => actorName(t.actor, actor, assignment.keyNames);
  // amoCRM's user number alone names nobody: the person holding it, where the sales team lists one.
  const crmUser = (userId: string) => t.crmUser(userId, assignment.people.find((person) => person.crmUserIds.includes(userId))?.name);
  return c.html(
    <Page v={v} title={`${t.detail}: ${lead.contact.name ?? lead.contact.phone ?? lead.id}`} notice={noticeOf(c, v.t)}>
      <dl class="facts wide">
        <dt>{t.stage}</dt>
        <dd>{stageName(lead.stage)}</dd>
        <dt>{t.name}</dt>
        <dd>{lead.contact.name ?? t.none}</dd>
        <dt>{t.phone}</dt>
        <dd>{lead.contact.phone ?? t.none}</dd>
        <dt>{t.email}</dt>
        <dd>{lead.contact.email ?? t.none}</dd>
        <dt>{t.arrived}</dt>
        <dd>{v.fmt.dateTime(lead.createdAt)}</dd>
        <dt>{t.cohortDay}</dt>
        <dd>{v.fmt.day(lead.cohortDay)}</dd>
        <dt>{t.utm}</dt>
        <dd>
          {[lead.utm.source && v.t.words.channel(lead.utm.source), lead.utm.medium, lead.utm.campaign, lead.utm.content, lead.utm.term].map((part) => part ?? t.none).join(" / ")}
        </dd>
        <dt>{t.hypothesis}</dt>
        <dd>{hypothesis ? <a href={`/hypotheses/${hypothesis.id}`}>{hypothesis.title}</a> : t.none}</dd>
        <dt>{t.amount}</dt>
        <dd>{lead.amount ? v.fmt.money(lead.amount) : t.none}</dd>
        {lead.lostReason && (
          <>
            <dt>{t.lostReason}</dt>
            <dd>{v.t.words.lostReason(lead.lostReason)}</dd>
          </>
        )}
        {lead.responsibleUserId && (
          <>
            <dt>{t.responsible}</dt>
            <dd>{crmUser(lead.responsibleUserId)}</dd>
          </>
        )}
      </dl>
      <LeadAssignmentSection v={v} leadId={lead.id} data={assignment} who={who} forms={forms.assignment ?? {}} timeZone={ctx.timeZone} />
      <LeadTouchesSection v={v} lead={lead} campaignLabel={(campaignId) => (campaignId === lead.campaignId && hypothesis ? hypothesis.title : t.otherCampaign)} />
      <h2>{t.stageHistory}</h2>
      {history.length === 0 ? (
        <p class="muted">{t.noHistory}</p>
      ) : (
        <ol class="history">
          {history.map((entry) => (
            <li>
              <time datetime={entry.at}>{v.fmt.dateTime(entry.at)}</time> — {t.change(stageName(entry.from), stageName(entry.to))}
              {entry.amount && `, ${v.fmt.money(entry.amount)}`}
              {entry.lostReason && <> <q>{v.t.words.lostReason(entry.lostReason)}</q></>} <span class="muted">({who(entry.actor)})</span>
            </li>
          ))}
        </ol>
      )}
      <ContactAttemptsSection
        v={v}
        leadId={lead.id}
        summary={lead.contactAttempts}
        attempts={attempts}
        who={who}
        form={attemptForm}
        now={ctx.now()}
        timeZone={ctx.timeZone}
      />
      <FirstContact v={v} summary={lead.contactAttempts} />
      <CallbackOutcomes v={v} outcomes={callbacks} />
      {v.principal && can(v.principal, "leads.work") && <LeadTagsSection v={v} lead={lead} form={forms.tags ?? emptyForm} />}
      {v.principal && can(v.principal, "quality.review") && <QualityReviewSection v={v} lead={lead} who={who} form={forms.review ?? emptyForm} />}
      {v.principal && can(v.principal, "leads.work") && <StageForm v={v} leadId={lead.id} stage={lead.stage} furthestStage={lead.furthestStage} form={forms.stage ?? emptyForm} />}
    </Page>,
    status,
  );
}

const attemptNotice = { lost: "attemptLost", restored: "attemptRestored" } as const satisfies Record<string, NoticeKey>;

/** Records a contact attempt as the API does; a refusal (the contact rule's 409 too) is shown at the form. */
async function recordAttempt(c: Context<WebEnv>) {
  const id = c.req.param("id")!;
  // Another person's lead is not found for a manager, as in the API (the error page, before the form is read).
  await Leads.assertVisible(c.var.ctx, c.var.principal, id);
  const values = await formValues(c);
  const result = await attempt(() =>
    ContactAttempts.record(c.var.ctx, id, parseForm(ContactAttemptInput, attemptFields(values, c.var.ctx.timeZone)), `key:${c.var.principal.keyId}`, attemptMaker(c.var.principal)),
  );
  if (!result.ok) return leadPage(c, { values, problem: result.problem }, formStatus(result.kind));
  const notice: NoticeKey = result.value.stageChange ? attemptNotice[result.value.stageChange] : "attemptRecorded";
  return c.redirect(`/leads/${id}?notice=${notice}#attempts`, 303);
}

/** Moves the lead as PATCH /api/leads/{id} does; a refusal (missing required tags in the page's words) is shown at the form. */
async function moveStage(c: Context<WebEnv>) {
  const id = c.req.param("id")!;
  await Leads.assertVisible(c.var.ctx, c.var.principal, id);
  const values = await formValues(c);
  const v = await viewOf(c);
  const result = await attempt(() => inPageWords(v, values.stage, () => Outcomes.changeStage(c.var.ctx, id, stageFields(values), actorOf(c.var.principal))));
  if (!result.ok) return leadPage(c, emptyForm, formStatus(result.kind), { stage: { values, problem: result.problem } });
  return c.redirect(`/leads/${id}?notice=moved`, 303);
}

/** Sets the lead's tags as PUT /api/leads/{id}/tags does, so a move the required tags refused can follow. */
async function setTags(c: Context<WebEnv>) {
  const id = c.req.param("id")!;
  await Leads.assertVisible(c.var.ctx, c.var.principal, id);
  const values = await formValues(c);
  const { t } = await viewOf(c);
  const result = await attempt(() => LeadTagging.set(c.var.ctx, id, tagFields(values, t.tags)));
  if (!result.ok) return leadPage(c, emptyForm, formStatus(result.kind), { tags: { values, problem: result.problem } });
  return c.redirect(`/leads/${id}#tags`, 303);
}

/** Leads with their contacts and contact attempts, as /api/leads: a manager only their own, a marketer masked in the list. */
export const leadRoutes = new Hono<WebEnv>()
  .get("/leads", ...needs("leads.read"), leadListPage)
  .get("/leads/:id", ...needs("leads.read"), (c) => leadPage(c))
  .post("/leads/:id/contact-attempts", ...needs("leads.work"), ...formPost, recordAttempt)
  .post("/leads/:id/stage", ...needs("leads.work"), ...formPost, moveStage)
  .post("/leads/:id/tags", ...needs("leads.work"), ...formPost, setTags)
  .post("/leads/:id/quality-review", ...needs("quality.review"), ...formPost, async (c) => {
    await Leads.assertVisible(c.var.ctx, c.var.principal, c.req.param("id"));
    return reviewLead(c, (form, status) => leadPage(c, emptyForm, status, { review: form }));
  });
