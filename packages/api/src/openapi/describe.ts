import type { Context, MiddlewareHandler } from "hono";
import type { z } from "zod";

/** A body that is not validated JSON (a webhook form, a spend file): what it holds and, where one parses it, its zod schema. */
export type MediaDoc = { description?: string; schema?: z.ZodType; example?: unknown };

/** What the reference says about one route. Method, path, roles and security come from the app itself. */
export type RouteDoc = {
  summary: string;
  description?: string;
  /** Defaults to the resource: the path segment after /api (`hypotheses`), `webhooks` for /hooks. */
  tags?: string[];
  /** The schema the handler's `jsonBody` validates with: pass the very same object. */
  body?: z.ZodType;
  /** Bodies other than validated JSON, by media type. */
  bodies?: Record<string, MediaDoc>;
  /** The schema the handler's `queryParams` validates with: pass the very same object. */
  query?: z.ZodType;
  /** Path parameters' descriptions; each `:name` in the path is documented as a string either way. */
  params?: Record<string, string>;
  /** The success answer; shapes without a zod schema are told in words and an example. */
  response?: { status?: number; description: string; example?: unknown; mediaTypes?: string[] };
  /** Failures particular to this route (409 conflicts, 422 refusals); 400/401/403/404/413 are added where they apply. */
  errors?: Record<number, string>;
};

const docs = new WeakMap<object, RouteDoc>();
// The doc of the route serving each request, so validation can check it names the schema it uses.
const serving = new WeakMap<Context, RouteDoc>();

/**
 * Documents the route it stands in: a pass-through middleware, so the method and path the reference
 * shows are the ones Hono registered, and `jsonBody`/`queryParams` check that the schema they
 * validate with is the one documented here.
 * @example .post("/", describeRoute({ summary: "Create a contractor", body: CreateContractorInput }), async (c) => ...)
 */
export function describeRoute(doc: RouteDoc): MiddlewareHandler {
  const middleware: MiddlewareHandler = async (c, next) => {
    serving.set(c, doc);
    await next();
  };
  docs.set(middleware, doc);
  return middleware;
}

/** The doc a `describeRoute` middleware carries, if `handler` is one. */
export const routeDocOf = (handler: unknown): RouteDoc | undefined => (typeof handler === "function" ? docs.get(handler) : undefined);

/**
 * Throws when the route serving `c` is documented with another schema than the one validating its
 * `part`: the reference must describe exactly what the route accepts. Undocumented routes pass
 * (the OpenAPI test catches those).
 */
export function assertDocumentedSchema(c: Context, part: "body" | "query", schema: z.ZodType): void {
  const doc = serving.get(c);
  if (doc && doc[part] !== schema) {
    throw new Error(`${c.req.method} ${c.req.routePath} validates its ${part} with a schema its describeRoute does not name`);
  }
}
