import { Hono, type Context } from "hono";
import { actingKey, can } from "@parom/core/access";
import { CreateIdeaInput, iceScore, Ideas, IdeasQuery, ideaSorts, type Idea, type IdeaSort } from "@parom/core/hypothesis";
import { Csrf, emptyForm, Field, Problems, TextArea, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, formValues, optionalNumber, parseForm } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import type { View } from "../view.js";
import { viewOf } from "../view.js";
import { labelledProblems } from "./backlog-labels.js";
import { DroppedIdeas } from "./backlog-record.js";

/** The link that sorts by `column`: highest first, or the other way when it already sorts by it that way. */
function sortHref(column: IdeaSort, query: IdeasQuery) {
  const order = query.sort === column && query.order === "desc" ? "asc" : "desc";
  return { href: `/backlog?sort=${column}&order=${order}`, descending: order === "desc" };
}

const SortHeader = ({ v, column, query }: { v: View; column: IdeaSort; query: IdeasQuery }) => {
  const label = v.t.backlog.columns[column];
  const { href, descending } = sortHref(column, query);
  const current = query.sort === column;
  return (
    <th scope="col" class="num" aria-sort={current ? (query.order === "desc" ? "descending" : "ascending") : undefined}>
      <a href={href} aria-label={v.t.backlog.sortBy(label, descending)}>
        {label}
        {current ? (query.order === "desc" ? " ↓" : " ↑") : ""}
      </a>
    </th>
  );
};

const IdeaRow = ({ v, idea }: { v: View; idea: Idea }) => (
  <tr id={`idea-${idea.id}`}>
    <td>
      <strong>{idea.title}</strong>
      <br />
      <span class="muted">{idea.statement}</span>
    </td>
    <td>{v.t.words.channel(idea.channel)}</td>
    <td class="num">{v.fmt.number(idea.ice.impact)}</td>
    <td class="num">{v.fmt.number(idea.ice.confidence)}</td>
    <td class="num">{v.fmt.number(idea.ice.ease)}</td>
    <td class="num">
      <strong>{v.fmt.number(iceScore(idea.ice))}</strong>
    </td>
    <td>
      <a href={`/backlog/${idea.id}`}>{v.t.backlog.open}</a>
    </td>
  </tr>
);

/** The add-an-idea form; its fields are named by the paths the schema reports problems at. */
const AddIdeaForm = ({ v, state }: { v: View; state: FormState }) => {
  const t = v.t.backlog;
  return (
    <section aria-labelledby="add-idea">
      <h2 id="add-idea">{t.add}</h2>
      <Problems v={v} state={labelledProblems(state, v.t)} named />
      <form method="post" action="/backlog" class="card">
        <Csrf v={v} />
        <Field state={state} name="title" label={t.ideaTitle} required />
        <TextArea state={state} name="statement" label={t.statement} hint={t.statementHint} required rows={2} />
        <Field state={state} name="channel" label={t.channel} required placeholder="Ozon" />
        <div class="row">
          {(["impact", "confidence", "ease"] as const).map((score) => (
            <Field state={state} name={`ice.${score}`} label={t.columns[score]} type="number" min="1" hint={t.iceHint} required />
          ))}
        </div>
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
};

/**
 * The backlog: ideas with their ICE scores, sortable by each column (`?sort=&order=`). A sort link
 * edited by hand into something unknown shows the default order rather than an error page.
 */
async function backlogPage(c: Context<WebEnv>, state: FormState = emptyForm, status: 200 | 400 | 409 = 200) {
  const v = await viewOf(c);
  const t = v.t.backlog;
  // Sorting applies to both lists; the page always shows the open ideas first and the dropped ones below.
  const parsed = IdeasQuery.safeParse({ sort: c.req.query("sort"), order: c.req.query("order") });
  const query = parsed.success ? parsed.data : IdeasQuery.parse({});
  const [ideas, dropped] = await Promise.all([Ideas.list(c.var.ctx, query), Ideas.list(c.var.ctx, { ...query, status: "dropped" })]);
  const notice = c.req.query("notice") === "added" ? t.notice.added : undefined;
  return c.html(
    <Page v={v} title={t.title} notice={notice}>
      <p class="muted">{t.intro}</p>
      {ideas.length === 0 ? (
        <p class="muted">{t.empty}</p>
      ) : (
        <table aria-label={t.title}>
          <thead>
            <tr>
              <th scope="col">{t.idea}</th>
              <th scope="col">{t.channel}</th>
              {ideaSorts
                .filter((column) => column !== "score")
                .map((column) => (
                  <SortHeader v={v} column={column} query={query} />
                ))}
              <SortHeader v={v} column="score" query={query} />
              <th scope="col">
                <span class="visually-hidden">{t.open}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ideas.map((idea) => (
              <IdeaRow v={v} idea={idea} />
            ))}
          </tbody>
        </table>
      )}
      {v.principal && can(v.principal, "hypotheses.write") && <AddIdeaForm v={v} state={state} />}
      <DroppedIdeas v={v} ideas={dropped} />
    </Page>,
    status,
  );
}

/** The ICE scores of a form as numbers where they are numbers (the schema names what is not). */
export const iceOf = (f: Record<string, string>, prefix = "") => ({
  impact: optionalNumber(f[`${prefix}impact`]),
  confidence: optionalNumber(f[`${prefix}confidence`]),
  ease: optionalNumber(f[`${prefix}ease`]),
});

/** The backlog list and its add form: those who read hypotheses see it, those who write them add ideas. */
export const backlogRoutes = new Hono<WebEnv>()
  .get("/backlog", ...needs("hypotheses.read"), (c) => backlogPage(c))
  .post("/backlog", ...needs("hypotheses.write"), ...formPost, async (c) => {
    const f = await formValues(c);
    const input = () => parseForm(CreateIdeaInput, { title: f.title ?? "", statement: f.statement ?? "", channel: f.channel ?? "", ice: iceOf(f, "ice.") });
    const result = await attempt(() => Ideas.create(c.var.ctx, input(), actingKey(c.var.principal)));
    if (!result.ok) return backlogPage(c, { values: f, problem: result.problem }, formStatus(result.kind) as 400 | 409);
    return c.redirect(`/backlog?notice=added#idea-${result.value.id}`, 303);
  });
