// @parom/core/people-results: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export type { PersonResult, Segment } from "./board.js";
export { readResults, ResultsQuery } from "./read.js";
