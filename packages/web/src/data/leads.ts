import type { Ctx } from "@parom/core";
import { assertLeadVisible, can, type Principal } from "@parom/core/access";
import { Hypotheses } from "@parom/core/hypothesis";
import type { Lead, LeadStage } from "@parom/core/lead";
import { ContactViews, Leads, type ListLeadsQuery, readLeadPartition } from "@parom/core/lead";

/** Index pages read at most for one screen of leads in a stage, so a rare stage cannot make a page slow. */
const MAX_PAGES = 10;

/**
 * A page of leads, newest first. The listing has no stage index, so a stage filter reads pages of
 * the listing and keeps the matches (every match of each page read, so paging on loses none) until
 * a screen is full, the listing ends or MAX_PAGES were read.
 */
export async function leadsPage(ctx: Ctx, principal: Principal, query: ListLeadsQuery, stage?: LeadStage): Promise<{ items: Lead[]; nextCursor: string | null }> {
  if (!stage) return Leads.list(ctx, principal, query);
  const items: Lead[] = [];
  let cursor = query.cursor;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await Leads.list(ctx, principal, { ...query, cursor });
    items.push(...result.items.filter((lead) => lead.stage === stage));
    cursor = result.nextCursor ?? undefined;
    if (!cursor || items.length >= query.limit) break;
  }
  return { items, nextCursor: cursor ?? null };
}

/**
 * A lead with its stage history, its contact attempts (one Query of its partition) and its
 * hypothesis (null when unattributed), read as soon as the lead names it: two requests. Another
 * person's lead is not found for a manager (as GET /api/leads/{id}); the view of the whole contact
 * is logged for those whose views are.
 */
export async function leadDetail(ctx: Ctx, principal: Principal, id: string) {
  const partition = await readLeadPartition(ctx, id);
  assertLeadVisible(principal, partition.lead, id);
  if (!can(principal, "contacts.view.unlogged")) await ContactViews.record(ctx, principal, partition.lead.id, "web");
  // The sales department reads no hypotheses: their lead page names none.
  const hypothesis = partition.lead.hypothesisId && can(principal, "hypotheses.read") ? await Hypotheses.get(ctx, partition.lead.hypothesisId) : null;
  return { ...partition, hypothesis };
}
