import { Hono } from "hono";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { describeRoute } from "../../packages/api/src/openapi/describe.js";
import { inputSchema, openApiPath, type OpenApiDocument, type Operation } from "../../packages/api/src/openapi/document.js";
import { handleError } from "../../packages/api/src/middleware/errors.js";
import { jsonBody, queryParams } from "../../packages/api/src/validate.js";
import { CreateContractorInput } from "../../packages/core/src/contractor/contractor.js";
import { CreateHypothesisInput } from "../../packages/core/src/hypothesis/input.js";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
let doc: OpenApiDocument;

beforeAll(async () => {
  h = await createHarness();
  // Prepare: the document as anyone fetches it, without a key.
  const response = await h.call("GET", "/openapi.json", undefined, { key: null });
  expect(response.status).toBe(200);
  doc = response.body;
});

const operation = (method: string, path: string): Operation => {
  const found = (doc.paths as Record<string, Record<string, Operation>>)[path]?.[method];
  if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  return found;
};
const jsonBodySchema = (op: Operation) => op.requestBody?.content["application/json"]?.schema;

describe("the OpenAPI document", () => {
  it("documents every API and webhook route the app serves, and no route it does not", () => {
    // Hono lists each handler and middleware with its method and full path; "ALL" entries are middleware.
    const served = new Set(
      h.app.routes
        .filter((route) => route.method !== "ALL" && (route.path.startsWith("/api/") || route.path.startsWith("/hooks/")))
        .map((route) => `${route.method} ${openApiPath(route.path)}`),
    );
    const documented = new Set(
      Object.entries(doc.paths)
        .filter(([path]) => path.startsWith("/api/") || path.startsWith("/hooks/"))
        .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`)),
    );

    expect([...served].filter((route) => !documented.has(route)), "served but undocumented: add describeRoute beside them").toEqual([]);
    expect([...documented].filter((route) => !served.has(route)), "documented but not served").toEqual([]);
    expect(served.size).toBeGreaterThan(50);
  });

  it("is OpenAPI 3.1 with bearer keys on /api, a public webhook and one error shape", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
    expect(doc.components.schemas.Error.required).toEqual(["error", "message"]);
    expect(Object.keys(doc.components.schemas.Error.properties)).toEqual(["error", "message", "issues"]);

    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
    for (const { path, op } of operations.filter(({ path }) => path.startsWith("/api/"))) {
      expect(op.security, path).toEqual([{ bearer: [] }]);
      expect(op.responses["401"], path).toBeDefined();
    }
    expect(new Set(operations.map(({ op }) => op.operationId)).size).toBe(operations.length);
    expect(operation("post", "/hooks/{key}").security).toEqual([]);
    expect(operation("get", "/health").security).toEqual([]);
    expect(operation("post", "/api/hypotheses").responses["400"]?.content?.["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/Error" });
  });

  it("describes request bodies and queries with the very schemas the routes validate with", () => {
    const createHypothesis = jsonBodySchema(operation("post", "/api/hypotheses"));
    expect(createHypothesis).toEqual(inputSchema(CreateHypothesisInput));
    expect(createHypothesis?.required).toEqual(expect.arrayContaining(["title", "channel", "budget"]));
    expect(jsonBodySchema(operation("post", "/api/contractors"))?.required).toContain("name");
    expect(jsonBodySchema(operation("post", "/api/contractors"))?.additionalProperties).toBe(false);
    expect(jsonBodySchema(operation("post", "/api/contractors"))).toEqual(inputSchema(CreateContractorInput));

    // A query with a transform is described by what the caller sends.
    const budget = operation("get", "/api/hypotheses/{id}/forecast").parameters?.find((p) => p.name === "budget");
    expect(budget).toMatchObject({ in: "query", required: true, schema: { type: "string" } });
    expect(operation("get", "/api/leads/{id}").parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);

    // The webhook takes a form or a JSON lead.
    const hook = operation("post", "/hooks/{key}").requestBody?.content ?? {};
    expect(Object.keys(hook)).toEqual(expect.arrayContaining(["application/x-www-form-urlencoded", "application/json"]));
  });

  it("names the roles each route lets through, as its guards enforce them", () => {
    expect(operation("post", "/api/hypotheses/{id}/approvals")["x-roles"]).toEqual(["owner"]);
    expect(operation("put", "/api/campaigns/{id}/platform-ids")["x-roles"]).toEqual(["owner", "marketer"]);
    expect(operation("get", "/api/campaigns/{id}")["x-roles"]).toEqual(["owner", "marketer", "contractor"]);
    // Mounted ahead of the contractor routes, which are closed to contractors.
    expect(operation("get", "/api/contractors/{id}/report")["x-roles"]).toEqual(["owner", "marketer", "contractor"]);
    expect(operation("patch", "/api/contractors/{id}")["x-roles"]).toEqual(["owner", "marketer"]);
    expect(operation("get", "/api/hypotheses/{id}/cohorts")["x-roles"]).toEqual(["owner", "marketer"]);
    expect(operation("post", "/api/keys")["x-roles"]).toEqual(["owner"]);
  });
});

describe("describeRoute", () => {
  it("fails a route that validates with another schema than the one it documents", async () => {
    const Documented = z.strictObject({ name: z.string() });
    const Validated = z.strictObject({ name: z.string() });
    const app = new Hono()
      .post("/same", describeRoute({ summary: "same", body: Documented }), async (c) => c.json(await jsonBody(c, Documented)))
      .post("/other", describeRoute({ summary: "other", body: Documented }), async (c) => c.json(await jsonBody(c, Validated)))
      .get("/undocumented-query", describeRoute({ summary: "no query" }), (c) => c.json(queryParams(c, Validated)));
    app.onError(handleError);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const post = (path: string) => app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: '{"name":"x"}' });

    expect((await post("/same")).status).toBe(200);
    expect((await post("/other")).status).toBe(500);
    expect((await app.request("/undocumented-query?name=x")).status).toBe(500);
    expect(logged.mock.calls.map((call) => String(call[1]))).toEqual([
      expect.stringContaining("POST /other validates its body with a schema its describeRoute does not name"),
      expect.stringContaining("GET /undocumented-query validates its query"),
    ]);
    logged.mockRestore();
  });
});

describe("the reference page", () => {
  it("answers /docs without a key with a page listing every documented path and its try-it form", async () => {
    const page = await h.call("GET", "/docs", undefined, { key: null });

    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(page.text, path).toContain(`<code>${path}</code>`);
      for (const op of Object.values(ops)) expect(page.text).toContain(`id="${op.operationId}"`);
    }
    expect(page.text).toContain('<form class="try" hidden="" data-method="POST" data-path="/api/hypotheses"');
  });

  it("serves its script and stylesheet itself, so it works offline", async () => {
    const script = await h.call("GET", "/docs/try-it.js", undefined, { key: null });
    const css = await h.call("GET", "/docs/reference.css", undefined, { key: null });

    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect(() => new Function(script.text)).not.toThrow();
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
  });
});
