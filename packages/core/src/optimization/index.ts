// @parom/core/optimization: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { optimizationEffect } from "./before-after.js";
export type { Effect } from "./before-after.js";
export { optimizationReport } from "./report.js";
