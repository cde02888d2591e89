import { createMiddleware } from "hono/factory";

/** Our pages load only our own scripts, styles and images; nothing may frame them. */
export const PAGE_CSP = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
/** The mailed report page is self-contained: its one inline style block, no scripts, nothing fetched. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

/**
 * Mounted first, for every answer. HTML (pages, the API reference, report HTML served by the API)
 * gets a Content-Security-Policy (a route may set a narrower one), and no answer is sniffed. Every
 * `/api` answer and every page may hold personal data (leads' contacts, reports), so none of them
 * is kept by the browser or a proxy; static assets keep their own caching.
 */
export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  const headers = c.res.headers;
  const html = headers.get("content-type")?.startsWith("text/html") ?? false;
  headers.set("x-content-type-options", "nosniff");
  if (html) {
    if (!headers.has("content-security-policy")) headers.set("content-security-policy", PAGE_CSP);
    headers.set("referrer-policy", "same-origin");
  }
  if (html || c.req.path.startsWith("/api/") || c.req.path === "/api") headers.set("cache-control", "no-store");
});
