/**
 * What kind of refusal an error is, named for what went wrong. Core knows no HTTP: each edge turns a
 * kind into its answer in one place (the status map `statusOf` in @parom/web, read by the API too).
 * - `invalid`: the request is malformed or a field breaks its rule;
 * - `unprocessable`: the request was read, but what it carries cannot be used (a webhook's lead without a contact, a value too long to store);
 * - `too_large`: more than one request may carry (rows, leads);
 * - `unauthenticated`: no key, or one that is unknown or revoked;
 * - `forbidden`: the caller's role may not do this;
 * - `not_found`: the thing named does not exist;
 * - `conflict`: the thing's state refuses the change (a race lost, a transition not allowed).
 */
export type ErrorKind = "invalid" | "unprocessable" | "too_large" | "unauthenticated" | "forbidden" | "not_found" | "conflict";

/** A failure the caller can act on. `code` is stable and part of the API contract. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: ErrorKind = "invalid",
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super("not_found", `${what} ${id} does not exist`, "not_found");
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, "conflict", details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "your role may not do this") {
    super("forbidden", message, "forbidden");
  }
}

/** One problem with one field of the input, named by its path (`probe.start`, `rows.3.cost`). */
export type FieldIssue = { path: string; message: string };

export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    readonly issues: FieldIssue[],
    kind: "invalid" | "unprocessable" = "invalid",
  ) {
    super("invalid_input", message, kind, { issues });
  }
}
