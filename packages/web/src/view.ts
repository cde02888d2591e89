import type { Context } from "hono";
import type { Principal } from "@parom/core/access";
import type { WebEnv } from "./env.js";
import { formatterFor, type Format } from "./i18n/format.js";
import { dictionaries, type Lang, type Messages } from "./i18n/index.js";
import { csrfToken } from "./session.js";

/** Everything a page component needs from the request, gathered once per render. */
export type View = {
  lang: Lang;
  t: Messages;
  fmt: Format;
  /** Absent on the signed-out pages. */
  principal?: Principal;
  /** The `_csrf` value every form of the page carries. */
  csrf: string;
  /** The path and query of this page, where the language switch returns to. */
  here: string;
  origin: string;
};

export async function viewOf(c: Context<WebEnv>): Promise<View> {
  const t = dictionaries[c.var.lang];
  const url = new URL(c.req.url);
  return {
    lang: c.var.lang,
    t,
    fmt: formatterFor(t.locale, c.var.ctx.timeZone),
    principal: c.get("principal"),
    csrf: await csrfToken(c),
    here: url.pathname + url.search,
    origin: url.origin,
  };
}
