import type { FC } from "hono/jsx";
import { ApiKeys, can, OWNER_KEY_ID } from "@parom/core/access";
import type { Handover } from "@parom/core/lead";
import { People, type Person } from "@parom/core/people";
import type { Ctx } from "@parom/core";
import { Csrf, emptyForm, Field, Problems, Select, type FormState } from "../components/form.js";
import type { View } from "../view.js";

/** What the lead page shows of who handles the lead: its person, its hand-overs, and names for the keys that acted on it. */
export type LeadAssignment = { assigneeId: string | null; people: Person[]; handovers: Handover[]; keyNames: Map<string, string> };

/**
 * The people (one query: the assignee's and hand-overs' names, the forms' choices) and, only when a
 * stored key acted on the lead, the keys' names (one more query); the hand-overs come with the lead's partition.
 */
export async function loadLeadAssignment(ctx: Ctx, lead: { assigneeId: string | null }, handovers: Handover[], actors: string[]): Promise<LeadAssignment> {
  const keyActed = actors.some((actor) => actor.startsWith("key:") && actor !== `key:${OWNER_KEY_ID}`);
  const [people, keys] = await Promise.all([People.list(ctx), keyActed ? ApiKeys.list(ctx) : []]);
  const keyNames = new Map(keys.filter((key) => key.name).map((key) => [key.id, key.name!]));
  // The lead's person now, as core decides it (a passed hand-over reads as returned before the sweep).
  return { assigneeId: lead.assigneeId, people, handovers, keyNames };
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
  const t = v.t.team.lead;
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
          <Problems v={v} state={forms.assign ?? emptyForm} labels={{ assigneeId: t.assignee }} />
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
          <Problems v={v} state={forms.handover ?? emptyForm} labels={{ to: t.to, until: t.untilLabel, reason: t.reason }} />
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
