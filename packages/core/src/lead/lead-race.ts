import { TransactionCancelledError } from "../db/transact.js";

/** True when a stage change's transaction lost a race on the lead (its version moved) and should re-read. */
export const isLeadRace = (error: unknown) =>
  error instanceof TransactionCancelledError && (error.failedCondition(0) || error.conflicted);
