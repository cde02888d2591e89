import type { FC } from "hono/jsx";
import { ApiKeys, can } from "@parom/core/access";
import { Handovers, type Handover } from "@parom/core/lead";
import { People, type Person } from "@parom/core/people";
import type { Ctx } from "@parom/core";
import { Csrf, emptyForm, Field, Problems, Select, type FormState } from "../components/form.js";
import type { View } from "../view.js";

/** What the lead page shows of who handles the lead: its person, its hand-overs, and names for the keys that acted on it. */
export type LeadAssignment = { assigneeId: string | null; people: Person[]; handovers: Handover[]; keyNames: Map<string, string> };

export async function loadLeadAssignment(ctx: Ctx, leadId: string, assigneeId: string | null): Promise<LeadAssignment> {
  // Keys and people are a department's worth: one query each names everyone the page mentions.
  const [people, handovers, keys] = await Promise.all([People.list(ctx), Handovers.list(ctx, leadId), ApiKeys.list(ctx)]);
  const keyNames = new Map(keys.filter((key) => key.name).map((key) => [key.id, key.name!]));
  // A hand-over whose `until` has passed reads as returned before the sweep moves the lead back.
  const last = handovers.at(-1);
  const returned = last && last.returnedAt !== null && last.to === assigneeId ? last.from : assigneeId;
  return { assigneeId: returned, people, handovers, keyNames };
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
