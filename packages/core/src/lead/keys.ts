import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { tableDefinition } from "../db/table.js";
import type { TransactItem } from "../db/transact.js";
import { newId } from "../ids.js";
import { leadStages } from "../lead-stages.js";
import { clientTypes, lostReasonCategories, timesOfDay } from "./vocabulary.js";

/*
 * Where leads live. A lead is one item, listed by hypothesis (or as unattributed), by campaign, by
 * assignee and among all leads, each sorted by arrival. Its stage history, contact attempts,
 * call-back outcomes and hand-overs sort under it in its partition. A reference item per (source, externalId) and per (source, Idempotency-Key) makes
 * capture idempotent and lets a CRM status webhook find the lead by its CRM id.
 */

const text = z.string().nullable().default(null);
const utm = z.object({ source: text, medium: text, campaign: text, content: text, term: text });

/** One delivery of a lead: which source sent it, its id there, its UTM labels and the campaign they matched. */
export const TouchSchema = z.object({
  sourceId: z.string(),
  sourceName: z.string().optional(),
  externalId: z.string().nullable(),
  utm,
  campaignId: z.string().nullable(),
  at: z.string(),
});
export type Touch = z.infer<typeof TouchSchema>;

/** The unanswered contact attempts since the lead was last reached (lead/contact-attempts.ts). */
export const UnansweredRunSchema = z.object({ count: z.number(), days: z.array(z.string()), timesOfDay: z.array(z.enum(timesOfDay)), assigneeId: z.string().optional() });

/**
 * A lead as stored. Fields capture writes today but older items may lack are nullable with a default;
 * fields only later writes add (a stage change, an attempt, tags, a review, a merge) stay optional,
 * so an item is written back exactly as it was read (no attribute appears that was not there).
 */
export const LeadSchema = z.object({
  id: z.string(),
  externalId: text,
  sourceId: z.string(),
  contact: z.object({ name: text, phone: text, email: text }),
  company: z.object({ name: text, inn: text }).nullable().default(null),
  utm,
  clickIds: z.object({ yclid: z.string().optional(), gclid: z.string().optional() }).default({}),
  landingUrl: text,
  referrer: text,
  responsibleUserId: text,
  /** The person of the sales department the lead is assigned to (people/person.ts); absent while nobody is. */
  assigneeId: z.string().optional(),
  pipelineId: text,
  campaignId: text,
  hypothesisId: text,
  contractorId: text,
  stage: z.enum(leadStages),
  furthestStage: z.enum(leadStages).exclude(["lost"]),
  amountKopecks: z.number().nullable().default(null),
  lostReason: text,
  /** The CRM's loss reason id of a lost lead (set along with a CRM's status change). */
  lossReasonId: z.string().nullable().optional(),
  /** The day the deal was won; every won lead keeps it. */
  wonDay: z.string().optional(),
  cohortDay: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Stage changes, attempts, joins, merges and reviews are guarded by it. */
  version: z.number(),
  /** Absent on leads stored before touches were kept (lead/same-person.ts touchesOf). */
  touches: z.array(TouchSchema).optional(),
  attemptCount: z.number().optional(),
  firstAttemptAt: z.string().optional(),
  /** Who made the earliest attempt (the person, when the key is bound to one): time to first contact per manager. */
  firstAttemptBy: z.object({ personId: z.string().nullable(), name: z.string().nullable() }).optional(),
  unansweredRun: UnansweredRunSchema.optional(),
  tags: z
    .object({ clientType: z.enum(clientTypes).optional(), city: z.string().optional(), storeCount: z.number().optional(), storeType: z.string().optional() })
    .optional(),
  lostReasonCategory: z.enum(lostReasonCategories).optional(),
  qualityReview: z.object({ note: z.string().nullable(), at: z.string(), actor: z.string() }).optional(),
  /** The last call-back of the head of sales (callbacks/callbacks.ts): a lead called back is no longer untouched. */
  lastCallback: z.object({ at: z.string(), result: z.string() }).optional(),
  /** A lead merged into another (lead/lead-merge.ts) is an alias of it: it names the lead that absorbed it. */
  mergedInto: z.string().optional(),
});
export type LeadItem = z.infer<typeof LeadSchema>;

type Listed = { id: string; createdAt: string; hypothesisId: string | null; campaignId: string | null; assigneeId?: string | null };
const arrival = (lead: Listed) => `${lead.createdAt}#${lead.id}`;

export const LeadEntity = defineEntity({
  type: "lead",
  schema: LeadSchema,
  key: ({ id }: { id: string }) => ({ pk: `LEAD#${id}`, sk: "LEAD" }),
  /** Its stage history, contact attempts, call-back outcomes and hand-overs sort under it (lead/partition.ts reads them together). */
  partition: { of: ({ leadId }: { leadId: string }) => `LEAD#${leadId}`, sortKey: "LEAD" },
  patterns: {
    /** The leads of a hypothesis; null: the unattributed leads. */
    byHypothesis: { index: "gsi1", partition: ({ hypothesisId }: { hypothesisId: string | null }) => (hypothesisId ? `LEADS#HYP#${hypothesisId}` : "LEADS#UNATTRIBUTED"), sort: arrival },
    byCampaign: { index: "gsi2", partition: ({ campaignId }: { campaignId: string | null }) => (campaignId ? `LEADS#CAMPAIGN#${campaignId}` : null), sort: arrival },
    all: { index: "gsi3", partition: (_: object) => "LEADS", sort: arrival },
    /** A person's leads: what a manager's key lists. */
    byAssignee: { index: "gsi4", partition: ({ assigneeId }: { assigneeId?: string | null }) => (assigneeId ? `LEADS#PERSON#${assigneeId}` : null), sort: arrival },
  },
});

