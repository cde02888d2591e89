import { Hono, type Context } from "hono";
import { can } from "@parom/core/access";
import { CreatePersonInput, managerDuties, People, personRoles } from "@parom/core/people";
import { Csrf, emptyForm, Field, Problems, Select, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues, optionalText, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { viewOf } from "../view.js";

/** The sales department: the owner, marketers and the head of sales see it (people.read); the owner adds people (people.manage). */
async function peoplePage(c: Context<WebEnv>, state: FormState = emptyForm, status: 200 | 400 | 404 | 409 = 200) {
  const v = await viewOf(c);
  const people = await People.list(c.var.ctx);
  const t = v.t.team.people;
  return c.html(
    <Page v={v} title={t.title}>
      <p class="muted">{t.intro}</p>
      {people.length === 0 ? (
        <p class="muted">{t.empty}</p>
      ) : (
        <table aria-label={t.title}>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.email}</th>
              <th scope="col">{t.crmUserIds}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr id={`person-${person.id}`}>
                <td>{person.name}</td>
                <td>{person.duty ? t.duties[person.duty] : t.roles[person.role]}</td>
                <td>{person.email ?? "—"}</td>
                <td>{person.crmUserIds.join(", ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {v.principal && can(v.principal, "people.manage") && (
        <section aria-labelledby="add-person">
          <h2 id="add-person">{t.add}</h2>
          <Problems v={v} state={state} labels={{ name: t.name, role: t.role, duty: t.duty, email: t.email, crmUserIds: t.crmUserIds }} />
          <form method="post" action="/people" class="card">
            <Csrf v={v} />
            <Field state={state} name="name" label={t.name} required />
            <Select state={state} name="role" label={t.role} options={personRoles.map((role) => ({ value: role, label: t.roles[role] }))} />
            <Select state={state} name="duty" label={t.duty} options={managerDuties.map((duty) => ({ value: duty, label: t.duties[duty] }))} />
            <Field state={state} name="email" label={t.email} type="email" />
            <Field state={state} name="crmUserIds" label={t.crmUserIds} hint={t.crmUserIdsHint} />
            <button type="submit">{t.submit}</button>
          </form>
        </section>
      )}
    </Page>,
    status,
  );
}

/** The form as POST /api/people takes it: a head of sales has no duty; CRM user ids are split on commas and spaces. */
function personFields(values: Record<string, string>) {
  const crmUserIds = (values.crmUserIds ?? "").split(/[\s,]+/).filter(Boolean);
  return {
    name: values.name,
    role: values.role,
    ...(values.role === "manager" ? { duty: values.duty } : {}),
    ...(optionalText(values.email) ? { email: optionalText(values.email) } : {}),
    ...(crmUserIds.length ? { crmUserIds } : {}),
  };
}

async function addPerson(c: Context<WebEnv>) {
  const values = await formValues(c);
  const result = await attempt(() => People.create(c.var.ctx, parseForm(CreatePersonInput, personFields(values))));
  if (!result.ok) return peoplePage(c, { values, problem: result.problem }, formStatus(result.kind) as 400 | 409);
  return c.redirect(`/people#person-${result.value.id}`, 303);
}

export const peopleRoutes = new Hono<WebEnv>().get("/people", ...needs("people.read"), (c) => peoplePage(c)).post("/people", ...needs("people.manage"), ...formPost, addPerson);
