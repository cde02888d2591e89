import type { Child, FC, PropsWithChildren } from "hono/jsx";
import { raw } from "hono/html";
import { actorLabel } from "./actor-label.js";
import { langs } from "./i18n/index.js";
import { isCurrent, navItems, shows } from "./nav.js";
import type { View } from "./view.js";

type PageProps = PropsWithChildren<{
  v: View;
  title: string;
  /** A confirmation shown above the content (after a redirect from a form). */
  notice?: string;
  /** Links or buttons beside the heading. */
  actions?: Child;
}>;

/** The frame of every page: header with the menu for the signed-in role, language switch, sign-out. */
export const Page: FC<PageProps> = ({ v, title, notice, actions, children }) => (
  <>
    {raw("<!DOCTYPE html>")}
    <html lang={v.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${v.t.app.name}`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/style.css" />
        <script src="/assets/copy.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#content">
          {v.t.nav.skip}
        </a>
        <header class="top">
          <a class="brand" href="/">
            {v.t.app.name}
          </a>
          {v.principal && (
            <nav aria-label={v.t.nav.label}>
              <ul>
                {navItems
                  .filter((item) => shows(item, v.principal!))
                  .map((item) => (
                    <li>
                      <a href={item.href} aria-current={isCurrent(item, v.here.split("?")[0]!) ? "page" : undefined}>
                        {item.label(v.t)}
                      </a>
                    </li>
                  ))}
              </ul>
            </nav>
          )}
          <div class="account">
            <span class="langs" aria-label={v.t.nav.language}>
              {langs.map((lang) =>
                lang === v.lang ? (
                  <strong lang={lang}>{lang.toUpperCase()}</strong>
                ) : (
                  <a lang={lang} href={`/lang/${lang}?back=${encodeURIComponent(v.here)}`}>
                    {lang.toUpperCase()}
                  </a>
                ),
              )}
            </span>
            {v.principal && (
              <form method="post" action="/sign-out" class="inline">
                <span class="muted">{v.t.nav.signedInAs(signedInAs(v))}</span>{" "}
                <input type="hidden" name="_csrf" value={v.csrf} />
                <button type="submit" class="link">
                  {v.t.nav.signOut}
                </button>
              </form>
            )}
          </div>
        </header>
        <main id="content">
          <div class="heading">
            <h1>{title}</h1>
            {actions}
          </div>
          {notice && (
            <p class="notice" role="status">
              ✓ {notice}
            </p>
          )}
          {children}
        </main>
      </body>
    </html>
  </>
);

/** Who is signed in: a named key by its name and role ("Дарья Лидова (менеджер)"), the owner's and an unnamed key by the role. */
function signedInAs(v: View): string {
  const role = v.t.role[v.principal!.role];
  const who = actorLabel(v.t, v.principal!);
  return who === role ? role : `${who} (${role})`;
}
