// @parom/web: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { createWebApp } from "./app.js";
export { statusOf } from "./error-status.js";
export type { RefusalStatus } from "./error-status.js";
