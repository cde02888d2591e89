import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { Hypotheses } from "../hypothesis/hypothesis.js";
import { Sources } from "../source/source.js";
import { findLeadItem } from "./read-lead.js";
import { LeadEntity, type LeadItem } from "./keys.js";
import { isPathStage, leadStages, rank, type LeadStage, type PathStage } from "../lead-stages.js";
import { clientTypes, tagNames, type TagName } from "./vocabulary.js";

/**
 * What sales staff record about a lead's client, so that leads can be analysed by who they are.
 * Sources and hypotheses can require tags from a stage on; `GET /api/quality` lists the leads
 * past that stage that still miss them.
 */

/** `PUT /api/leads/{id}/tags`: the lead's whole set of tags; a tag left out is cleared. */
export const LeadTagsInput = z.strictObject({
  clientType: z.enum(clientTypes).optional(),
  city: z.string().trim().min(1).max(200).optional(),
  storeCount: z.number().int().min(0).max(1_000_000).optional(),
  storeType: z.string().trim().min(1).max(200).optional(),
});
export type LeadTagsInput = z.infer<typeof LeadTagsInput>;

export type LeadTags = { clientType: (typeof clientTypes)[number] | null; city: string | null; storeCount: number | null; storeType: string | null };

/** `PUT /api/sources/{id}/required-tags` and `/api/hypotheses/{id}/required-tags`; an empty list drops the requirement. */
export const RequiredTagsInput = z.strictObject({
  fromStage: z.enum(leadStages).exclude(["lost"]),
  tags: z
    .array(z.enum(tagNames))
    .max(tagNames.length)
    .refine((tags) => new Set(tags).size === tags.length, { message: "each tag once" }),
});
export type RequiredTagsInput = z.infer<typeof RequiredTagsInput>;

export type RequirementOwner = { kind: "source" | "hypothesis"; id: string };
export type TagRequirement = { owner: RequirementOwner; fromStage: PathStage; tags: TagName[]; updatedAt: string | null };

/** All requirements share one partition (there are as many as sources and hypotheses), so the quality report reads them in one query. */
const REQUIREMENTS = "REQUIRED_TAGS";

const RequirementEntity = defineEntity({
  type: "requiredTags",
  schema: z.object({
    owner: z.object({ kind: z.enum(["source", "hypothesis"]), id: z.string() }),
    fromStage: z.enum(leadStages).exclude(["lost"]),
    tags: z.array(z.enum(tagNames)),
    // Always written; null only on the answer for an owner that set nothing.
    updatedAt: z.string().nullable(),
  }),
  key: ({ owner }: { owner: RequirementOwner }) => ({ pk: REQUIREMENTS, sk: `${owner.kind.toUpperCase()}#${owner.id}` }),
  // The partition holds requirements only.
  partition: { of: (_: object) => REQUIREMENTS },
});

/** The tags a lead carries, as the API shows them. */
export function leadTags(item: Pick<LeadItem, "tags">): LeadTags {
  const tags = item.tags ?? {};
  return { clientType: tags.clientType ?? null, city: tags.city ?? null, storeCount: tags.storeCount ?? null, storeType: tags.storeType ?? null };
}

/**
 * The required tags a lead misses: those of every requirement (of its source and of its
 * hypothesis) whose stage the lead has reached, lost or not. In `tagNames` order.
 * @example missingTags({furthestStage: "qualified", tags: {city: "Тула"}}, [{fromStage: "contacted", tags: ["city", "clientType"], ...}]) // -> ["clientType"]
 */
export function missingTags(lead: { furthestStage: PathStage; tags?: Partial<Record<TagName, unknown>> }, requirements: TagRequirement[]): TagName[] {
  const required = new Set(requirements.filter((r) => rank(lead.furthestStage) >= rank(r.fromStage)).flatMap((r) => r.tags));
  return tagNames.filter((tag) => required.has(tag) && (lead.tags?.[tag] ?? null) === null);
}

/**
 * Refuses a person's move of `lead` to `to` while the tags its source or hypothesis require by
 * then are missing: ConflictError `required_tags_missing` naming them. Losing a lead is never
 * refused (a lost lead reached no new stage). CRM webhooks and imports of past leads do not call
 * this: the CRM is the source of truth for where its deals stand, so those moves are only listed
 * by the quality report.
 */
export async function checkRequiredTags(ctx: Ctx, lead: LeadItem, to: LeadStage): Promise<void> {
  if (!isPathStage(to)) return;
  const owners: RequirementOwner[] = [{ kind: "source", id: lead.sourceId }, ...(lead.hypothesisId ? [{ kind: "hypothesis" as const, id: lead.hypothesisId }] : [])];
  const requirements = (await RequirementEntity.getMany(ctx, owners.map((owner) => ({ owner })), { consistent: true })).filter((r) => r.tags.length > 0);
  const furthestStage = rank(to) > rank(lead.furthestStage) ? to : lead.furthestStage;
  const missing = missingTags({ furthestStage, tags: lead.tags }, requirements);
  if (missing.length === 0) return;
  throw new ConflictError(
    "required_tags_missing",
    `the lead cannot move to ${to} before these required tags are set: ${missing.join(", ")} (PUT /api/leads/${lead.id}/tags)`,
    { stage: to, missing },
  );
}

export const LeadTagging = {
  /** Replaces the lead's tags. */
  async set(ctx: Ctx, leadId: string, input: LeadTagsInput): Promise<LeadItem> {
    const id = (await findLeadItem(ctx, leadId))?.id ?? leadId;
    const lead = await LeadEntity.update(ctx, { id }, { set: { tags: input, updatedAt: ctx.now().toISOString() } });
    if (!lead) throw new NotFoundError("lead", leadId);
    return lead;
  },
};

export const RequiredTags = {
  /** Sets what a source or hypothesis requires (404 when it does not exist; neither is ever deleted). */
  async set(ctx: Ctx, owner: RequirementOwner, input: RequiredTagsInput): Promise<TagRequirement> {
    await ownerExists(ctx, owner);
    const requirement: TagRequirement = { owner, fromStage: input.fromStage, tags: input.tags, updatedAt: ctx.now().toISOString() };
    await RequirementEntity.put(ctx, requirement);
    return requirement;
  },

  /** What a source or hypothesis requires; no tags when nothing was set. */
  async get(ctx: Ctx, owner: RequirementOwner): Promise<TagRequirement> {
    await ownerExists(ctx, owner);
    return (await RequirementEntity.get(ctx, { owner }, { consistent: true })) ?? { owner, fromStage: "new", tags: [], updatedAt: null };
  },

  /** Every requirement, in one query. */
  async all(ctx: Ctx): Promise<TagRequirement[]> {
    return (await RequirementEntity.inPartition(ctx, {})).filter((r) => r.tags.length > 0);
  },
};

async function ownerExists(ctx: Ctx, owner: RequirementOwner): Promise<void> {
  if (owner.kind === "source") await Sources.get(ctx, owner.id);
  else await Hypotheses.get(ctx, owner.id);
}
