import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DomainError, InvalidInputError, newId } from "@parom/core";
import type { WebEnv } from "../env.js";
import { statusOf } from "../error-status.js";
import { Page } from "../layout.js";
import { viewOf } from "../view.js";

/** A page saying what went wrong, with the way back. */
export async function errorPage(c: Context<WebEnv>, status: ContentfulStatusCode, message: string) {
  const v = await viewOf(c);
  return c.html(
    <Page v={v} title={v.t.error.title}>
      <p class="problems" role="alert">
        ⚠ {message}
      </p>
      <p>
        <a href="/">{v.t.error.home}</a>
      </p>
    </Page>,
    status,
  );
}

export const notFoundPage = async (c: Context<WebEnv>) => errorPage(c, 404, (await viewOf(c)).t.error.notFound);

/** The web's one error handler: the same statuses as the API, as pages instead of JSON. */
export const renderError: ErrorHandler<WebEnv> = async (error, c) => {
  const { t } = await viewOf(c);
  if (error instanceof HTTPException) {
    // The only 403 a web middleware raises is a refused form: hono's origin check or our token check.
    if (error.status === 403) return errorPage(c, 403, t.error.csrf);
    return errorPage(c, error.status as ContentfulStatusCode, error.message || t.error.title);
  }
  if (error instanceof DomainError) {
    const status = statusOf[error.kind];
    if (error.kind === "not_found") return errorPage(c, status, t.error.notFound);
    if (error.kind === "forbidden") return errorPage(c, status, t.error.forbidden);
    if (error.code === "invalid_redirect") return errorPage(c, status, t.error.badRedirect);
    if (error instanceof InvalidInputError && error.issues.some((issue) => issue.path === "cursor")) return errorPage(c, status, t.error.badCursor);
    return errorPage(c, status, error.message);
  }
  const requestId = newId();
  console.error(`[${requestId}] ${c.req.method} ${c.req.path}`, error);
  return errorPage(c, 500, t.error.internal(requestId));
};
