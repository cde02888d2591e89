// @parom/core/lead-export: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { exportLeads } from "./export.js";
export { ExportLog, ListExportsQuery } from "./log.js";
export { ExportQuery, exportFormats } from "./query.js";
export { EXPORT_ROW_CAP } from "./read.js";
