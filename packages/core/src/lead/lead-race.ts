import { TransactionCancelledError } from "../db/transact.js";

/** True when a transaction on a lead lost a race (the item named "lead" failed its version condition, or a conflict) and should re-read. */
export const isLeadRace = (error: unknown) =>
  error instanceof TransactionCancelledError && (error.failedCondition("lead") || error.conflicted);
