import { Hono } from "hono";
import { contextStorage } from "hono/context-storage";
import { longPathParams } from "@parom/core/db";
import { assetRoutes } from "./assets.js";
import type { WebEnv, WebOptions } from "./env.js";
import { webContext } from "./guards.js";
import { pageModules } from "./pages/index.js";
import { notFoundPage, renderError } from "./pages/errors.js";

export type { WebOptions } from "./env.js";

/**
 * The server-rendered pages, mounted at "/" after the API and the webhooks. Pages call the domain
 * verbs directly with `c.var.ctx` (set by the main app) and apply the API's role rules.
 */
export function createWebApp(options: WebOptions) {
  const web = new Hono<WebEnv>();
  web.onError(renderError);
  // Lets a refused form be told in the request's language wherever it is caught (forms.ts `attempt`).
  web.use("*", contextStorage());
  web.use("*", webContext(options));
  // An id too long for a key names nothing: the page says so instead of the database refusing the key.
  web.use("*", async (c, next) => (longPathParams(c.req.matchedRoutes.map((route) => route.path), c.req.path).length > 0 ? notFoundPage(c) : next()));
  web.route("/", assetRoutes);
  for (const pages of pageModules) web.route("/", pages);
  // Unknown pages answer with a page; unknown API and webhook paths keep the API's JSON 404.
  web.get("*", (c) => (c.req.path.startsWith("/api/") || c.req.path.startsWith("/hooks/") ? c.notFound() : notFoundPage(c)));
  return web;
}
