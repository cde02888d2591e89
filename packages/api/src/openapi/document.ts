import { z } from "zod";
import { type Permission, permissionOf, type Role, roles as allRoles } from "@parom/core/access";
import { accessRuleOf } from "../middleware/auth.js";
import { routeDocOf, type MediaDoc, type RouteDoc } from "./describe.js";
import type { JsonSchema } from "./schema-text.js";

/** One entry of Hono's `app.routes`: a handler or middleware with the method and full path it was registered under. */
export type RouteEntry = { method: string; path: string; handler: unknown };

export type Parameter = { name: string; in: "path" | "query"; required: boolean; schema: JsonSchema; description?: string };
export type Media = { schema?: JsonSchema; description?: string; example?: unknown };
export type Response = { description: string; content?: Record<string, Media> };
export type Operation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { required: true; content: Record<string, Media> };
  responses: Record<string, Response>;
  security: Array<Record<string, string[]>>;
  "x-roles"?: readonly Role[];
  /** The role table's permissions the route's guards check (core/access/permissions.ts). */
  "x-permissions"?: Permission[];
};

/** The path in OpenAPI's spelling: `/api/leads/:id` -> `/api/leads/{id}` (a `{regex}` constraint is dropped). */
export const openApiPath = (honoPath: string) => honoPath.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}");

/** The request side of a zod schema (what the route accepts, before transforms and defaults), as JSON Schema. */
export function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return json as JsonSchema;
}

/** Does a middleware registered under `pattern` run for a route registered under `path`? (Hono: `/x/*` covers `/x` too.) */
export function covers(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\/\*$|\*|:\w+(?:\{[^}]*\})?)/)
    .map((part) => (part === "/*" ? "(?:/.*)?" : part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`).test(path);
}

/** Who may call the route: the guards registered ahead of its handler that match its method and path. */
function accessOf(routes: readonly RouteEntry[], handlerIndex: number, method: string, path: string) {
  let bearer = false;
  let roles: readonly Role[] = allRoles;
  const permissions: Permission[] = [];
  for (const entry of routes.slice(0, handlerIndex)) {
    const rule = accessRuleOf(entry.handler);
    if (!rule || (entry.method !== "ALL" && entry.method !== method) || !covers(entry.path, path)) continue;
    bearer = true;
    if (rule.roles) roles = roles.filter((role) => rule.roles!.includes(role));
    const permission = permissionOf(entry.handler);
    if (permission) permissions.push(permission);
  }
  return bearer ? { bearer, roles, permissions } : { bearer, roles: [], permissions };
}

const errorResponse = (description: string): Response => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function mediaContent(media: MediaDoc): Media {
  return {
    ...(media.description ? { description: media.description } : {}),
    schema: media.schema ? inputSchema(media.schema) : { type: "string" },
    ...(media.example !== undefined ? { example: media.example } : {}),
  };
}

function queryParameters(schema: z.ZodType) {
  const json = inputSchema(schema);
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]): Parameter => ({
    name,
    in: "query",
    required: required.has(name),
    schema: property,
  }));
}

function operation(doc: RouteDoc, method: string, path: string, access: { bearer: boolean; roles: readonly Role[]; permissions: Permission[] }): Operation {
  const pathParams = [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const parameters: Parameter[] = [
    ...pathParams.map((name): Parameter => {
      const description = doc.params?.[name] ?? `the ${name}`;
      return { name, in: "path", required: true, schema: { type: "string" }, description };
    }),
    ...(doc.query ? queryParameters(doc.query) : []),
  ];
  const content: Record<string, Media> = {
    ...(doc.body ? { "application/json": { schema: inputSchema(doc.body) } } : {}),
    ...Object.fromEntries(Object.entries(doc.bodies ?? {}).map(([type, media]) => [type, mediaContent(media)])),
  };
  const hasBody = Object.keys(content).length > 0;
  const success = doc.response ?? { description: "OK" };
  const successContent = Object.fromEntries(
    (success.mediaTypes ?? ["application/json"]).map((type): [string, Media] => [
      type,
      success.example !== undefined && type === "application/json" ? { example: success.example } : {},
    ]),
  );
  const restricted = access.bearer && access.roles.length < allRoles.length;
  const responses: Record<string, Response> = {
    [String(success.status ?? 200)]: { description: success.description, content: successContent },
    ...(hasBody || doc.query || pathParams.length > 0
      ? { 400: errorResponse("The body, query or a path parameter (too long to be an id) is invalid; `issues` names each field.") }
      : {}),
    ...(access.bearer ? { 401: errorResponse("No API key, or one that is unknown or revoked.") } : {}),
    ...(restricted ? { 403: errorResponse(`The key's role is not ${access.roles.join(" or ")}.`) } : {}),
    ...(pathParams.length > 0 ? { 404: errorResponse(`No such ${pathParams.join("/")}.`) } : {}),
    ...(hasBody ? { 413: errorResponse("The body is too large.") } : {}),
    ...Object.fromEntries(Object.entries(doc.errors ?? {}).map(([status, description]) => [status, errorResponse(description)])),
  };
  const rolesLine = access.bearer ? `Roles: ${access.roles.join(", ")}.` : "Public: no API key.";
  return {
    operationId: operationId(method, path),
    summary: doc.summary,
    description: [doc.description, rolesLine].filter(Boolean).join("\n\n"),
    tags: doc.tags ?? [defaultTag(path)],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(hasBody ? { requestBody: { required: true, content } } : {}),
    responses,
    security: access.bearer ? [{ bearer: [] }] : [],
    ...(access.bearer ? { "x-roles": access.roles } : {}),
    ...(access.permissions.length > 0 ? { "x-permissions": access.permissions } : {}),
  };
}

