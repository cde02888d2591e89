import { z } from "zod";
import { IdSchema } from "../db/key-limits.js";
import { Campaigns } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { InvalidInputError } from "../errors.js";
import { formatKopecks } from "../money.js";
import { qualityReviewOf } from "../quality/review.js";
import { contactAttemptSummary } from "./contact-attempts.js";
import { readLeadItem } from "./read-lead.js";
import { sourcesOf, touchesOf } from "./same-person.js";
import type { Lead } from "./lead.js";
import { LeadEntity, type LeadItem } from "./keys.js";
import { leadTags } from "./tags.js";

/** `GET /api/leads` filters: one of hypothesis, campaign or unattributed (or none for all leads). */
export const ListLeadsQuery = z
  .strictObject({
    hypothesisId: IdSchema.optional(),
    campaignId: IdSchema.optional(),
    unattributed: z.enum(["true", "false"]).optional(),
    cursor: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .transform((q) => ({ ...q, unattributed: q.unattributed === "true" }));
export type ListLeadsQuery = z.infer<typeof ListLeadsQuery>;

export const Leads = {
  async get(ctx: Ctx, id: string): Promise<Lead> {
    return toLead(await readLeadItem(ctx, id));
  },

  /** Newest first, one index query per page (never a scan). */
  async list(ctx: Ctx, query: ListLeadsQuery): Promise<{ items: Lead[]; nextCursor: string | null }> {
    if (query.unattributed && (query.hypothesisId || query.campaignId)) {
      const message = "unattributed leads have no hypothesis or campaign: drop hypothesisId and campaignId";
      throw new InvalidInputError(message, [{ path: "unattributed", message }]);
    }
    if (query.campaignId && query.hypothesisId) {
      // A campaign belongs to one hypothesis: either all its leads match or none do.
      const campaign = await Campaigns.get(ctx, query.campaignId);
      if (campaign.hypothesisId !== query.hypothesisId) return { items: [], nextCursor: null };
    }
    const options = { cursor: query.cursor, limit: query.limit, newestFirst: true };
    const page = query.campaignId
      ? await LeadEntity.page(ctx, "byCampaign", { campaignId: query.campaignId }, options)
      : query.hypothesisId || query.unattributed
        ? await LeadEntity.page(ctx, "byHypothesis", { hypothesisId: query.hypothesisId ?? null }, options)
        : await LeadEntity.page(ctx, "all", {}, options);
    return { items: page.items.map(toLead), nextCursor: page.nextCursor };
  },
};

/** A stored lead as the API shows it (money as a decimal string). */
export function toLead(item: LeadItem): Lead {
  return {
    id: item.id,
    externalId: item.externalId,
    sourceId: item.sourceId,
    contact: item.contact,
    company: item.company,
    utm: item.utm,
    clickIds: item.clickIds,
    landingUrl: item.landingUrl,
    referrer: item.referrer,
    campaignId: item.campaignId,
    hypothesisId: item.hypothesisId,
    contractorId: item.contractorId,
    stage: item.stage,
    furthestStage: item.furthestStage,
    amount: item.amountKopecks === null ? null : formatKopecks(item.amountKopecks),
    lostReason: item.lostReason,
    lossReasonId: item.stage === "lost" ? (item.lossReasonId ?? null) : null,
    responsibleUserId: item.responsibleUserId,
    assigneeId: item.assigneeId ?? null,
    pipelineId: item.pipelineId,
    sources: sourcesOf(item),
    touches: touchesOf(item),
    contactAttempts: contactAttemptSummary(item),
    tags: leadTags(item),
    qualityReview: qualityReviewOf(item),
    cohortDay: item.cohortDay,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
