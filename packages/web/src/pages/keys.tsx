import { Hono, type Context } from "hono";
import type { FC } from "hono/jsx";
import { newId, NotFoundError } from "@parom/core";
import { ApiKeys, roles } from "@parom/core/access";
import { Contractors } from "@parom/core/contractor";
import { People } from "@parom/core/people";
import { Csrf, emptyForm, Field, Problems, Select, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { viewOf, type View } from "../view.js";
import { formIdOf, readKeyForm } from "./keys-input.js";

type Made = { id: string; key: string; name?: string };
type ApiKeyInfo = Awaited<ReturnType<typeof ApiKeys.list>>[number];

/** The new key's secret, this once; the copy button is revealed by /assets/copy.js (without scripts, select and copy). */
const MadeKey: FC<{ v: View; made: Made }> = ({ v, made }) => {
  const t = v.t.daily.keys;
  return (
    <section class="card" aria-labelledby="made-title" role="status">
      <h2 id="made-title" class="small">
        {t.madeTitle}: {made.name ?? t.unnamed}
      </h2>
      <div class="copyable">
        <code id="new-key">{made.key}</code>
        <button type="button" class="secondary" data-copy="new-key" data-copied={t.copied} hidden>
          {t.copy}
        </button>
      </div>
      <p class="caution">{t.madeOnce}</p>
    </section>
  );
};

async function keysPage(c: Context<WebEnv>, options: { state?: FormState; made?: Made; status?: 200 | 201 | 400 | 409 | 422 } = {}) {
  const { state = emptyForm, made, status = 200 } = options;
  const v = await viewOf(c);
  const { ctx } = c.var;
  const [keys, contractors, people] = await Promise.all([ApiKeys.list(ctx), Contractors.list(ctx), People.list(ctx)]);
  const t = v.t.daily.keys;
  const contractorName = new Map(contractors.map((x) => [x.id, x.name]));
  const personName = new Map(people.map((x) => [x.id, x.name]));
  const boundTo = (key: ApiKeyInfo) => (key.contractorId ? contractorName.get(key.contractorId) : key.personId ? personName.get(key.personId) : undefined) ?? "—";
  const newestFirst = [...keys].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const notice = c.req.query("revoked") === "1" ? t.revoked : undefined;
  return c.html(
    <Page v={v} title={t.title} notice={notice}>
      <p>{t.intro}</p>
      {made && <MadeKey v={v} made={made} />}
      <Problems v={v} state={state} named />
      <form method="post" action="/keys" class="card">
        <Csrf v={v} />
        <input type="hidden" name="formId" value={newId()} />
        <h2 class="small">{t.create}</h2>
        <div class="row">
          <Field state={state} name="name" label={t.name} hint={t.nameHint} />
          <Select state={state} name="role" label={t.role} options={[{ value: "", label: t.choose }, ...roles.map((role) => ({ value: role, label: v.t.role[role] }))]} />
        </div>
        <div class="row">
          <Select
            state={state}
            name="contractorId"
            label={t.contractorFor}
            options={[{ value: "", label: contractors.length ? t.choose : t.noContractors }, ...contractors.map((x) => ({ value: x.id, label: x.name }))]}
          />
          <Select
            state={state}
            name="personId"
            label={t.personFor}
            options={[{ value: "", label: people.length ? t.choose : t.noPeople }, ...people.map((x) => ({ value: x.id, label: `${x.name} — ${v.t.role[x.role]}` }))]}
          />
        </div>
        <button type="submit">{t.create}</button>
      </form>
      <h2>{t.list}</h2>
      {newestFirst.length === 0 ? (
        <p class="muted">{t.empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{`${t.contractor} / ${t.person}`}</th>
              <th scope="col">{t.created}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">
                <span class="visually-hidden">{t.revoke}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((key) => (
              <tr id={`key-${key.id}`}>
                <td>{key.name ?? t.unnamed}</td>
                <td>{v.t.role[key.role]}</td>
                <td>{boundTo(key)}</td>
                <td>{v.fmt.dateTime(key.createdAt)}</td>
                <td>{key.revokedAt ? t.revokedAt(v.fmt.dateTime(key.revokedAt)) : t.active}</td>
                <td>{!key.revokedAt && <a href={`/keys/${key.id}/revoke`}>{t.revoke}</a>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>,
    status,
  );
}

/** The confirmation before a revocation: a page of its own, so it works without scripts. */
async function confirmPage(c: Context<WebEnv>, key: ApiKeyInfo) {
  const v = await viewOf(c);
  const t = v.t.daily.keys;
  return c.html(
    <Page v={v} title={t.confirmRevoke}>
      <form method="post" action={`/keys/${key.id}/revoke`} class="card narrow">
        <Csrf v={v} />
        <p>{t.confirmRevokeText(key.name ?? t.unnamed)}</p>
        <p class="muted">
          {v.t.role[key.role]} · {t.created} {v.fmt.dateTime(key.createdAt)}
        </p>
        <div class="row">
          <button type="submit" class="danger">
            {t.revoke}
          </button>
          <a class="button secondary" href="/keys">
            {t.cancel}
          </a>
        </div>
      </form>
    </Page>,
  );
}

/** A listed key; an unknown id is the not-found page (the web's error handler says it in the reader's words). */
async function listedKey(c: Context<WebEnv>, id: string): Promise<ApiKeyInfo> {
  const key = (await ApiKeys.list(c.var.ctx)).find((listed) => listed.id === id);
  if (!key) throw new NotFoundError("API key", id);
  return key;
}

/**
 * API keys for the owner, as /api/keys: make one (its secret shown in the answer to the form only,
 * never in a URL or again), list them, revoke one after a confirmation.
 */
export const keyRoutes = new Hono<WebEnv>()
  .get("/keys", ...needs("keys.manage"), (c) => keysPage(c))
  .post("/keys", ...needs("keys.manage"), ...formPost, async (c) => {
    const values = await formValues(c);
    const t = (await viewOf(c)).t.daily.keys;
    const read = readKeyForm(values, await People.list(c.var.ctx), t);
    if ("issues" in read) return keysPage(c, { state: { values, problem: { issues: read.issues } }, status: 400 });
    if (read.input.contractorId) await Contractors.get(c.var.ctx, read.input.contractorId);
    const made = await attempt(() => ApiKeys.create(c.var.ctx, read.input, { formId: formIdOf(values) }));
    if (!made.ok) return keysPage(c, { state: { values: {}, problem: made.problem }, status: formStatus(made.kind) });
    return keysPage(c, { made: made.value, status: 201 });
  })
  .get("/keys/:id/revoke", ...needs("keys.manage"), async (c) => {
    return confirmPage(c, await listedKey(c, c.req.param("id")));
  })
  .post("/keys/:id/revoke", ...needs("keys.manage"), ...formPost, async (c) => {
    await ApiKeys.revoke(c.var.ctx, c.req.param("id"));
    return c.redirect("/keys?revoked=1", 303);
  });
