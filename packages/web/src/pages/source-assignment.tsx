import { Hono, type Context } from "hono";
import type { FC } from "hono/jsx";
import { AssignmentRuleInput, AssignmentRules, assignmentModes, type AssignmentRule } from "@parom/core/lead";
import { People, type Person } from "@parom/core/people";
import { Csrf, emptyForm, Problems, Select, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { viewOf, type View } from "../view.js";

/** The assignment rule of one source with its form: who gets its new leads (assignment.manage). */
export const AssignmentRuleForm: FC<{ v: View; sourceId: string; rule: AssignmentRule; people: Person[]; state?: FormState }> = ({ v, sourceId, rule, people, state = emptyForm }) => {
  const t = v.t.team.rule;
  const managers = people.filter((p) => p.role === "manager");
  const nameOf = (id: string) => managers.find((p) => p.id === id)?.name ?? id;
  const current = rule.mode === "none" ? t.modes.none : `${t.modes[rule.mode]}: ${rule.personIds.map(nameOf).join(", ")}`;
  return (
    <details id={`assignment-${sourceId}`} open={state !== emptyForm}>
      <summary>
        {t.title}. {t.current(current)}
      </summary>
      <Problems v={v} state={state} labels={{ mode: t.mode, personId: t.person, personIds: t.person }} />
      <form method="post" action={`/sources/${sourceId}/assignment`}>
        <Csrf v={v} />
        <Select state={state} name="mode" label={t.mode} value={rule.mode} options={assignmentModes.map((mode) => ({ value: mode, label: t.modes[mode] }))} />
        <Select state={state} name="personId" label={t.person} value={rule.mode === "fixed" ? rule.personIds[0] : ""} options={managers.map((p) => ({ value: p.id, label: p.name }))} />
        <fieldset>
          <legend>{t.people}</legend>
          {managers.map((p) => (
            <label>
              <input type="checkbox" name="personIds" value={p.id} checked={rule.mode === "round_robin" && rule.personIds.includes(p.id)} /> {p.name}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t.submit}</button>
      </form>
    </details>
  );
};

/** The posted form as PUT /api/sources/{id}/assignment takes it: only the fields of the chosen mode. */
function ruleFields(body: Record<string, string | File | (string | File)[]>) {
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const mode = text(body.mode);
  if (mode === "fixed") return { mode, personId: text(body.personId) };
  if (mode === "round_robin") return { mode, personIds: [body.personIds ?? []].flat().map(text).filter(Boolean) };
  return { mode };
}

async function setRule(c: Context<WebEnv>) {
  const id = c.req.param("id")!;
  const body = await c.req.parseBody({ all: true });
  const result = await attempt(() => AssignmentRules.set(c.var.ctx, id, parseForm(AssignmentRuleInput, ruleFields(body))));
  if (result.ok) return c.redirect(`/sources#assignment-${id}`, 303);
  // A refused rule comes back on a page of its own, with the problem beside the form.
  const v = await viewOf(c);
  const [rule, people] = await Promise.all([AssignmentRules.get(c.var.ctx, id), People.list(c.var.ctx)]);
  const values = Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return c.html(
    <Page v={v} title={v.t.team.rule.title}>
      <AssignmentRuleForm v={v} sourceId={id} rule={rule} people={people} state={{ values, problem: result.problem }} />
    </Page>,
    formStatus(result.kind, "not_found") as 400 | 404,
  );
}

/** Each source's rule and the people to name, for the sources page of someone who may set rules. */
export async function loadRules(ctx: WebEnv["Variables"]["ctx"], sourceIds: string[]): Promise<{ rules: Map<string, AssignmentRule>; people: Person[] }> {
  const [rules, people] = await Promise.all([Promise.all(sourceIds.map((id) => AssignmentRules.get(ctx, id))), People.list(ctx)]);
  return { rules: new Map(rules.map((rule) => [rule.sourceId, rule])), people };
}

export const sourceAssignmentRoutes = new Hono<WebEnv>().post("/sources/:id/assignment", ...needs("assignment.manage"), ...formPost, setRule);
