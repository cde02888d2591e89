import type { MiddlewareHandler } from "hono";
import { keyPartIssue } from "../../../core/src/db/key-limits.js";
import { InvalidInputError, type FieldIssue } from "../../../core/src/errors.js";

/**
 * Refuses with 400, naming the parameter (`id`, `key`), a path parameter too long to be part of a
 * DynamoDB key, before any route reads the table with it. One check for every route: the routes
 * matched for the request say which path segment is which parameter.
 * @example app.use("/api/*", limitPathParams) // GET /api/leads/<3,000 characters> -> 400 {issues: [{path: "id", ...}]}
 */
export const limitPathParams: MiddlewareHandler = async (c, next) => {
  const segments = c.req.path.split("/");
  const issues = new Map<string, FieldIssue>();
  for (const route of c.req.matchedRoutes) {
    route.path.split("/").forEach((part, position) => {
      if (!part.startsWith(":") || segments[position] === undefined) return;
      const name = part.slice(1).replace(/\{.*$/, "").replace(/\?$/, "");
      const issue = keyPartIssue(name, decoded(segments[position]!));
      if (issue) issues.set(name, issue);
    });
  }
  if (issues.size > 0) {
    const list = [...issues.values()];
    throw new InvalidInputError(`path parameter too long: ${list.map((i) => `${i.path}: ${i.message}`).join("; ")}`, list);
  }
  await next();
};

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
