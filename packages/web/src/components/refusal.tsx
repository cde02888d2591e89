import type { FC } from "hono/jsx";
import type { FormState } from "./form.js";
import type { View } from "../view.js";

/**
 * The summary above a refused form whose problems already name their field in the reader's words
 * (unlike `Problems`, which prefixes each with the field's path as the API names it).
 */
export const Refusal: FC<{ v: View; state: FormState }> = ({ v, state }) =>
  state.problem ? (
    <div class="problems" role="alert">
      <p>
        <strong>⚠ {v.t.form.problems}</strong> {state.problem.message}
      </p>
      {state.problem.issues.length > 0 && (
        <ul>
          {state.problem.issues.map((issue) => (
            <li>{issue.message}</li>
          ))}
        </ul>
      )}
    </div>
  ) : null;
