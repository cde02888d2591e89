import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isDatabaseUnavailable } from "@parom/core/db";
import { DomainError, newId } from "@parom/core";
import { statusOf } from "@parom/web";
import { loggablePath } from "../log-path.js";

/** What a 503 asks a sender to wait: about the time DynamoDB Local takes to restart. */
const RETRY_AFTER_SECONDS = 5;

/** The one place errors become HTTP: `{error, message, issues?, ...}`. */
export const handleError: ErrorHandler = (error, c) => {
  if (error instanceof DomainError) {
    return c.json({ error: error.code, message: error.message, ...error.details }, statusOf[error.kind]);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? "payload_too_large" : status === 401 ? "unauthorized" : "http_error";
    return c.json({ error: code, message: error.message || "request refused" }, status as ContentfulStatusCode);
  }
  const requestId = newId();
  if (isDatabaseUnavailable(error)) {
    // Expected while the database is away: one line, not a stack per request, and a status senders retry.
    console.error(`[${requestId}] ${c.req.method} ${loggablePath(c.req.path)}: database unavailable (${(error as Error).name}: ${(error as Error).message})`);
    c.header("Retry-After", String(RETRY_AFTER_SECONDS));
    return c.json({ error: "unavailable", message: "the database is unavailable; retry in a few seconds", requestId }, 503);
  }
  console.error(`[${requestId}] ${c.req.method} ${loggablePath(c.req.path)}`, error);
  return c.json({ error: "internal", message: "unexpected error; quote the requestId when reporting it", requestId }, 500);
};
