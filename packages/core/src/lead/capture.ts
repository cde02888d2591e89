import { Campaigns, type Attribution } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { addLostReason, addToDay, addWin, type CounterField } from "../counters/cohort-counters.js";
import { withRetry } from "../db/retry.js";
import { transact, TransactionCancelledError, type TransactItem } from "../db/transact.js";
import type { LeadFields } from "./incoming.js";
import { newId } from "../ids.js";
import { dayIn } from "../time.js";
import { assigneeOnArrival } from "./assignment.js";
import { ContactClaims, contactKeys, type Claim } from "./contact-claims.js";
import { LeadEntity, LeadRefEntity, stageChangeItem, type LeadItem, type Touch } from "./keys.js";
import { findLeadItem } from "./read-lead.js";
import { linkItems, samePersonLead } from "./same-person.js";
import { WonLeads } from "./won-leads.js";
import type { LeadStage, PathStage } from "../lead-stages.js";
import { reachedDelta } from "./stages.js";

/** A past deal's outcome, for leads loaded from a CRM's history. Money in kopecks. */
export type PastOutcome = {
  createdAt: Date;
  stage: LeadStage;
  amountKopecks: number | null;
  lostReason: string | null;
  /** When the deal was won or lost; its cohort day's win lands on this day (createdAt when absent). */
  closedAt: Date | null;
  /** Who loaded it, for the stage history (`key:<api key id>`). */
  actor: string;
};

/** A record, kept by whoever archived the delivery, of which lead the delivery became. */
export type CaptureMarker = {
  /** The transaction item recording `leadId`; named `captureMarker`, and new: its condition fails when the lead was captured before. */
  item: (leadId: string) => TransactItem;
  /** The lead recorded before. */
  capturedLead: () => Promise<string>;
};

export type CaptureRequest = {
  sourceId: string;
  /** The source's name when it delivered, kept on the touch so a lead page names its sources without reading them. */
  sourceName?: string;
  fields: LeadFields;
  /** The sender's `Idempotency-Key`, already made specific to this lead of the call. */
  idempotencyKey?: string | null;
  /**
   * The archive's record that the archived call's lead became this lead (intake/raw-archive.ts builds
   * it): written with the lead, its failed condition means a replay found the lead captured.
   */
  marker?: CaptureMarker;
  past?: PastOutcome;
};

/**
 * The lead's id, and whether it had been captured before (nothing was written or counted then).
 * `linked`: the delivery is the same person as a lead another source delivered (lead/same-person.ts),
 * so it joined that lead and counted nothing.
 */
export type CaptureResult = { id: string; duplicate: boolean; linked?: true };

// Real DynamoDB cancels transactions that race on one item (the counters, a reference) with
// TransactionConflict; a retry then either goes through or sees the winner's reference. Many
// sources delivering one person at once take turns on that lead's version and its contact claims.
const MAX_ATTEMPTS = 30;

/**
 * Stores a lead exactly once. One transaction writes the lead, its references (sender's id,
 * Idempotency-Key, archived call), its cohort-day counters and, for a past won deal, its win.
 * If any reference exists already, the lead is a duplicate and nothing is written or counted.
 */
