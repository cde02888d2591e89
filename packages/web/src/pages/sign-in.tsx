import { Hono, type Context } from "hono";
import { ApiKeys, can, contractorScope, SignInThrottle } from "@parom/core/access";
import { clientAddress } from "../client-address.js";
import { Csrf } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { formPost, localPath, currentPrincipal } from "../guards.js";
import { isLang } from "../i18n/index.js";
import { Page } from "../layout.js";
import { endSession, rememberLang, startSession } from "../session.js";
import { viewOf } from "../view.js";
import { boardPage } from "./board.js";
import { contractorHomePage } from "./contractor-home.js";

async function signInPage(c: Context<WebEnv>, options: { next: string; error?: string }, status: 200 | 401 | 429 = 200) {
  const v = await viewOf(c);
  const configured = Boolean(c.var.web.cookieSecret);
  const message = !configured ? v.t.signIn.notConfigured : options.error;
  return c.html(
    <Page v={v} title={v.t.signIn.title}>
      <p class="lead">{v.t.app.tagline}</p>
      {message && (
        <p class="problems" role="alert">
          ⚠ {message}
        </p>
      )}
      <form method="post" action="/sign-in" class="card narrow">
        <Csrf v={v} />
        <input type="hidden" name="next" value={options.next} />
        <p>{v.t.signIn.intro}</p>
        <div class="field">
          <label for="api-key">{v.t.signIn.key}</label>
          <input id="api-key" name="key" type="password" autocomplete="current-password" required aria-describedby="api-key-hint" />
          <small id="api-key-hint" class="hint">
            {v.t.signIn.keyHint}
          </small>
        </div>
        <button type="submit" disabled={!configured}>
          {v.t.signIn.submit}
        </button>
      </form>
    </Page>,
    status,
  );
}

/** `/` for everyone, signing in and out, and the language switch. */
export const signInRoutes = new Hono<WebEnv>()
  .get("/", async (c) => {
    const { principal, revoked } = await currentPrincipal(c);
    if (principal) {
      c.set("principal", principal);
      if (contractorScope(principal)) return contractorHomePage(c);
      // The sales department reads no hypotheses: their start is their leads.
      if (!can(principal, "hypotheses.read") && can(principal, "leads.read")) return c.redirect("/leads", 303);
      return boardPage(c);
    }
    if (revoked) await endSession(c);
    const { t } = await viewOf(c);
    const ended = revoked || c.req.query("ended") === "1";
    return signInPage(c, { next: localPath(c.req.query("next"), "next"), error: ended ? t.signIn.ended : undefined });
  })
  .post("/sign-in", ...formPost, async (c) => {
    const body = await c.req.parseBody();
    const key = typeof body.key === "string" ? body.key.trim() : "";
    const next = localPath(typeof body.next === "string" ? body.next : undefined, "next");
    const attempt = { client: clientAddress(c), key };
    const wait = await SignInThrottle.retryAfter(c.var.ctx, attempt);
    if (wait > 0) {
      c.header("retry-after", String(wait));
      const { t } = await viewOf(c);
      return signInPage(c, { next, error: t.signIn.tooMany(Math.ceil(wait / 60)) }, 429);
    }
    const principal = key ? await ApiKeys.authenticate(c.var.ctx, key, c.var.web.ownerApiKey) : null;
    if (!principal) {
      await SignInThrottle.failed(c.var.ctx, attempt);
      return signInPage(c, { next, error: (await viewOf(c)).t.signIn.badKey }, 401);
    }
    await startSession(c, key, principal);
    return c.redirect(next, 303);
  })
  .post("/sign-out", ...formPost, async (c) => {
    await endSession(c);
    return c.redirect("/", 303);
  })
  // A plain link, not a form: the language is a preference, not a change anyone could abuse.
  .get("/lang/:lang", (c) => {
    const lang = c.req.param("lang");
    if (isLang(lang)) rememberLang(c, lang);
    return c.redirect(localPath(c.req.query("back"), "back"), 303);
  });
