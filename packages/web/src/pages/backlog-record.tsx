import type { FC } from "hono/jsx";
import type { IceChange, Idea } from "@parom/core/hypothesis";
import { actorLabel } from "../actor-label.js";
import { Csrf, Problems, TextArea, type FormState } from "../components/form.js";
import type { View } from "../view.js";
import { labelledProblems } from "./backlog-labels.js";

/*
 * What the backlog keeps of decisions about an idea: its re-scores and its drop, and the form that
 * drops it. The idea page and the backlog list show them.
 */

const scores = ["impact", "confidence", "ease"] as const;

/** One re-score in words, only the scores that changed: "Влияние 5 → 8, Уверенность 4 → 6, Ольга, 3 дек. 2026 г., 10:15". */
function changeText(v: View, change: IceChange): string {
  const t = v.t.backlog;
  const moved = scores
    .filter((score) => change.from[score] !== change.to[score])
    .map((score) => t.history.change(t.columns[score], v.fmt.number(change.from[score]), v.fmt.number(change.to[score])));
  return [...moved, actorLabel(v.t, change.by), v.fmt.dateTime(change.at)].join(", ");
}

/** The idea's re-scores, oldest first, each with its note. */
export const IceHistory: FC<{ v: View; history: IceChange[] }> = ({ v, history }) => {
  const t = v.t.backlog.history;
  return (
    <section aria-labelledby="ice-history">
      <h2 id="ice-history">{t.heading}</h2>
      {history.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <ul class="changes">
          {history.map((change) => (
            <li>
              {changeText(v, change)}
              {change.note && (
                <>
                  {": "}
                  <q>{change.note}</q>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

/** The drop as a sentence: when, who and why. */
export const droppedText = (v: View, dropped: NonNullable<Idea["dropped"]>) => v.t.backlog.drop.was(v.fmt.dateTime(dropped.at), actorLabel(v.t, dropped.by), dropped.reason);

/** The form that drops an idea, asking why. */
export const DropForm: FC<{ v: View; id: string; state: FormState }> = ({ v, id, state }) => {
  const t = v.t.backlog.drop;
  return (
    <section aria-labelledby="drop">
      <h2 id="drop">{t.heading}</h2>
      <p class="muted">{t.intro}</p>
      <Problems v={v} state={labelledProblems(state, v.t)} named />
      <form method="post" action={`/backlog/${id}/drop`} class="card">
        <Csrf v={v} />
        <TextArea state={state} name="reason" label={t.reason} required rows={2} />
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
};

/** The dropped ideas under the backlog, newest first, each with its reason, so nothing decided is lost. */
export const DroppedIdeas: FC<{ v: View; ideas: Idea[] }> = ({ v, ideas }) => {
  const t = v.t.backlog;
  return (
    <section aria-labelledby="dropped-ideas">
      <h2 id="dropped-ideas">{t.drop.listHeading}</h2>
      {ideas.length === 0 ? (
        <p class="muted">{t.drop.listEmpty}</p>
      ) : (
        <table aria-label={t.drop.listHeading}>
          <thead>
            <tr>
              <th scope="col">{t.idea}</th>
              <th scope="col">{t.drop.whyColumn}</th>
              <th scope="col">{t.drop.whenColumn}</th>
              <th scope="col">
                <span class="visually-hidden">{t.drop.view}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ideas.map((idea) => (
              <tr id={`dropped-${idea.id}`}>
                <td>{idea.title}</td>
                <td>{idea.dropped?.reason}</td>
                <td>{idea.dropped && t.drop.by(v.fmt.dateTime(idea.dropped.at), actorLabel(v.t, idea.dropped.by))}</td>
                <td>
                  <a href={`/backlog/${idea.id}`}>{t.drop.view}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
