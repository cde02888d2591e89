import { TransactionCancelledError } from "../db/transact.js";

/**
 * True when a transaction on a lead lost a race (the item named "lead" failed its version condition,
 * a passed hand-over it ended was ended by the sweep first (lead/holder.ts), or a conflict) and should re-read.
 */
export const isLeadRace = (error: unknown) =>
  error instanceof TransactionCancelledError && (error.failedCondition("lead") || error.failedCondition("passedHandover") || error.conflicted);
