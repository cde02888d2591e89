import type { Attribution } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import type { TransactItem } from "../db/transact.js";
import type { LeadFields, Utm } from "./incoming.js";
import { DEFAULT_DEDUP_WINDOW_DAYS } from "../config.js";
import type { Claim } from "./contact-claims.js";
import { CounterLedger } from "./counter-ledger.js";
import { leadListingsOf, leadUpdate, type LeadItem, type Touch } from "./keys.js";
import { findLeadItem } from "./read-lead.js";

/**
 * One person, one lead. A contact that arrives again from another source (same E.164 phone or same
 * lower-cased e-mail) within the workspace's window of the lead's first arrival joins that lead:
 * its delivery becomes a touch of the lead, its sender's id a reference to it, and nothing is
 * counted again. The first touch matched to a campaign gives the lead its attribution.
 */

type Touched = Pick<LeadItem, "touches" | "sourceId" | "externalId" | "utm" | "campaignId" | "createdAt">;

/** A lead's touches, oldest first; a lead stored before touches were kept has its own arrival as the one touch. */
export function touchesOf(item: Touched): Touch[] {
  return item.touches ?? [{ sourceId: item.sourceId, externalId: item.externalId, utm: item.utm, campaignId: item.campaignId, at: item.createdAt }];
}

/** The sources that delivered a lead, in the order they first did. */
export const sourcesOf = (item: Touched): string[] => [...new Set(touchesOf(item).map((touch) => touch.sourceId))];

const DAY_MS = 86_400_000;
const windowDays = (ctx: Ctx) => ctx.dedupWindowDays ?? DEFAULT_DEDUP_WINDOW_DAYS;

/** Whether two arrivals are close enough to be one person's one enquiry (a window of 0 days links nothing). */
export function withinWindow(ctx: Ctx, a: string, b: string): boolean {
  const days = windowDays(ctx);
  return days > 0 && Math.abs(Date.parse(a) - Date.parse(b)) <= days * DAY_MS;
}

/**
 * The earliest lead the claims name that an arrival from `sourceIds` at `at` joins: within the
 * window and delivered by none of those sources (a second deal or form from the same source is the
 * person's new enquiry, and stays a lead of its own). `except` is the arriving lead itself, when it exists.
 */
export async function samePersonLead(ctx: Ctx, claims: Claim[], arrival: { sourceIds: string[]; at: string; except?: string }): Promise<LeadItem | null> {
  const ids = [...new Set(claims.map((claim) => claim.leadId).filter((id): id is string => id !== null && id !== arrival.except))];
  const leads = await Promise.all(ids.map((id) => findLeadItem(ctx, id)));
  const joinable = leads.filter(
    (lead): lead is LeadItem =>
      lead !== null && lead.id !== arrival.except && withinWindow(ctx, lead.createdAt, arrival.at) && !sourcesOf(lead).some((s) => arrival.sourceIds.includes(s)),
  );
  return joinable.sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id))[0] ?? null;
}

/** Contact fields the lead lacks, filled from another delivery of the same person. */
export function filledContact(mine: LeadFields["contact"], theirs: LeadFields["contact"]): LeadFields["contact"] {
  return { name: mine.name ?? theirs.name, phone: mine.phone ?? theirs.phone, email: mine.email ?? theirs.email };
}

/**
 * The writes that join a delivery to `lead` (as read, guarded by its version): the touch, missing
 * contact fields, and, when the lead had no campaign and this touch has one, the attribution, its
 * listings and its counters moved from the unattributed to the campaign's.
 */
export function linkItems(ctx: Ctx, lead: LeadItem, arrival: { sourceId: string; sourceName?: string; fields: LeadFields; attribution: Attribution | null; at: string }): TransactItem[] {
  const { fields, attribution } = arrival;
  const touch: Touch = { sourceId: arrival.sourceId, ...(arrival.sourceName ? { sourceName: arrival.sourceName } : {}), externalId: fields.externalId, utm: fields.utm, campaignId: attribution?.campaignId ?? null, at: arrival.at };
  const takesAttribution = !lead.campaignId && attribution !== null;
  const set: Record<string, unknown> = {
    touches: [...touchesOf(lead), touch],
    contact: filledContact(lead.contact, fields.contact),
    updatedAt: arrival.at,
    version: lead.version + 1,
  };
  if (!lead.company && fields.company) set.company = fields.company;
  if (!lead.responsibleUserId && fields.crm?.responsibleUserId) set.responsibleUserId = fields.crm.responsibleUserId;
  const items: TransactItem[] = [];
  if (takesAttribution) {
    Object.assign(set, attributionOf(lead, attribution, fields));
    items.push(...new CounterLedger().count(lead, -1).count({ ...lead, campaignId: attribution.campaignId }, 1).items(ctx));
  }
  return [leadUpdate(ctx, lead, set), ...items];
}

/** The attributes a lead takes with a campaign's attribution: the touch's labels and the listings under it. */
export function attributionOf(lead: LeadItem, attribution: Attribution, fields: { utm: Utm; clickIds: LeadFields["clickIds"] }): Record<string, unknown> {
  const listed = leadListingsOf({ id: lead.id, createdAt: lead.createdAt, hypothesisId: attribution.hypothesisId, campaignId: attribution.campaignId });
  return { ...attribution, utm: fields.utm, clickIds: fields.clickIds, ...listed };
}
