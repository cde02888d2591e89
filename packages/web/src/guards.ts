import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { can, markGuard, type Permission } from "@parom/core/access";
import { ForbiddenError } from "@parom/core";
import type { WebEnv, WebOptions } from "./env.js";
import { pickLang } from "./i18n/index.js";
import { csrfTokenValid, endSession, langCookieName, sessionPrincipal } from "./session.js";

/**
 * Mounted for every path: the web's options and the reader's language (the security headers are the
 * main app's, packages/api/src/middleware/security-headers.ts). API requests reach it only when no API route matched.
 */
export function webContext(options: WebOptions) {
  return createMiddleware<WebEnv>(async (c, next) => {
    c.set("web", options);
    c.set("lang", pickLang(c.req.header("accept-language"), getCookie(c, langCookieName)));
    await next();
  });
}

export { localPath } from "./redirect-target.js";

/** The signed-in principal of this browser, its session and key re-checked now; null when signed out, expired or revoked. */
export const currentPrincipal = (c: Context<WebEnv>) => sessionPrincipal(c);

/** Lets a signed-in browser through with `principal` set; others go to the sign-in form and come back. */
export const signedIn = createMiddleware<WebEnv>(async (c, next) => {
  const { principal, revoked } = await currentPrincipal(c);
  if (!principal) {
    if (revoked) await endSession(c);
    const url = new URL(c.req.url);
    const back = c.req.method === "GET" ? url.pathname + url.search : "/";
    return c.redirect(`/?${new URLSearchParams({ next: back, ...(revoked ? { ended: "1" } : {}) })}`, 303);
  }
  c.set("principal", principal);
  await next();
});

/** Lets through only the roles holding `permission` in core's table (the API's `allow` reads the same); anyone else gets 403. */
export function permit(permission: Permission) {
  const middleware = createMiddleware<WebEnv>(async (c, next) => {
    if (!can(c.var.principal, permission)) throw new ForbiddenError();
    await next();
  });
  return markGuard(middleware, permission);
}

/** A page's guards: signed in, then `permission`. */
export const needs = (permission: Permission) => [signedIn, permit(permission)] as const;

/** The refusal of a form without this site's origin or token; the web's error handler shows it as a page. */
export class CsrfRefusedError extends HTTPException {
  constructor() {
    super(403, { message: "csrf" });
  }
}

const tokenCheck = createMiddleware<WebEnv>(async (c, next) => {
  const body = await c.req.parseBody();
  if (typeof body._csrf !== "string" || !(await csrfTokenValid(c, body._csrf))) throw new CsrfRefusedError();
  await next();
});

/**
 * Every state-changing form: bounded body, the browser's Origin (or Sec-Fetch-Site) must be this
 * site, and `_csrf` must match this browser's nonce.
 */
export const formPost = [
  bodyLimit({ maxSize: 5 * 1024 * 1024, onError: () => { throw new HTTPException(413, { message: "the form is larger than 5 MiB" }); } }),
  csrf(),
  tokenCheck,
] as const;
