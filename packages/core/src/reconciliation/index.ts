// @parom/core/reconciliation: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export type { MatchedBy } from "./match.js";
export { ListReconciliationsQuery, ReconcileQuery, Reconciliations } from "./reconciliations.js";
export type { ReconciliationResult } from "./reconciliations.js";
