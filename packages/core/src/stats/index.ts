// @parom/core/stats: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { normal, poisson, seededRandom, type Random } from "./random.js";
export type { Verdict } from "./verdict.js";
