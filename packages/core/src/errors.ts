/** A failure the caller can act on. `code` is stable and part of the API contract. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 = 400,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super("not_found", `${what} ${id} does not exist`, 404);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, 409, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "your role may not do this") {
    super("forbidden", message, 403);
  }
}

/** One problem with one field of the input, named by its path (`probe.start`, `rows.3.cost`). */
export type FieldIssue = { path: string; message: string };

export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    readonly issues: FieldIssue[],
    status: 400 | 422 = 400,
  ) {
    super("invalid_input", message, status, { issues });
  }
}
