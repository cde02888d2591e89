import { z } from "zod";
import type { Ctx } from "../context.js";
import { enterQueue } from "../callbacks/queue.js";
import { moveLostReason } from "../counters/cohort-counters.js";
import { withRetry } from "../db/retry.js";
import { transact } from "../db/transact.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { LeadEntity, type LeadItem } from "../lead/keys.js";
import { isLeadRace } from "../lead/lead-race.js";
import { findLeadItem } from "../lead/read-lead.js";
import { lostReasonCategories, type LostReasonCategory } from "../lead/vocabulary.js";

/**
 * A quality review of a lost lead: someone looked at how it was worked and found that the
 * manager, not the client, failed. The lead keeps the reason it was lost with; the funnel's lost
 * reasons count it under `manager` instead, for as long as it stays lost with that reason (any
 * later stage change, restoring or re-giving a reason, ends the review: lead/outcomes.ts).
 */

/** `POST /api/leads/{id}/quality-review`. */
export const QualityReviewInput = z.strictObject({
  lostReasonCategory: z.enum(lostReasonCategories),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type QualityReviewInput = z.infer<typeof QualityReviewInput>;

export type QualityReview = { lostReasonCategory: LostReasonCategory; note: string | null; at: string; actor: string };

/** The reason a lost lead is counted under in the lost-reason counters: a review's category wins over the reason given. */
export function countedLostReason(item: { lostReasonCategory?: string; lostReason?: string | null }): string | null {
  return item.lostReasonCategory ?? item.lostReason ?? null;
}

/** The review a lead carries, as the API shows it. */
export function qualityReviewOf(item: Pick<LeadItem, "lostReasonCategory" | "qualityReview">): QualityReview | null {
  if (!item.lostReasonCategory) return null;
  // The two are always written together (below); the optional reads keep an item that lacks the review readable.
  return { lostReasonCategory: item.lostReasonCategory, note: item.qualityReview?.note ?? null, at: item.qualityReview?.at!, actor: item.qualityReview?.actor! };
}

const MAX_TRIES = 8;

export const QualityReviews = {
  /**
   * Marks a lost lead's loss as the manager's. One transaction, guarded by the lead's version
   * and its stage: the lead and the move of its count from its reason to `manager`. Reviewing
   * again replaces the note and moves nothing.
   */
  async review(ctx: Ctx, leadId: string, input: QualityReviewInput, actor: string): Promise<LeadItem> {
    const once = async (): Promise<LeadItem> => {
      const item = await findLeadItem(ctx, leadId);
      if (!item) throw new NotFoundError("lead", leadId);
      if (item.stage !== "lost") {
        throw new ConflictError("lead_not_lost", `only a lost lead can be reviewed for why it was lost; lead ${leadId} is ${item.stage}`, { stage: item.stage });
      }
      const at = ctx.now().toISOString();
      const review = { note: input.note ?? null, at, actor };
      const set = { lostReasonCategory: input.lostReasonCategory, qualityReview: review, updatedAt: at, version: item.version + 1 };
      const stillLost = {
        expression: "#readVersion = :readVersion AND #stage = :lost",
        names: { "#readVersion": "version", "#stage": "stage" },
        values: { ":readVersion": item.version, ":lost": "lost" },
      };
      await transact(ctx, [
        LeadEntity.updateItem(ctx, { id: item.id }, { set }, stillLost, "lead"),
        ...moveLostReason(ctx, item.campaignId, item.cohortDay, countedLostReason(item), input.lostReasonCategory),
        // A loss by the manager's fault is one the head of sales calls back.
        ...(input.lostReasonCategory === "manager" ? [enterQueue(ctx, item.id, "manager", at)] : []),
      ]);
      return { ...item, ...set };
    };
    return withRetry(once, {
      attempts: MAX_TRIES,
      retryable: isLeadRace,
      maxDelayMs: 200,
      exhausted: () => new ConflictError("version_conflict", "the lead kept changing while it was reviewed; try again"),
    });
  },
};
