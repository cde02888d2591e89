// @parom/core/counters: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { readAllCounters, readDays } from "./cohort-counters.js";
export type { DayCounters, LostReasonCounters, WinCounters } from "./cohort-counters.js";
