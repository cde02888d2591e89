import { Hono } from "hono";
import type { AppEnv } from "../env.js";
import { describeRoute } from "./describe.js";
import { buildOpenApiDocument, type OpenApiDocument, type RouteEntry } from "./document.js";
import { referenceCss, tryItScript } from "./reference-assets.js";
import { ReferencePage } from "./reference-page.js";

const cached = { "cache-control": "public, max-age=3600" };

/**
 * Public: GET /openapi.json and the reference at /docs, both built once from `routesOf()` (the whole
 * app's `app.routes`, read at the first request, when every route is registered).
 */
export function openApiRoutes(routesOf: () => readonly RouteEntry[]) {
  let document: OpenApiDocument | undefined;
  const documentOf = () => (document ??= buildOpenApiDocument(routesOf()));
  return new Hono<AppEnv>()
    .get("/openapi.json", describeRoute({ summary: "This API as an OpenAPI 3.1 document", response: { description: "The document." } }), (c) =>
      c.json(documentOf()),
    )
    .get(
      "/docs",
      describeRoute({ summary: "This reference as a page, with a “Try it” form per route", response: { description: "HTML", mediaTypes: ["text/html"] } }),
      (c) => c.html(<ReferencePage doc={documentOf()} />),
    )
    .get("/docs/reference.css", (c) => c.body(referenceCss, 200, { ...cached, "content-type": "text/css; charset=utf-8" }))
    .get("/docs/try-it.js", (c) => c.body(tryItScript, 200, { ...cached, "content-type": "text/javascript; charset=utf-8" }));
}
