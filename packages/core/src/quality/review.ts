import { z } from "zod";
import type { Ctx } from "../context.js";
import { moveLostReason } from "../counters/cohort-counters.js";
import { withRetry } from "../db/retry.js";
import { transact } from "../db/transact.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { enterQueue } from "../lead/callback-queue.js";
import { LeadEntity, type LeadItem } from "../lead/keys.js";
import { isLeadRace } from "../lead/lead-race.js";
import { findLeadItem } from "../lead/read-lead.js";
import { countedLostReason } from "../lead/quality-review.js";
import { lostReasonCategories } from "../lead/vocabulary.js";

/** Reviewing a lost lead; what a review is and how it counts is lead's (lead/quality-review.ts). */

/** `POST /api/leads/{id}/quality-review`. */
export const QualityReviewInput = z.strictObject({
  lostReasonCategory: z.enum(lostReasonCategories),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type QualityReviewInput = z.infer<typeof QualityReviewInput>;

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
