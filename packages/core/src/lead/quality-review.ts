import type { LeadItem } from "./keys.js";
import type { LostReasonCategory } from "./vocabulary.js";

/**
 * A quality review of a lost lead: someone looked at how it was worked and found that the
 * manager, not the client, failed. The lead keeps the reason it was lost with; the funnel's lost
 * reasons count it under `manager` instead, for as long as it stays lost with that reason (any
 * later stage change, restoring or re-giving a reason, ends the review: lead/outcomes.ts).
 * It is stored on the lead's item; quality/review.ts writes it.
 */

export type QualityReview = { lostReasonCategory: LostReasonCategory; note: string | null; at: string; actor: string };

/** The reason a lost lead is counted under in the lost-reason counters: a review's category wins over the reason given. */
export function countedLostReason(item: { lostReasonCategory?: string; lostReason?: string | null }): string | null {
  return item.lostReasonCategory ?? item.lostReason ?? null;
}

/** The review a lead carries, as the API shows it. */
export function qualityReviewOf(item: Pick<LeadItem, "lostReasonCategory" | "qualityReview">): QualityReview | null {
  if (!item.lostReasonCategory) return null;
  // The two are always written together (quality/review.ts); the optional reads keep an item that lacks the review readable.
  return { lostReasonCategory: item.lostReasonCategory, note: item.qualityReview?.note ?? null, at: item.qualityReview?.at!, actor: item.qualityReview?.actor! };
}
