import type { Principal } from "@parom/core/access";
import type { Ctx } from "@parom/core";
import type { Mailer } from "@parom/core/report";
import type { Lang } from "./i18n/index.js";

/** What the web needs beyond the domain context: how to recognise the owner and sign cookies. */
export type WebOptions = {
  ownerApiKey?: string;
  /** Signs the session and CSRF cookies; without it nobody can sign in to the web pages. */
  cookieSecret?: string;
  /** Delivers reports sent from the page, as the API's POST /api/reports/run does (default: the outbox). */
  mailer?: Mailer;
};

/**
 * Hono's typing for the pages. `principal` is set by the `signedIn` guard (guards.ts) and
 * only then; `csrfNonce` by `csrfToken` once a page with a form is rendered.
 */
export type WebEnv = {
  Variables: {
    ctx: Ctx;
    principal: Principal;
    web: WebOptions;
    lang: Lang;
    csrfNonce: string;
  };
};