export async function captureLead(ctx: Ctx, request: CaptureRequest): Promise<CaptureResult> {
  const attribution = await Campaigns.attribute(ctx, request.fields.utm.source, request.fields.utm.campaign);
  // Past leads are the CRM's own history, one deal each: they are neither joined nor claimed.
  const keys = request.past ? [] : contactKeys(request.fields.contact);
  // Resolved once, for a new lead only: a round robin's turn is not taken again by a retry or by a join.
  let assignee: Promise<string | null> | undefined;
  const assigneeOf = () => (assignee ??= arrivingAssignee(ctx, request));
  const attempt = async (): Promise<CaptureResult> => {
    const claims = await ContactClaims.read(ctx, keys);
    const now = ctx.now().toISOString();
    const joined = await samePersonLead(ctx, claims, { sourceIds: [request.sourceId], at: now });
    const { leadId, items, references } = joined
      ? joinItems(ctx, request, attribution, joined, claims)
      : captureItems(ctx, request, attribution, claims, await assigneeOf());
    try {
      await transact(ctx, items);
      return { id: leadId, duplicate: false, ...(joined ? { linked: true as const } : {}) };
    } catch (error) {
      const existing = error instanceof TransactionCancelledError && references.find((ref) => error.failedCondition(ref.name));
      if (existing) return { id: await existing.read(), duplicate: true };
      throw error;
    }
  };
  // Anything else that failed its condition (a claim taken or a joined lead changed meanwhile) or raced reads again.
  return withRetry(attempt, { attempts: MAX_ATTEMPTS, retryable: (error) => error instanceof TransactionCancelledError, maxDelayMs: 100 });
}

/** A reference the transaction writes, by its item's name, and how to read the lead it names when it exists already. */
type Reference = { name: "externalRef" | "idempotencyRef" | "captureMarker"; read: () => Promise<string> };

/** The new lead's person (lead/assignment.ts); a delivery whose sender's id was captured before takes no turn of the rule. */
async function arrivingAssignee(ctx: Ctx, request: CaptureRequest): Promise<string | null> {
  const { sourceId, fields, past } = request;
  const redelivered = async () => fields.externalId !== null && (await LeadRefEntity.get(ctx, { sourceId, externalId: fields.externalId }, { consistent: true })) !== undefined;
  return assigneeOnArrival(ctx, { sourceId, responsibleUserId: fields.crm?.responsibleUserId ?? null, byRule: !past, redelivered });
}

function captureItems(ctx: Ctx, request: CaptureRequest, attribution: Attribution | null, claims: Claim[], assigneeId: string | null) {
  const { fields, past, sourceId } = request;
  const leadId = newId();
  const now = ctx.now();
  const createdAt = past?.createdAt ?? now;
  const touch: Touch = { sourceId, ...(request.sourceName ? { sourceName: request.sourceName } : {}), externalId: fields.externalId, utm: fields.utm, campaignId: attribution?.campaignId ?? null, at: createdAt.toISOString() };
  const cohortDay = dayIn(createdAt, ctx.timeZone);
  const stage: LeadStage = past?.stage ?? "new";
  // A lead lost before it was loaded reached no stage we know of.
  const furthestStage: PathStage = stage === "lost" ? "new" : stage;
  const won = stage === "won" ? { won: 1, revenue: past!.amountKopecks!, day: dayIn(past!.closedAt ?? createdAt, ctx.timeZone) } : null;
  const campaignId = attribution?.campaignId ?? null;

  const lead = {
    id: leadId,
    externalId: fields.externalId,
    sourceId,
    contact: fields.contact,
    company: fields.company ?? null,
    utm: fields.utm,
    clickIds: fields.clickIds,
    landingUrl: fields.landingUrl,
    referrer: fields.referrer,
    responsibleUserId: fields.crm?.responsibleUserId ?? null,
    pipelineId: fields.crm?.pipelineId ?? null,
    campaignId,
    hypothesisId: attribution?.hypothesisId ?? null,
    contractorId: attribution?.contractorId ?? null,
    stage,
    furthestStage,
    amountKopecks: won ? won.revenue : null,
    lostReason: stage === "lost" ? past!.lostReason : null,
    cohortDay,
    createdAt: createdAt.toISOString(),
    updatedAt: now.toISOString(),
    // Stage changes (lead/outcomes.ts) are guarded by this version.
    version: 1,
    touches: [touch],
    ...(assigneeId ? { assigneeId } : {}),
    ...(won ? { wonDay: won.day } : {}),
  };

  const items: TransactItem[] = [LeadEntity.putItem(ctx, lead, "new", "lead")];
  const references = addReferences(ctx, request, leadId, items);
  // The person is this lead now (a claim of an older lead outside the window, or of one from this same source, moves here).
  items.push(...claims.map((claim) => ContactClaims.write(ctx, claim, leadId)));

  const counters: Partial<Record<CounterField, number>> = reachedDelta(null, furthestStage);
  if (stage === "lost") counters.lost = 1;
  if (won) counters.revenue = won.revenue;
  items.push(addToDay(ctx, campaignId, cohortDay, counters, won ? { winDay: won.day, won: 1 } : undefined));
  if (won) items.push(addWin(ctx, campaignId, cohortDay, won.day, { won: 1, revenue: won.revenue }), WonLeads.reference(ctx, leadId, won.day));
  if (stage === "lost" && past!.lostReason?.trim()) items.push(addLostReason(ctx, campaignId, cohortDay, past!.lostReason, 1));

  if (past && stage !== "new") {
    // The import is the lead's one stage change: kept in its history like any other.
    const at = (past.closedAt ?? past.createdAt).toISOString();
    items.push(
      stageChangeItem(ctx, {
        leadId,
        at,
        from: "new",
        to: stage,
        ...(won ? { amountKopecks: won.revenue } : {}),
        ...(stage === "lost" ? { lostReason: past.lostReason } : {}),
        actor: past.actor,
      }),
    );
  }
  return { leadId, items, references };
}

