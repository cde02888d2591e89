import type { MiddlewareHandler } from "hono";
import { longPathParams } from "@parom/core/db";
import { InvalidInputError } from "@parom/core";

/**
 * Refuses with 400, naming the parameter (`id`, `key`), a path parameter too long to be part of a
 * DynamoDB key, before any route reads the table with it. One check for every route: the routes
 * matched for the request say which path segment is which parameter.
 * @example app.use("/api/*", limitPathParams) // GET /api/leads/<3,000 characters> -> 400 {issues: [{path: "id", ...}]}
 */
export const limitPathParams: MiddlewareHandler = async (c, next) => {
  const issues = longPathParams(c.req.matchedRoutes.map((route) => route.path), c.req.path);
  if (issues.length > 0) {
    throw new InvalidInputError(`path parameter too long: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
  }
  await next();
};
