// @parom/core/analytics: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { cohortTable } from "./cohorts.js";
export type { CohortTable, CohortUnit } from "./cohorts.js";
export { CompareQuery, compareHypotheses } from "./compare.js";
export { forecast } from "./forecast.js";
export type { Forecast } from "./forecast.js";
export { funnel } from "./funnel.js";
export type { Funnel } from "./funnel.js";
export { readHypothesisCounters } from "./hypothesis-counters.js";