/** The writes that join a delivery to the lead of the same person another source delivered. */
function joinItems(ctx: Ctx, request: CaptureRequest, attribution: Attribution | null, lead: LeadItem, claims: Claim[]) {
  const leadId = lead.id;
  const items: TransactItem[] = linkItems(ctx, lead, { sourceId: request.sourceId, sourceName: request.sourceName, fields: request.fields, attribution, at: ctx.now().toISOString() });
  const references = addReferences(ctx, request, leadId, items);
  items.push(...claims.filter((claim) => claim.leadId !== leadId).map((claim) => ContactClaims.write(ctx, claim, leadId)));
  return { leadId, items, references };
}

/**
 * The delivery's references (sender's id, Idempotency-Key, archived call) pointing at `leadId`,
 * appended to `items`: any of them existing already means the delivery was captured before.
 */
function addReferences(ctx: Ctx, request: CaptureRequest, leadId: string, items: TransactItem[]): Reference[] {
  const { fields, sourceId } = request;
  const references: Reference[] = [];
  const createdAt = ctx.now().toISOString();
  if (fields.externalId) {
    const ref = { sourceId, externalId: fields.externalId };
    references.push({ name: "externalRef", read: () => readLeadReference(ctx, ref) });
    items.push(LeadRefEntity.putItem(ctx, { leadId, ...ref, createdAt }, "new", "externalRef"));
  }
  if (request.idempotencyKey) {
    const ref = { sourceId, idempotencyKey: request.idempotencyKey };
    references.push({ name: "idempotencyRef", read: () => readLeadReference(ctx, ref) });
    items.push(LeadRefEntity.putItem(ctx, { leadId, ...ref, createdAt }, "new", "idempotencyRef"));
  }
  const { marker } = request;
  if (marker) {
    references.push({ name: "captureMarker", read: () => marker.capturedLead().then((id) => survivingId(ctx, id)) });
    items.push(marker.item(leadId));
  }
  return references;
}

/** A merged lead's references answer with the lead that absorbed it. */
async function survivingId(ctx: Ctx, leadId: string): Promise<string> {
  return (await findLeadItem(ctx, leadId))?.id ?? leadId;
}

async function readLeadReference(ctx: Ctx, ref: { sourceId: string; externalId?: string; idempotencyKey?: string }): Promise<string> {
  const reference = await LeadRefEntity.get(ctx, ref, { consistent: true });
  return survivingId(ctx, reference!.leadId);
}
