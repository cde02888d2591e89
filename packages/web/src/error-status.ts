import type { ErrorKind } from "@parom/core";

/** Every status a domain refusal can answer with. */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422;

/**
 * The one map from a domain refusal's kind to its HTTP status, read by both edges: the API's error
 * handler and the pages (forms, error pages), so a refusal answers the same status on either. Core
 * knows no HTTP, so the map cannot live there; it lives in the web package rather than the API
 * because the API imports the web (it mounts the pages) while the web may not import the API.
 */
export const statusOf = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
} as const satisfies Record<ErrorKind, RefusalStatus>;
