// @parom/core/db: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { createDocumentClient, ensureTable } from "./client.js";
export { databaseProblem } from "./health.js";
export { longPathParams } from "./key-limits.js";
export { keyAttributes, tableDefinition } from "./table.js";
export { isDatabaseUnavailable } from "./unavailable.js";