const defaultTag = (path: string) => (path.startsWith("/api/") ? path.split("/")[2]! : path.startsWith("/hooks/") ? "webhooks" : "service");

/** `GET /api/leads/:id/history` -> `getApiLeadsByIdHistory`: stable as long as the route is. */
function operationId(method: string, path: string) {
  const words = path
    .split("/")
    .filter(Boolean)
    .map((segment) => (segment.startsWith(":") ? `by-${segment.slice(1).replace(/\{.*$/, "")}` : segment))
    .flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return method.toLowerCase() + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
}

/**
 * The OpenAPI 3.1 document of every route a `describeRoute` stands in, read from Hono's route list:
 * paths and methods as registered, request schemas converted from the zod schemas the routes
 * validate with, security and roles from the `authenticate`/`allow` guards ahead of each handler.
 */
export function buildOpenApiDocument(routes: readonly RouteEntry[]) {
  const paths: Record<string, Record<string, Operation>> = {};
  routes.forEach((entry, index) => {
    const doc = routeDocOf(entry.handler);
    if (!doc) return;
    let handlerIndex = index;
    while (routes[handlerIndex + 1]?.method === entry.method && routes[handlerIndex + 1]?.path === entry.path) handlerIndex++;
    const path = openApiPath(entry.path);
    const method = entry.method.toLowerCase();
    if (paths[path]?.[method]) throw new Error(`${entry.method} ${entry.path} is documented twice`);
    (paths[path] ??= {})[method] = operation(doc, entry.method, entry.path, accessOf(routes, handlerIndex, entry.method, entry.path));
  });
  const tags = [...new Set(Object.values(paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.tags)))];
  return {
    openapi: "3.1.0",
    info: {
      title: "Parom API",
      // The contract's version, not the package's: it changes when a route's meaning does.
      version: "1.0.0",
      description:
        "Experiments on sales channels: hypotheses and their stages, campaigns, leads from webhooks and imports, spend, KPIs, " +
        "the scale-out gate and reports. Send `Authorization: Bearer <api key>` to every /api route; money is a decimal " +
        "string in roubles, days are ISO dates in the workspace's time zone.",
    },
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key: the owner's, or one the owner made with POST /api/keys." },
      },
      schemas: {
        Error: {
          type: "object",
          description: "Every failure: a stable `error` code, a sentence for people, and for invalid input each field's problem.",
          properties: {
            error: { type: "string", examples: ["invalid_input"] },
            message: { type: "string" },
            issues: {
              type: "array",
              items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } }, required: ["path", "message"] },
            },
          },
          required: ["error", "message"],
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
