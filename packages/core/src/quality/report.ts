import { z } from "zod";
import { IdSchema } from "../db/key-limits.js";
import type { Ctx } from "../context.js";
import { Hypotheses } from "../hypothesis/hypothesis.js";
import type { Hypothesis } from "../hypothesis/model.js";
import { LeadEntity, LeadSchema } from "../lead/keys.js";
import type { LeadStage, PathStage } from "../lead-stages.js";
import { missingTags, RequiredTags, type TagRequirement } from "../lead/tags.js";
import type { TagName } from "../lead/vocabulary.js";

/**
 * The lead-handling audit (`GET /api/quality`): per responsible person (the hypothesis'
 * `responsible`; leads of no hypothesis under "unassigned"), the leads past a required stage that
 * miss required tags, and the median time from a lead's arrival to its first contact attempt.
 *
 * Cost: unlike the KPI pages, which read counters, this reads every lead item - of the workspace
 * through the all-leads index (gsi3), or of one hypothesis through gsi1 - page by page, never a
 * Scan. A Query costs 0.5 RCU per 4 KB returned (eventually consistent), so 10,000 leads of about
 * 1.5 KB cost about 1,900 read units (well under a cent on demand) and about 15 sequential 1 MB
 * pages of latency. Fine for an audit page opened by a person; not for something polled.
 * `leadsRead` in the answer says how many leads one call read.
 */
export const QualityQuery = z.strictObject({ hypothesisId: IdSchema.optional() });
export type QualityQuery = z.infer<typeof QualityQuery>;

export const UNASSIGNED = "unassigned";
/** Lead ids listed per person; the count is always exact. */
export const LEAD_IDS_CAP = 100;

/** What the audit needs of a lead. */
export type AuditedLead = {
  id: string;
  hypothesisId: string | null;
  sourceId: string;
  stage: LeadStage;
  furthestStage: PathStage;
  tags?: Partial<Record<TagName, unknown>>;
  createdAt: string;
  firstAttemptAt?: string;
};

export type PersonQuality = {
  responsible: string;
  leads: number;
  missingTags: { count: number; leads: Array<{ id: string; stage: LeadStage; missing: TagName[] }>; truncated: boolean };
  /** Hours from arrival to the first attempt, over the leads that had one. */
  firstContact: { medianHours: number | null; leadsWithAttempt: number; leadsWithoutAttempt: number };
};

export type QualityReport = { hypothesisId: string | null; people: PersonQuality[]; leadsRead: number; asOf: string };

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const HOUR_MS = 3_600_000;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Groups leads by responsible person. A lead's requirements are its source's and its hypothesis'.
 * People come in name order, "unassigned" last; lead ids keep the order given (newest first from the listing).
 */
export function summarizeQuality(leads: AuditedLead[], requirements: TagRequirement[], responsibleOf: (hypothesisId: string | null) => string): PersonQuality[] {
  const byOwner = new Map(requirements.map((r) => [`${r.owner.kind}#${r.owner.id}`, r]));
  const groups = new Map<string, { leads: number; missing: PersonQuality["missingTags"]["leads"]; hours: number[] }>();
  for (const lead of leads) {
    const responsible = responsibleOf(lead.hypothesisId);
    let group = groups.get(responsible);
    if (!group) groups.set(responsible, (group = { leads: 0, missing: [], hours: [] }));
    group.leads += 1;
    const own = [byOwner.get(`source#${lead.sourceId}`), lead.hypothesisId ? byOwner.get(`hypothesis#${lead.hypothesisId}`) : undefined];
    const missing = missingTags(lead, own.filter((r): r is TagRequirement => r !== undefined));
    if (missing.length > 0) group.missing.push({ id: lead.id, stage: lead.stage, missing });
    if (lead.firstAttemptAt) group.hours.push((Date.parse(lead.firstAttemptAt) - Date.parse(lead.createdAt)) / HOUR_MS);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : a.localeCompare(b)))
    .map(([responsible, group]) => {
      const medianHours = median(group.hours);
      return {
        responsible,
        leads: group.leads,
        missingTags: { count: group.missing.length, leads: group.missing.slice(0, LEAD_IDS_CAP), truncated: group.missing.length > LEAD_IDS_CAP },
        firstContact: {
          medianHours: medianHours === null ? null : round2(medianHours),
          leadsWithAttempt: group.hours.length,
          leadsWithoutAttempt: group.leads - group.hours.length,
        },
      };
    });
}

/** `listed`: every hypothesis, when the caller reads them anyway (a page's filter), so they are not listed twice. */
export async function qualityReport(ctx: Ctx, query: QualityQuery, listed?: Promise<Hypothesis[]>): Promise<QualityReport> {
  const hypothesisId = query.hypothesisId ?? null;
  const [hypotheses, requirements, leads] = await Promise.all([
    hypothesisId ? Hypotheses.get(ctx, hypothesisId).then((h) => [h]) : (listed ?? Hypotheses.list(ctx)),
    RequiredTags.all(ctx),
    readLeads(ctx, hypothesisId),
  ]);
  const responsible = new Map(hypotheses.map((h) => [h.id, h.responsible]));
  const people = summarizeQuality(leads, requirements, (id) => (id ? (responsible.get(id) ?? UNASSIGNED) : UNASSIGNED));
  return { hypothesisId, people, leadsRead: leads.length, asOf: ctx.now().toISOString() };
}

/** What the audit reads of each lead item. */
const AuditedItem = LeadSchema.pick({ id: true, hypothesisId: true, sourceId: true, stage: true, furthestStage: true, tags: true, createdAt: true, firstAttemptAt: true });

/** Newest first, only the attributes the audit needs (AuditedItem). */
async function readLeads(ctx: Ctx, hypothesisId: string | null): Promise<AuditedLead[]> {
  const options = { newestFirst: true };
  return hypothesisId ? LeadEntity.allAs(ctx, "byHypothesis", { hypothesisId }, AuditedItem, options) : LeadEntity.allAs(ctx, "all", {}, AuditedItem, options);
}
