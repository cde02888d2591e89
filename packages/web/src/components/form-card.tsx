import type { Child, FC } from "hono/jsx";
import type { View } from "../view.js";
import { Csrf } from "./form.js";

/** A form of its own on a page: a card titled by `title` (its accessible name), a line saying what it does, then its fields. */
export const FormCard: FC<{ v: View; action: string; id: string; title: string; intro: string; children?: Child }> = ({ v, action, id, title, intro, children }) => (
  <form method="post" action={action} class="card" aria-labelledby={id}>
    <Csrf v={v} />
    <h2 id={id} class="small">
      {title}
    </h2>
    <p class="muted">{intro}</p>
    {children}
  </form>
);
