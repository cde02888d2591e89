import { Hono, type Context } from "hono";
import type { FC } from "hono/jsx";
import { zonedInstant } from "@parom/core";
import { actorOf, ApiKeys, can } from "@parom/core/access";
import { assignLead, HandoverInput, Handovers, type Handover } from "@parom/core/lead";
import { People, type Person } from "@parom/core/people";
import type { Ctx } from "@parom/core";
import { Csrf, emptyForm, Field, Problems, Select, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues, optionalText, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import type { View } from "../view.js";
import { leadPage } from "./leads.js";

/** What the lead page shows of who handles the lead: its person, its hand-overs, and names for the keys that acted on it. */
export type LeadAssignment = { assigneeId: string | null; people: Person[]; handovers: Handover[]; keyNames: Map<string, string> };

export async function loadLeadAssignment(ctx: Ctx, leadId: string, assigneeId: string | null): Promise<LeadAssignment> {
  // Keys and people are a department's worth: one query each names everyone the page mentions.
  const [people, handovers, keys] = await Promise.all([People.list(ctx), Handovers.list(ctx, leadId), ApiKeys.list(ctx)]);
  const keyNames = new Map(keys.filter((key) => key.name).map((key) => [key.id, key.name!]));
  return { assigneeId, people, handovers, keyNames };
}

export type AssignmentForms = { assign?: FormState; handover?: FormState };

/** The lead's person and hand-overs; those holding leads.assign also get the assign and hand-over forms. */
export const LeadAssignmentSection: FC<{ v: View; leadId: string; data: LeadAssignment; who: (actor: string) => string; forms?: AssignmentForms; timeZone: string }> = ({
  v,
  leadId,
  data,
  who,
  forms = {},
  timeZone,
}) => {
  const t = v.t.sales.lead;
  const nameOf = (id: string | null) => (id ? (data.people.find((p) => p.id === id)?.name ?? id) : t.nobody);
  const managers = data.people.filter((p) => p.role === "manager");
  const mayAssign = v.principal !== undefined && can(v.principal, "leads.assign");
  return (
    <section aria-labelledby="assignment">
      <h2 id="assignment">{t.title}</h2>
      <dl class="facts">
        <dt>{t.assignee}</dt>
        <dd id="assignee">{nameOf(data.assigneeId)}</dd>
      </dl>
      <h3>{t.handovers}</h3>
      {data.handovers.length === 0 ? (
        <p class="muted">{t.noHandovers}</p>
      ) : (
        <ol class="history" id="handovers">
          {data.handovers.map((h) => (
            <li>
              <time datetime={h.at}>{v.fmt.dateTime(h.at)}</time> — {t.handover(nameOf(h.from), nameOf(h.to))}, {h.until ? t.until(v.fmt.dateTime(h.until)) : t.forGood}
              {h.returnedAt && `, ${t.returned(v.fmt.dateTime(h.returnedAt))}`} <q>{h.reason}</q> <span class="muted">({t.by(who(h.actor))})</span>
            </li>
          ))}
        </ol>
      )}
      {mayAssign && (
        <>
          <h3>{t.assign}</h3>
          <Problems v={v} state={forms.assign ?? emptyForm} />
          <form method="post" action={`/leads/${leadId}/assignee`} class="filters">
            <Csrf v={v} />
            <Select
              state={forms.assign ?? emptyForm}
              name="assigneeId"
              label={t.assignee}
              value={data.assigneeId ?? ""}
              options={[{ value: "", label: t.nobodyOption }, ...managers.map((p) => ({ value: p.id, label: p.name }))]}
            />
            <button type="submit">{t.assignSubmit}</button>
          </form>
          <h3>{t.handOver}</h3>
          <Problems v={v} state={forms.handover ?? emptyForm} />
          <form method="post" action={`/leads/${leadId}/handovers`} class="filters">
            <Csrf v={v} />
            <Select state={forms.handover ?? emptyForm} name="to" label={t.to} options={managers.filter((p) => p.id !== data.assigneeId).map((p) => ({ value: p.id, label: p.name }))} />
            <Field state={forms.handover ?? emptyForm} name="until" label={t.untilLabel} type="datetime-local" hint={t.untilHint(timeZone)} />
            <Field state={forms.handover ?? emptyForm} name="reason" label={t.reason} required />
            <button type="submit">{t.handOverSubmit}</button>
          </form>
        </>
      )}
    </section>
  );
};

async function assign(c: Context<WebEnv>) {
  const id = c.req.param("id")!;
  const values = await formValues(c);
  const result = await attempt(() => assignLead(c.var.ctx, id, optionalText(values.assigneeId) ?? null));
  if (!result.ok) return leadPage(c, emptyForm, formStatus(result.kind) as 400 | 409, { assign: { values, problem: result.problem } });
  return c.redirect(`/leads/${id}#assignment`, 303);
}

async function handOver(c: Context<WebEnv>) {
  const id = c.req.param("id")!;
  const values = await formValues(c);
  const until = optionalText(values.until);
  const input = { to: values.to, reason: values.reason, ...(until ? { until: zonedInstant(until, c.var.ctx.timeZone)?.toISOString() ?? until } : {}) };
  const result = await attempt(() => Handovers.create(c.var.ctx, id, parseForm(HandoverInput, input), actorOf(c.var.principal)));
  if (!result.ok) return leadPage(c, emptyForm, formStatus(result.kind, "not_found") as 400 | 404 | 409, { handover: { values, problem: result.problem } });
  return c.redirect(`/leads/${id}#assignment`, 303);
}

/** The lead page's forms for the head of sales and the owner (leads.assign), as PATCH /api/leads/{id} and POST /api/leads/{id}/handovers. */
export const leadAssignmentRoutes = new Hono<WebEnv>()
  .post("/leads/:id/assignee", ...needs("leads.assign"), ...formPost, assign)
  .post("/leads/:id/handovers", ...needs("leads.assign"), ...formPost, handOver);
