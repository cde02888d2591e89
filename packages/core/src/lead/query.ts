import { z } from "zod";
import { assertLeadVisible, leadScope } from "../access/lead-scope.js";
import { can } from "../access/permissions.js";
import type { Principal } from "../access/principal.js";
import { IdSchema } from "../db/key-limits.js";
import { Campaigns } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { InvalidInputError } from "../errors.js";
import { formatKopecks } from "../money.js";
import { qualityReviewOf } from "./quality-review.js";
import { contactAttemptSummary } from "./contact-attempts.js";
import { withMaskedContact } from "./contact-mask.js";
import { ContactViews, type ContactViewPlace } from "./contact-views.js";
import { findLeadItem, readLeadItem } from "./read-lead.js";
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

/** A manager's listing filtered by hypothesis or campaign reads at most this many pages of their own leads for one screen. */
const MAX_SCOPED_PAGES = 10;

export const Leads = {
  /**
   * One lead with its whole contact, as `principal` may see it (another's lead: NotFoundError, as
   * a missing id). A view by a role whose views are logged is written to the access log first.
   */
  async get(ctx: Ctx, principal: Principal, id: string, where: ContactViewPlace): Promise<Lead> {
    const item = await Leads.visibleItem(ctx, principal, id);
    if (!can(principal, "contacts.view.unlogged")) await ContactViews.record(ctx, principal, item.id, where);
    return toLead(item);
  },

  /** The stored lead (the survivor of a merged id) if `principal` may see it; NotFoundError otherwise, named by `id`. */
  async visibleItem(ctx: Ctx, principal: Principal, id: string): Promise<LeadItem> {
    const item = await readLeadItem(ctx, id);
    assertLeadVisible(principal, item, id);
    return item;
  },

  /** Throws NotFoundError unless the lead `id` exists and `principal` may see it; reads nothing for those who see every lead. */
  async assertVisible(ctx: Ctx, principal: Principal, id: string): Promise<void> {
    if (leadScope(principal) === undefined) return;
    const item = await findLeadItem(ctx, id);
    assertLeadVisible(principal, item ?? {}, id);
  },

  /**
   * Newest first, one index query per page (never a scan), narrowed to `principal`'s own leads for
   * a manager; contact details masked for those who may not list them.
   */
  async list(ctx: Ctx, principal: Principal, query: ListLeadsQuery): Promise<{ items: Lead[]; nextCursor: string | null }> {
    if (query.unattributed && (query.hypothesisId || query.campaignId)) {
      const message = "unattributed leads have no hypothesis or campaign: drop hypothesisId and campaignId";
      throw new InvalidInputError(message, [{ path: "unattributed", message }]);
    }
    const page = await listItems(ctx, leadScope(principal), query);
    const leads = page.items.map(toLead);
    return { items: can(principal, "contacts.list") ? leads : leads.map(withMaskedContact), nextCursor: page.nextCursor };
  },
};

async function listItems(ctx: Ctx, assigneeId: string | undefined, query: ListLeadsQuery): Promise<{ items: LeadItem[]; nextCursor: string | null }> {
  if (query.campaignId && query.hypothesisId) {
    // A campaign belongs to one hypothesis: either all its leads match or none do.
    const campaign = await Campaigns.get(ctx, query.campaignId);
    if (campaign.hypothesisId !== query.hypothesisId) return { items: [], nextCursor: null };
  }
  const options = { cursor: query.cursor, limit: query.limit, newestFirst: true };
  if (assigneeId !== undefined) return ownLeads(ctx, assigneeId, query);
  if (query.campaignId) return LeadEntity.page(ctx, "byCampaign", { campaignId: query.campaignId }, options);
  if (query.hypothesisId || query.unattributed) return LeadEntity.page(ctx, "byHypothesis", { hypothesisId: query.hypothesisId ?? null }, options);
  return LeadEntity.page(ctx, "all", {}, options);
}

/**
 * A person's own leads, filtered by hypothesis or campaign within them: their listing has no such
 * index, so pages are read and the matches kept (every match of each page read, so paging on loses
 * none) until a screen is full, the listing ends or MAX_SCOPED_PAGES were read.
 */
async function ownLeads(ctx: Ctx, assigneeId: string, query: ListLeadsQuery): Promise<{ items: LeadItem[]; nextCursor: string | null }> {
  const filtered = Boolean(query.campaignId || query.hypothesisId || query.unattributed);
  const matches = (lead: LeadItem) =>
    (!query.campaignId || lead.campaignId === query.campaignId) &&
    (!query.hypothesisId || lead.hypothesisId === query.hypothesisId) &&
    (!query.unattributed || lead.hypothesisId === null);
  const items: LeadItem[] = [];
  let cursor = query.cursor;
  for (let read = 0; read < MAX_SCOPED_PAGES; read++) {
    const page = await LeadEntity.page(ctx, "byAssignee", { assigneeId }, { cursor, limit: query.limit, newestFirst: true });
    items.push(...page.items.filter(matches));
    cursor = page.nextCursor ?? undefined;
    if (!filtered || !cursor || items.length >= query.limit) break;
  }
  return { items, nextCursor: cursor ?? null };
}

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