/** The listing attributes a lead has (or would have with this attribution): an update that moves it sets them. */
export function leadListingsOf(lead: Listed): Record<string, string> {
  const item = LeadEntity.item(lead as LeadItem);
  return Object.fromEntries(leadListingAttributes.filter((name) => name in item).map((name) => [name, item[name] as string]));
}

/** Every listing attribute a lead may carry: a lead merged away drops them all and leaves every listing. */
export const leadListingAttributes = Object.values(LeadEntity.patterns).flatMap(({ index }) => {
  const { partitionKey, sortKey } = tableDefinition.globalIndexes[index];
  return [partitionKey, sortKey];
});

/**
 * An update of a lead as read: SET every attribute in `set` and REMOVE those in `remove`, provided
 * its version has not moved. Named "lead" unless the transaction updates two leads (a merge).
 */
export function leadUpdate(ctx: Ctx, lead: LeadItem, set: Record<string, unknown>, remove: string[] = [], name = "lead"): TransactItem {
  // Its own placeholder: `set` usually sets the version too.
  const unchanged = { expression: "#readVersion = :readVersion", names: { "#readVersion": "version" }, values: { ":readVersion": lead.version } };
  return LeadEntity.updateItem(ctx, { id: lead.id }, { set, remove }, unchanged, name);
}

/** A reference from a sender's id (`externalId`) or `Idempotency-Key` to the lead it delivered. */
export const LeadRefEntity = defineEntity({
  type: "leadRef",
  schema: z.object({ leadId: z.string(), sourceId: z.string(), externalId: z.string().optional(), idempotencyKey: z.string().optional(), createdAt: z.string() }),
  key: (ref: { sourceId: string; externalId?: string; idempotencyKey?: string }) =>
    ref.externalId !== undefined ? { pk: `LEADREF#${ref.sourceId}#ext#${ref.externalId}`, sk: "LEADREF" } : { pk: `LEADREF#${ref.sourceId}#idem#${ref.idempotencyKey}`, sk: "LEADREF" },
});

/**
 * One item per won lead under the month it was won, written in the transaction that makes it won
 * (won is final): reconciliation lists a period's won leads with a query per month, not a scan.
 */
export const WonLeadEntity = defineEntity({
  type: "wonLeadRef",
  schema: z.object({ leadId: z.string(), wonDay: z.string() }),
  key: ({ wonDay, leadId }: { wonDay: string; leadId: string }) => ({ pk: wonMonthPartition(wonDay), sk: `${wonDay}#${leadId}` }),
  partition: { of: ({ month }: { month: string }) => wonMonthPartition(`${month}-01`) },
});

/** The partition of the leads won in `day`'s month. */
export const wonMonthPartition = (day: string) => `WONLEADS#${day.slice(0, 7)}`;

/** One kept stage change; `actor` is `key:<api key id>` for people, `crm:<source id>` for CRM webhooks. */
export const StageChangeSchema = z.object({
  leadId: z.string(),
  at: z.string(),
  from: z.enum(leadStages),
  to: z.enum(leadStages),
  amountKopecks: z.number().nullable().optional(),
  lostReason: z.string().nullable().optional(),
  actor: z.string(),
  /** Who acted in words (the key's or its person's name) when the key had one; older items hold none. */
  actorName: z.string().optional(),
  /** The lead merged into this one, when the merge gave it its stage. */
  mergedFrom: z.string().optional(),
});
export type StageChangeItem = z.infer<typeof StageChangeSchema>;

/** The sort key prefix of the stage history under its lead. */
export const STAGE_PREFIX = "STAGE#";

/**
 * Stage history items sort by time under the lead. The item does not hold the id that makes its
 * key unique (it never did), so the key takes it beside the item's own attributes.
 */
export const StageChangeEntity = defineEntity({
  type: "leadStageChange",
  schema: StageChangeSchema,
  key: ({ leadId, at, id }: { leadId: string; at: string; id: string }) => ({ pk: LeadEntity.key({ id: leadId }).pk, sk: `${STAGE_PREFIX}${at}#${id}` }),
  partition: { of: ({ leadId }: { leadId: string }) => LeadEntity.key({ id: leadId }).pk, sortPrefix: STAGE_PREFIX },
});

/** The put of a new stage change, under a fresh id, as the transaction item named "stageChange". */
export function stageChangeItem(ctx: Ctx, change: StageChangeItem): TransactItem {
  return StageChangeEntity.putItem(ctx, change, "new", "stageChange", { leadId: change.leadId, at: change.at, id: newId() });
}
