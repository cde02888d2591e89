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
import { dueHandovers, handoversOf, holderAt, type HandoverFacts } from "./holder.js";
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
    const item = await readLeadItem(ctx, id);
    const holderId = await holderOf(ctx, item);
    assertLeadVisible(principal, { assigneeId: holderId }, id);
    if (!can(principal, "contacts.view.unlogged")) await ContactViews.record(ctx, principal, item.id, where);
    return toLead(item, holderId);
  },

  /** A lead a write just stored, as the API shows it: with the person who has it now (lead/holder.ts). */
  async shown(ctx: Ctx, item: LeadItem): Promise<Lead> {
    return toLead(item, await holderOf(ctx, item));
  },

  /**
   * Throws NotFoundError unless the lead `id` exists and `principal` may see it (its person now,
   * a passed hand-over read as returned); reads nothing for those who see every lead.
   */
  async assertVisible(ctx: Ctx, principal: Principal, id: string): Promise<void> {
    if (leadScope(principal) === undefined) return;
    const item = await findLeadItem(ctx, id);
    assertLeadVisible(principal, item ? { assigneeId: await holderOf(ctx, item) } : {}, id);
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
    const scope = leadScope(principal);
    const page = await listItems(ctx, scope, query);
    // Leads whose hand-over has passed but is not swept yet are listed with, and for, the person they went back to.
    const now = ctx.now();
    const due = await dueHandovers(ctx, now);
    const held = (item: LeadItem) => holderAt(item.assigneeId ?? null, due.get(item.id) ?? [], now);
    const items = scope === undefined ? page.items : await heldBy(ctx, scope, query, page, due, held);
    const leads = items.map((item) => toLead(item, held(item)));
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

/** Who has the stored lead now, from its own hand-overs (lead/holder.ts): one Query of its partition's hand-overs. */
async function holderOf(ctx: Ctx, item: LeadItem): Promise<string | null> {
  return holderAt(item.assigneeId ?? null, await handoversOf(ctx, item.id), ctx.now());
}

/**
 * A person's page as they hold it now: without the leads a passed hand-over gave back to someone
 * else, with those it gave back to them (from the unswept due hand-overs), by arrival.
 */
async function heldBy(
  ctx: Ctx,
  personId: string,
  query: ListLeadsQuery,
  page: { items: LeadItem[]; nextCursor: string | null },
  due: Map<string, HandoverFacts[]>,
  held: (item: LeadItem) => string | null,
): Promise<LeadItem[]> {
  // Only the first page adds them (a cursor's position is opaque), so paging on lists each once; they are few and swept within minutes.
  const listed = new Set(page.items.map((item) => item.id));
  const candidates = (query.cursor !== undefined ? [] : [...due.keys()]).filter((leadId) => !listed.has(leadId) && due.get(leadId)!.some((h) => h.from === personId));
  const returned = (await Promise.all(candidates.map((leadId) => findLeadItem(ctx, leadId)))).filter(
    // One already stored as theirs (the sweep ran) is in their own listing.
    (item): item is LeadItem => item !== null && !item.mergedInto && item.assigneeId !== personId && held(item) === personId && matchesFilters(query, item),
  );
  return [...page.items.filter((item) => held(item) === personId), ...returned].sort((a, b) => arrivalOf(b).localeCompare(arrivalOf(a)));
}

const arrivalOf = (item: LeadItem) => `${item.createdAt}#${item.id}`;

const matchesFilters = (query: ListLeadsQuery, lead: LeadItem) =>
  (!query.campaignId || lead.campaignId === query.campaignId) &&
  (!query.hypothesisId || lead.hypothesisId === query.hypothesisId) &&
  (!query.unattributed || lead.hypothesisId === null);

/**
 * A person's own leads, filtered by hypothesis or campaign within them: their listing has no such
 * index, so pages are read and the matches kept (every match of each page read, so paging on loses
 * none) until a screen is full, the listing ends or MAX_SCOPED_PAGES were read.
 */
async function ownLeads(ctx: Ctx, assigneeId: string, query: ListLeadsQuery): Promise<{ items: LeadItem[]; nextCursor: string | null }> {
  const filtered = Boolean(query.campaignId || query.hypothesisId || query.unattributed);
  const items: LeadItem[] = [];
  let cursor = query.cursor;
  for (let read = 0; read < MAX_SCOPED_PAGES; read++) {
    const page = await LeadEntity.page(ctx, "byAssignee", { assigneeId }, { cursor, limit: query.limit, newestFirst: true });
    items.push(...page.items.filter((lead) => matchesFilters(query, lead)));
    cursor = page.nextCursor ?? undefined;
    if (!filtered || !cursor || items.length >= query.limit) break;
  }
  return { items, nextCursor: cursor ?? null };
}

/**
 * A stored lead as the API shows it (money as a decimal string); `holderId` is who has it now
 * (lead/holder.ts), the stored person when the caller knows no hand-over has passed unswept.
 */
export function toLead(item: LeadItem, holderId: string | null = item.assigneeId ?? null): Lead {
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
    assigneeId: holderId,
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
