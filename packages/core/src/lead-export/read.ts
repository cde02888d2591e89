import type { Ctx } from "../context.js";
import { DomainError } from "../errors.js";
import { dueHandovers, holderAt } from "../lead/holder.js";
import { LeadEntity, type LeadItem } from "../lead/keys.js";
import { addDays } from "../time.js";
import type { ExportFilters } from "./query.js";

/**
 * Most rows one export holds. The file is built in memory (an .xlsx cannot be streamed out of a
 * Lambda response as it is built), so a larger export is refused, asking for narrower filters.
 */
export const EXPORT_ROW_CAP = 20_000;
/** Leads read per index query. */
const PAGE = 500;

/**
 * The leads an export holds, newest first: through the narrowest listing a filter names (campaign,
 * hypothesis, person, else all leads), its arrival range narrowed by `from`/`to` (widened by a day
 * on each side, as the sort key is UTC and the days are the workspace's), the rest kept by
 * matching each lead. Page by page, never a Scan. Each lead has the person who has it now: a passed
 * hand-over reads as returned before the sweep writes it (lead/holder.ts), in its column and its filter.
 */
export async function exportedLeads(ctx: Ctx, filters: ExportFilters): Promise<LeadItem[]> {
  const now = ctx.now();
  const due = await dueHandovers(ctx, now);
  const held = (lead: LeadItem): LeadItem => ({ ...lead, assigneeId: holderAt(lead.assigneeId ?? null, due.get(lead.id) ?? [], now) ?? undefined });
  const sort =
    filters.from || filters.to ? { between: [filters.from ? addDays(filters.from, -1) : "0000", `${filters.to ? addDays(filters.to, 1) : "9999"}~`] as [string, string] } : undefined;
  const matches = (lead: LeadItem) =>
    (!filters.campaignId || lead.campaignId === filters.campaignId) &&
    (!filters.hypothesisId || lead.hypothesisId === filters.hypothesisId) &&
    (!filters.assigneeId || lead.assigneeId === filters.assigneeId) &&
    (!filters.sourceId || lead.sourceId === filters.sourceId) &&
    (!filters.stage || lead.stage === filters.stage) &&
    (!filters.from || lead.cohortDay >= filters.from) &&
    (!filters.to || lead.cohortDay <= filters.to);
  const page = (cursor: string | undefined) => {
    const options = { cursor, limit: PAGE, newestFirst: true, sort };
    if (filters.campaignId) return LeadEntity.page(ctx, "byCampaign", { campaignId: filters.campaignId }, options);
    if (filters.hypothesisId) return LeadEntity.page(ctx, "byHypothesis", { hypothesisId: filters.hypothesisId }, options);
    if (filters.assigneeId) return LeadEntity.page(ctx, "byAssignee", { assigneeId: filters.assigneeId }, options);
    return LeadEntity.page(ctx, "all", {}, options);
  };
  const leads: LeadItem[] = [];
  let cursor: string | undefined;
  do {
    const result = await page(cursor);
    leads.push(...result.items.map(held).filter(matches));
    if (leads.length > EXPORT_ROW_CAP) {
      const message = `an export holds at most ${EXPORT_ROW_CAP} leads; narrow it with filters (from/to, hypothesisId...)`;
      throw new DomainError("export_too_large", message, "too_large", { limit: EXPORT_ROW_CAP });
    }
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
  if (!filters.assigneeId) return leads;
  // The person's listing lacks the leads a passed hand-over gave back to them; the due hand-overs name them.
  const listed = new Set(leads.map((lead) => lead.id));
  const returned = [...due.values()].flat().filter((h) => h.from === filters.assigneeId && !listed.has(h.leadId));
  const back = await LeadEntity.getMany(ctx, [...new Set(returned.map((h) => h.leadId))].map((id) => ({ id })), { consistent: true });
  const arrival = (lead: LeadItem) => `${lead.createdAt}#${lead.id}`;
  return [...leads, ...back.filter((lead) => !lead.mergedInto).map(held).filter(matches)].sort((a, b) => arrival(b).localeCompare(arrival(a)));
}
