// @parom/core/callbacks: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { CallbackOutcomeInput, CallbackQueueQuery, Callbacks, DEFAULT_UNTOUCHED_MINUTES } from "./callbacks.js";
export type { QueueEntry } from "./callbacks.js";
export { callbackResults } from "../lead/callback-outcomes.js";
export type { CallbackOutcome, CallbackResult } from "../lead/callback-outcomes.js";
export type { QueueReason } from "../lead/callback-queue.js";
export { SpotCheckOutcomeInput, SpotCheckQuery, spotCheckResults, SpotChecks } from "./spot-checks.js";
export type { SpotCheckList, SpotCheckResult } from "./spot-checks.js";
