// @parom/core: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { configFromEnv, ownerKeyProblem } from "./config.js";
export { contextFrom } from "./context.js";
export type { Ctx } from "./context.js";
export { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError } from "./errors.js";
export type { ErrorKind, FieldIssue } from "./errors.js";
export { fieldIssues } from "./field-issues.js";
export { newId } from "./ids.js";
export { formatKopecks, positiveKopecks, toKopecks } from "./money.js";
export { addDays, dayIn, zonedInstant } from "./time.js";
