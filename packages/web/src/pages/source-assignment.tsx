import { Hono, type Context } from "hono";
import type { FC } from "hono/jsx";
import { AssignmentRuleInput, AssignmentRules, type AssignmentRule } from "@parom/core/lead";
import { People, type Person } from "@parom/core/people";
import { Sources } from "@parom/core/source";
import { Csrf, emptyForm, Problems, Select, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { noticeOf } from "../notice.js";
import { viewOf, type View } from "../view.js";

/** The modes in the order the form offers them: the safe "nobody" first. */
const modes = ["none", "round_robin", "fixed"] as const;

/** A rule said in a sentence, with people by name (a person no longer listed keeps a neutral word, never an id). */
export function ruleInWords(v: View, rule: AssignmentRule, people: Person[]): string {
  const t = v.t.team.rule.said;
  const names = rule.personIds.map((id) => people.find((p) => p.id === id)?.name ?? "?");
  if (rule.mode === "fixed") return t.fixed(names[0] ?? "?");
  if (rule.mode === "round_robin") return t.round_robin(names.join(", "));
  return t.none;
}

/** The assignment rule of one source with its form: who gets its new leads (assignment.manage). */
export const AssignmentRuleForm: FC<{ v: View; sourceId: string; rule: AssignmentRule; people: Person[]; state?: FormState }> = ({ v, sourceId, rule, people, state = emptyForm }) => {
  const t = v.t.team.rule;
  // Only lead managers reach new leads; the rule refuses anyone else.
  const managers = people.filter((p) => p.role === "manager" && p.duty !== "accounts");
  // A refused form keeps what was ticked (setRule carries the ticked ids joined by commas).
  const ticked = state === emptyForm ? (rule.mode === "round_robin" ? rule.personIds : []) : (state.values.personIds ?? "").split(",");
  return (
    <section id={`assignment-${sourceId}`} aria-label={t.title}>
      <p class="rule-now">{ruleInWords(v, rule, people)}</p>
      <Problems v={v} state={state} labels={{ mode: t.mode, personId: t.person, personIds: t.people }} />
      <form method="post" action={`/sources/${sourceId}/assignment`}>
        <Csrf v={v} />
        <Select state={state} name="mode" label={t.mode} value={rule.mode} options={modes.map((mode) => ({ value: mode, label: t.modes[mode] }))} />
        <Select
          state={state}
          name="personId"
          label={t.person}
          value={rule.mode === "fixed" ? rule.personIds[0] : ""}
          options={[{ value: "", label: t.choose }, ...managers.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <fieldset>
          <legend>{t.people}</legend>
          {managers.map((p) => (
            <label>
              <input type="checkbox" name="personIds" value={p.id} checked={ticked.includes(p.id)} /> {p.name}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
};

/** The posted form as PUT /api/sources/{id}/assignment takes it: only the fields of the chosen mode. */
function ruleFields(body: Record<string, string | File | (string | File)[]>) {
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  const mode = text(body.mode);
  if (mode === "fixed") return { mode, personId: text(body.personId) };
  if (mode === "round_robin") return { mode, personIds: [body.personIds ?? []].flat().map(text).filter(Boolean) };
  return { mode };
}

/** Each source's rule and the people to name, for a page of someone who may set rules. */
export async function loadRules(ctx: WebEnv["Variables"]["ctx"], sourceIds: string[]): Promise<{ rules: Map<string, AssignmentRule>; people: Person[] }> {
  const [rules, people] = await Promise.all([Promise.all(sourceIds.map((id) => AssignmentRules.get(ctx, id))), People.list(ctx)]);
  return { rules: new Map(rules.map((rule) => [rule.sourceId, rule])), people };
}

/** Every source with its rule and form; a refused form comes back in place with its values and problem. */
async function assignmentPage(c: Context<WebEnv>, refused?: { sourceId: string; state: FormState }, status: 200 | 400 | 404 | 409 = 200) {
  const v = await viewOf(c);
  const t = v.t.team.rule;
  const sources = await Sources.list(c.var.ctx);
  const { rules, people } = await loadRules(c.var.ctx, sources.map((s) => s.id));
  const hasManagers = people.some((p) => p.role === "manager" && p.duty !== "accounts");
  return c.html(
    <Page v={v} title={t.page} notice={noticeOf(c, v.t)}>
      <p>{t.intro}</p>
      {!hasManagers && <p class="muted">{t.noManagers}</p>}
      {sources.length === 0 && <p class="muted">{t.empty}</p>}
      {[...sources].reverse().map((source) => (
        <article class="card" aria-labelledby={`rule-title-${source.id}`}>
          <h2 id={`rule-title-${source.id}`} class="small">
            {source.name}
          </h2>
          <AssignmentRuleForm v={v} sourceId={source.id} rule={rules.get(source.id)!} people={people} state={refused?.sourceId === source.id ? refused.state : emptyForm} />
        </article>
      ))}
    </Page>,
    status,
  );
}

async function setRule(c: Context<WebEnv>) {
  const id = c.req.param("id")!;
  const body = await c.req.parseBody({ all: true });
  const result = await attempt(() => AssignmentRules.set(c.var.ctx, id, parseForm(AssignmentRuleInput, ruleFields(body))));
  if (result.ok) return c.redirect(`/assignment?notice=ruleSaved#assignment-${id}`, 303);
  await Sources.get(c.var.ctx, id); // an unknown source is the not-found page, not a refused form
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const values = { mode: text(body.mode), personId: text(body.personId), personIds: [body.personIds ?? []].flat().map(text).join(",") };
  return assignmentPage(c, { sourceId: id, state: { values, problem: result.problem } }, formStatus(result.kind, "not_found") as 400 | 404);
}

/**
 * Who gets each source's new leads, for the head of sales and the owner (assignment.manage, as
 * /api/sources/{id}/assignment): the one page where the rules are read and set.
 */
export const sourceAssignmentRoutes = new Hono<WebEnv>()
  .get("/assignment", ...needs("assignment.manage"), (c) => assignmentPage(c))
  .post("/sources/:id/assignment", ...needs("assignment.manage"), ...formPost, setRule);
