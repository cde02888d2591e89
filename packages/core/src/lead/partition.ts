import type { Ctx } from "../context.js";
import { readCollection } from "../db/collection.js";
import { NotFoundError } from "../errors.js";
import { CallbackOutcomeEntity, toCallbackOutcome, type CallbackOutcome } from "./callback-outcomes.js";
import { ContactAttemptEntity, toContactAttempt, type ContactAttempt } from "./contact-attempts.js";
import { HandoverEntity } from "./handover-entity.js";
import { toHandovers, type Handover } from "./handovers.js";
import { holderAt } from "./holder.js";
import type { Lead } from "./lead.js";
import { LeadEntity, StageChangeEntity } from "./keys.js";
import { toStageHistoryEntry, type StageHistoryEntry } from "./outcomes.js";
import { toLead } from "./query.js";

/** A lead with everything kept in its partition. */
export type LeadPartition = {
  lead: Lead;
  /** Oldest first. */
  history: StageHistoryEntry[];
  /** In the order they happened (not recorded), as ContactAttempts.list gives them. */
  attempts: ContactAttempt[];
  /** The head of sales' call-backs, in the order recorded. */
  callbacks: CallbackOutcome[];
  /** Oldest first. */
  handovers: Handover[];
};

/**
 * The lead, its stage history, its contact attempts, call-backs and hand-overs in one strongly consistent Query of its
 * partition, for a page that shows them all (instead of a GetItem per verb and a Query each).
 * The partition grows only by people's and the CRM's actions on this one lead.
 * Throws NotFoundError when there is no such lead.
 */
export async function readLeadPartition(ctx: Ctx, id: string): Promise<LeadPartition> {
  // Sort keys come back in order (`<PREFIX#><at>`), so each list is in the order of its own query.
  const read = await readCollection(
    ctx,
    LeadEntity.key({ id }).pk,
    { lead: LeadEntity, history: StageChangeEntity, attempts: ContactAttemptEntity, callbacks: CallbackOutcomeEntity, handovers: HandoverEntity },
    { consistent: true },
  );
  const [lead] = read.lead;
  if (!lead) throw new NotFoundError("lead", id);
  // A merged lead shows the lead that absorbed it (lead/lead-merge.ts).
  if (lead.mergedInto) return readLeadPartition(ctx, lead.mergedInto);
  const now = ctx.now();
  return {
    // Its person now: a passed hand-over reads as returned before the sweep writes it (lead/holder.ts).
    lead: toLead(lead, holderAt(lead.assigneeId ?? null, read.handovers, now)),
    history: read.history.map(toStageHistoryEntry),
    attempts: read.attempts.map(toContactAttempt),
    callbacks: read.callbacks.map(toCallbackOutcome),
    handovers: toHandovers(read.handovers, lead.assigneeId ?? null, now),
  };
}
