import type { Ctx } from "../context.js";
import { queryAll } from "../db/query-all.js";
import { NotFoundError } from "../errors.js";
import { ATTEMPT_PREFIX, ContactAttemptEntity, toContactAttempt, type ContactAttempt } from "./contact-attempts.js";
import { HANDOVER_PREFIX, handoverOf, type Handover } from "./handovers.js";
import type { Lead } from "./lead.js";
import { LeadEntity, STAGE_PREFIX, StageChangeEntity } from "./keys.js";
import { toStageHistoryEntry, type StageHistoryEntry } from "./outcomes.js";
import { toLead } from "./query.js";

/** A lead with everything kept in its partition. */
export type LeadPartition = {
  lead: Lead;
  /** Oldest first. */
  history: StageHistoryEntry[];
  /** In the order they happened (not recorded), as ContactAttempts.list gives them. */
  attempts: ContactAttempt[];
  /** Oldest first. */
  handovers: Handover[];
};

/**
 * The lead, its stage history, its contact attempts and its hand-overs in one strongly consistent Query of its
 * partition, for a page that shows all three (instead of a GetItem per verb and two Queries).
 * The partition grows only by people's and the CRM's actions on this one lead.
 * Throws NotFoundError when there is no such lead.
 */
export async function readLeadPartition(ctx: Ctx, id: string): Promise<LeadPartition> {
  const { pk, sk } = LeadEntity.key({ id });
  const items = await queryAll(ctx, { KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": pk }, ConsistentRead: true });
  const read: Omit<LeadPartition, "lead"> & { lead?: Lead } = { history: [], attempts: [], handovers: [] };
  // Sort keys come back in order (`ATTEMPT#<at>`, `STAGE#<at>`), so each list is in the order of its own query.
  for (const item of items) {
    const key: string = item.sk;
    if (key === sk) {
      const lead = LeadEntity.parse(item);
      // A merged lead shows the lead that absorbed it (lead/lead-merge.ts).
      if (lead.mergedInto) return readLeadPartition(ctx, lead.mergedInto);
      read.lead = toLead(lead);
    } else if (key.startsWith(STAGE_PREFIX)) read.history.push(toStageHistoryEntry(StageChangeEntity.parse(item)));
    else if (key.startsWith(ATTEMPT_PREFIX)) read.attempts.push(toContactAttempt(ContactAttemptEntity.parse(item)));
    else if (key.startsWith(HANDOVER_PREFIX)) read.handovers.push(handoverOf(item, ctx.now()));
  }
  if (!read.lead) throw new NotFoundError("lead", id);
  return { ...read, lead: read.lead };
}
