import { describe, expect, it } from "vitest";
import { createApp } from "../../packages/api/src/app.js";
import { covers, type Operation } from "../../packages/api/src/openapi/document.js";
import { can, permissionOf, permissions, type Permission } from "../../packages/core/src/access/permissions.js";
import type { Ctx } from "../../packages/core/src/context.js";

// Building the app touches no table: its route list is all these tests read.
const app = createApp({} as Ctx, { ownerApiKey: "test-owner-key-0123456789abcdefghij", cookieSecret: "test-cookie-secret-of-enough-length-0123456789" });
const routes = app.routes;

/** Hono wraps the handlers of a sub-app with its own error handler (the web's) and keeps the original under this key. */
const unwrapped = (handler: unknown): unknown =>
  typeof handler === "function" && "__COMPOSED_HANDLER" in handler ? unwrapped(handler.__COMPOSED_HANDLER) : handler;

/** The permissions of the guards that run ahead of the handler of `method path` (the last entry registered under it). */
function guardsOf(method: string, path: string): Permission[] {
  const handlerIndex = routes.findLastIndex((r) => r.method === method && r.path === path);
  if (handlerIndex < 0) throw new Error(`${method} ${path} is not mounted`);
  return routes
    .slice(0, handlerIndex + 1)
    .filter((r) => (r.method === "ALL" || r.method === method) && covers(r.path, path))
    .flatMap((r) => permissionOf(unwrapped(r.handler)) ?? []);
}

describe("the role table", () => {
  it("names a permission for every API route the app mounts", () => {
    const apiRoutes = [...new Set(routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/")).map((r) => `${r.method} ${r.path}`))];
    const unguarded = apiRoutes.filter((route) => {
      const [method, path] = route.split(" ") as [string, string];
      return guardsOf(method, path).length === 0;
    });

    expect(apiRoutes.length).toBeGreaterThan(50);
    expect(unguarded, "API routes without allow(permission)").toEqual([]);
  });

  it("names a permission for every page but the public ones (health, sign-in, language, documentation, assets)", () => {
    const publicPages = new Set(["GET /health", "GET /", "POST /sign-in", "POST /sign-out", "GET /lang/:lang", "GET /*", "GET /openapi.json", "GET /favicon.svg", "GET /favicon.ico"]);
    const pages = [...new Set(routes.filter((r) => r.method !== "ALL" && !/^\/(api|hooks)\//.test(r.path)).map((r) => `${r.method} ${r.path}`))];
    const unguarded = pages.filter((page) => {
      const [method, path] = page.split(" ") as [string, string];
      const isPublic = publicPages.has(page) || path.startsWith("/docs") || path.startsWith("/assets/");
      return !isPublic && guardsOf(method, path).length === 0;
    });

    expect(pages.length).toBeGreaterThan(30);
    expect(unguarded, "pages without needs(permission)").toEqual([]);
  });

  it("guards a page and the API route behind it with the same permission", () => {
    const pairs: Array<[page: string, api: string]> = [
      ["GET /leads", "GET /api/leads"],
      ["POST /leads/:id/contact-attempts", "POST /api/leads/:id/contact-attempts"],
      ["POST /hypotheses/:id/approvals", "POST /api/hypotheses/:id/approvals"],
      ["POST /hypotheses", "POST /api/hypotheses"],
      ["GET /quarantine", "GET /api/quarantine"],
      ["GET /contractors/:id/report", "GET /api/contractors/:id/report"],
    ];
    for (const [page, api] of pairs) {
      const [pageMethod, pagePath] = page.split(" ") as [string, string];
      const [apiMethod, apiPath] = api.split(" ") as [string, string];
      const pageGuards = guardsOf(pageMethod, pagePath);

      expect(pageGuards, page).toHaveLength(1);
      expect(pageGuards, `${page} vs ${api}`).toEqual(guardsOf(apiMethod, apiPath));
    }
  });

  it("shows each API route's permission in the OpenAPI document", async () => {
    const doc = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, Record<string, Operation>> };

    expect(doc.paths["/api/hypotheses/{id}/approvals"]!.post!["x-permissions"]).toEqual(["scale.approve"]);
    expect(doc.paths["/api/leads"]!.get!["x-permissions"]).toEqual(["leads.read"]);
    expect(doc.paths["/hooks/{key}"]!.post!["x-permissions"]).toBeUndefined();
  });

  it("lets only the owner approve a scale-out and lets a contractor read reports but not leads", () => {
    expect(permissions["scale.approve"]).toEqual(["owner"]);
    expect(can({ role: "marketer" }, "scale.approve")).toBe(false);
    expect(can({ role: "contractor" }, "reports.read")).toBe(true);
    expect(can({ role: "contractor" }, "leads.read")).toBe(false);
  });
});
