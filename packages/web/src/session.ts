import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getSignedCookie, setCookie, setSignedCookie } from "hono/cookie";
import type { CookieOptions } from "hono/utils/cookie";
import type { Principal } from "@parom/core/access";
import { SESSION_MAX_SECONDS, Sessions } from "@parom/core/access";
import type { WebEnv } from "./env.js";
import type { Lang } from "./i18n/index.js";

/**
 * The browser's state, all in cookies signed with the cookie secret:
 * - `parom_session` holds a random session id, never the key: the session lives in the table
 *   (core/access/sessions.ts) with its expiry and idle timeout, ends at sign-out and when its key
 *   is revoked, and re-checks the key at every request. HttpOnly: page scripts never see it.
 * - `parom_csrf` holds a random nonce; forms carry HMAC(secret, nonce) as `_csrf` (a double submit
 *   that a cross-site page cannot forge, since it can neither read the cookie nor compute the HMAC).
 *   A new nonce is drawn at sign-in and sign-out, binding the token to the session.
 */
const SESSION = "parom_session";
const CSRF = "parom_csrf";
const LANG = "lang";

type C = Context<WebEnv>;

const isHttps = (c: C) => new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
const cookieOptions = (c: C): CookieOptions => ({ path: "/", httpOnly: true, sameSite: "Lax", secure: isHttps(c) });

/** The session id this browser holds, or null (no cookie, a tampered one, or no secret configured). */
async function sessionId(c: C): Promise<string | null> {
  const secret = c.var.web.cookieSecret;
  if (!secret) return null;
  return (await getSignedCookie(c, secret, SESSION)) || null;
}

/** Who this browser is signed in as: `revoked` when it holds a session that is no longer live. */
export async function sessionPrincipal(c: C): Promise<{ principal: Principal | null; revoked: boolean }> {
  const id = await sessionId(c);
  if (!id) return { principal: null, revoked: false };
  const principal = await Sessions.resume(c.var.ctx, id, c.var.web.ownerApiKey);
  return { principal, revoked: principal === null };
}

/** Opens a server-side session for the key that just signed in, ending the one this browser had. */
export async function startSession(c: C, apiKey: string, principal: Principal): Promise<void> {
  const previous = await sessionId(c);
  if (previous) await Sessions.end(c.var.ctx, previous);
  const id = await Sessions.start(c.var.ctx, apiKey, principal);
  await setSignedCookie(c, SESSION, id, c.var.web.cookieSecret!, { ...cookieOptions(c), maxAge: SESSION_MAX_SECONDS });
  await newCsrfNonce(c);
}

export async function endSession(c: C): Promise<void> {
  const id = await sessionId(c);
  if (id) await Sessions.end(c.var.ctx, id);
  deleteCookie(c, SESSION, cookieOptions(c));
  if (c.var.web.cookieSecret) await newCsrfNonce(c);
}

/** The `_csrf` value for this browser's forms, drawing its nonce on first use. Empty without a secret. */
export async function csrfToken(c: C): Promise<string> {
  const secret = c.var.web.cookieSecret;
  if (!secret) return "";
  let nonce = c.get("csrfNonce") ?? ((await getSignedCookie(c, secret, CSRF)) || undefined);
  if (!nonce) nonce = await newCsrfNonce(c);
  c.set("csrfNonce", nonce);
  return tokenFor(secret, nonce);
}

/** True when `token` is the one this browser's nonce gives. */
export async function csrfTokenValid(c: C, token: string): Promise<boolean> {
  const secret = c.var.web.cookieSecret;
  if (!secret || !token) return false;
  const nonce = await getSignedCookie(c, secret, CSRF);
  if (!nonce) return false;
  const [given, expected] = [Buffer.from(token), Buffer.from(tokenFor(secret, nonce))];
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function rememberLang(c: C, lang: Lang): void {
  setCookie(c, LANG, lang, { ...cookieOptions(c), maxAge: 365 * 24 * 3600 });
}

export const langCookieName = LANG;

async function newCsrfNonce(c: C): Promise<string> {
  const nonce = randomBytes(18).toString("base64url");
  await setSignedCookie(c, CSRF, nonce, c.var.web.cookieSecret!, cookieOptions(c));
  c.set("csrfNonce", nonce);
  return nonce;
}

const tokenFor = (secret: string, nonce: string) => createHmac("sha256", secret).update(`csrf:${nonce}`).digest("base64url");
