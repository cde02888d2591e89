import { Hono, type Context } from "hono";
import { can } from "@parom/core/access";
import type { FC } from "hono/jsx";
import { CreateSourceInput, type Source, type SourceFormat, sourceFormats, Sources } from "@parom/core/source";
import { Csrf, emptyForm, Field, Problems, Select, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { noticeOf } from "../notice.js";
import { viewOf, type View } from "../view.js";
import { loadRules, ruleInWords } from "./source-assignment.js";

/** A test call in the sender's own shape, so pasting it shows a lead arrive (or land in quarantine). */
function curlExample(format: SourceFormat, url: string): string {
  const target = `curl -X POST '${url}'`;
  if (format === "json") {
    const body = { externalId: "test-1", name: "Ivan Petrov", phone: "+79991234567", utm_source: "vk", utm_campaign: "spring" };
    return `${target} \\\n  -H 'Content-Type: application/json' \\\n  -d '${JSON.stringify(body)}'`;
  }
  if (format === "tilda") return `${target} \\\n  -d 'tranid=test-1' -d 'Name=Ivan Petrov' -d 'Phone=+79991234567' \\\n  -d 'utm_source=vk' -d 'utm_campaign=spring'`;
  return `${target} \\\n  --data-urlencode 'leads[add][0][id]=1001' --data-urlencode 'leads[add][0][name]=Test deal'`;
}

/** Text to copy, with a copy button that the script in /assets/copy.js reveals (without scripts, select and copy by hand). */
const Copyable: FC<{ v: View; id: string; text: string; block?: boolean }> = ({ v, id, text, block }) => (
  <div class="copyable">
    {block ? <pre id={id} translate="no">{text}</pre> : <code id={id} translate="no">{text}</code>}
    <button type="button" class="secondary" data-copy={id} data-copied={v.t.sources.copied} hidden>
      {v.t.sources.copy}
    </button>
  </div>
);

const SourceCard: FC<{ v: View; source: Source; children?: unknown }> = ({ v, source, children }) => {
  const url = `${v.origin}/hooks/${source.key}`;
  return (
    <article class="card" id={`source-${source.id}`} aria-labelledby={`source-title-${source.id}`}>
      <h2 id={`source-title-${source.id}`} class="small">
        {source.name} <span class="badge neutral">{v.t.words.format(source.format)}</span>
      </h2>
      <p>{v.t.sources.webhookUrl}</p>
      <Copyable v={v} id={`url-${source.id}`} text={url} />
      <details>
        <summary>{v.t.sources.curl}</summary>
        <Copyable v={v} id={`curl-${source.id}`} text={curlExample(source.format, url)} block />
      </details>
      <p>
        <a href={`/sources/${source.id}`}>{v.t.sourceMaps.link} →</a>
      </p>
      {children}
    </article>
  );
};

async function sourcesPage(c: Context<WebEnv>, state: FormState = emptyForm, status: 200 | 400 | 409 | 422 = 200) {
  const v = await viewOf(c);
  const sources = await Sources.list(c.var.ctx);
  const assignment = v.principal && can(v.principal, "assignment.manage") ? await loadRules(c.var.ctx, sources.map((s) => s.id)) : null;
  const t = v.t.sources;
  return c.html(
    <Page v={v} title={t.title} notice={noticeOf(c, v.t)}>
      <p>{t.intro}</p>
      <Problems v={v} state={state} />
      <form method="post" action="/sources" class="card row">
        <Csrf v={v} />
        <Field state={state} name="name" label={t.name} required />
        <Select state={state} name="format" label={t.format} options={sourceFormats.map((format) => ({ value: format, label: v.t.words.format(format) }))} />
        <button type="submit">{t.create}</button>
      </form>
      {sources.length === 0 && <p class="muted">{t.empty}</p>}
      {[...sources].reverse().map((source) => (
        <SourceCard v={v} source={source}>
          {assignment && (
            <p id={`assignment-${source.id}`}>
              {ruleInWords(v, assignment.rules.get(source.id)!, assignment.people)} <a href={`/assignment#assignment-${source.id}`}>{v.t.team.rule.change} →</a>
            </p>
          )}
        </SourceCard>
      ))}
    </Page>,
    status,
  );
}

/** Lead sources and their webhook URLs: owners and marketers, as /api/sources. */
export const sourceRoutes = new Hono<WebEnv>()
  .get("/sources", ...needs("sources.manage"), (c) => sourcesPage(c))
  .post("/sources", ...needs("sources.manage"), ...formPost, async (c) => {
    const values = await formValues(c);
    const result = await attempt(async () => Sources.create(c.var.ctx, parseForm(CreateSourceInput, { name: values.name ?? "", format: values.format ?? "" })));
    if (!result.ok) return sourcesPage(c, { values, problem: result.problem }, formStatus(result.kind));
    return c.redirect(`/sources?notice=created#source-${result.value.id}`, 303);
  });
