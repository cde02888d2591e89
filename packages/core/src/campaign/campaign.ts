import { z } from "zod";
import { ContractorEntity } from "../contractor/contractor.js";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { transact, TransactionCancelledError, type TransactItem } from "../db/transact.js";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors.js";
import { IdSchema, UTM_KEY_PART_MAX_BYTES, utf8Bytes } from "../db/key-limits.js";
import { newId } from "../ids.js";

/**
 * A contractor's ad campaign (or any cost center such as a bought call base), recognised on
 * leads and spend rows by its (utm_source, utm_campaign) pair.
 */
export type Campaign = {
  id: string;
  hypothesisId: string;
  contractorId: string | null;
  utmSource: string;
  utmCampaign: string;
  /** Further ids the ad platform knows this campaign by, beside its utm_campaign (spend exports name campaigns by id). */
  platformCampaignIds: string[];
  /**
   * False for a campaign with no ad cost to import (organic, a cold base whose cost is entered
   * otherwise): its cost KPIs take whatever spend was recorded. A paid campaign's cost KPIs wait
   * until every day with leads has its spend recorded.
   */
  paid: boolean;
  createdAt: string;
};

/** Who a lead or a spend row belongs to. */
export type Attribution = { campaignId: string; hypothesisId: string; contractorId: string | null };

export const PlatformCampaignIds = z.array(z.string().trim().min(1).max(100)).max(50);

/** A UTM value that fits the campaign claim key as it is written there (percent-encoded: one Cyrillic letter is 6 bytes). */
const utmKeyFits = (value: string) => utmKeyPartBytes(value) <= UTM_KEY_PART_MAX_BYTES;
const utmKeyMessage = `at most ${UTM_KEY_PART_MAX_BYTES} bytes once percent-encoded`;

export const CreateCampaignInput = z.strictObject({
  utmSource: z.string().trim().min(1).max(200).refine(utmKeyFits, utmKeyMessage),
  utmCampaign: z.string().trim().min(1).max(500).refine(utmKeyFits, utmKeyMessage),
  contractorId: IdSchema.optional(),
  platformCampaignIds: PlatformCampaignIds.optional(),
  paid: z.boolean().optional(),
});
export type CreateCampaignInput = z.output<typeof CreateCampaignInput>;

/**
 * What the hypothesis a new campaign joins puts into the campaign's transaction: a check named
 * "hypothesis" that fails unless it takes new campaigns, and the error that failure means. The
 * hypothesis decides (`Hypotheses.addCampaign`); campaign never reads hypotheses.
 */
export type HypothesisCheck = { check: TransactItem; refused: () => Promise<Error> };

/** What PATCH /api/campaigns/{id} changes: for now whether the campaign is paid. */
export const UpdateCampaignInput = z.strictObject({ paid: z.boolean() });

export const PlatformIdsInput = z.strictObject({ ids: PlatformCampaignIds });

/** Campaign ids are ULIDs (26 characters): a longer one names no campaign and is refused before it reaches a key. */
export const MAX_CAMPAIGN_ID = 64;

/** Refuses an id no campaign can have, naming the field it came in. */
export function assertCampaignId(id: string, field = "id"): void {
  if (id.length > MAX_CAMPAIGN_ID) throw new InvalidInputError(`${field} is longer than ${MAX_CAMPAIGN_ID} characters`, [{ path: field, message: `at most ${MAX_CAMPAIGN_ID} characters` }]);
}

/** UTM values are matched trimmed and lower-cased: "VK " and "vk" are one source. */
export function utmMatchValue(value: string): string {
  return value.trim().toLowerCase();
}

/** A UTM value as the campaign claim key holds it. */
function utmKeyPart(value: string): string {
  return encodeURIComponent(utmMatchValue(value));
}

/**
 * The bytes `value` takes in the campaign claim key; Infinity for text that cannot be encoded
 * (a lone UTF-16 surrogate), which no key can hold either.
 */
export function utmKeyPartBytes(value: string): number {
  try {
    return utf8Bytes(utmKeyPart(value));
  } catch {
    return Infinity;
  }
}

/** A campaign as stored: one item, listed by its hypothesis, by its contractor (when it has one) and with all campaigns. */
export const CampaignEntity = defineEntity({
  type: "campaign",
  schema: z.object({
    id: z.string(),
    hypothesisId: z.string(),
    contractorId: z.string().nullable().default(null),
    utmSource: z.string(),
    utmCampaign: z.string(),
    platformCampaignIds: z.array(z.string()).default([]),
    // Campaigns stored before the flag existed were all treated as paid.
    paid: z.boolean().default(true),
    createdAt: z.string(),
  }),
  key: ({ id }: { id: string }) => ({ pk: `CAMPAIGN#${id}`, sk: "CAMPAIGN" }),
  patterns: {
    byHypothesis: { index: "gsi1", partition: ({ hypothesisId }: { hypothesisId: string }) => `CAMPAIGNS#HYP#${hypothesisId}`, sort: (c: { id: string }) => c.id },
    byContractor: {
      index: "gsi2",
      partition: ({ contractorId }: { contractorId: string | null }) => (contractorId ? `CAMPAIGNS#CONTRACTOR#${contractorId}` : null),
      sort: (c: { id: string }) => c.id,
    },
    all: { index: "gsi3", partition: (_: object) => "CAMPAIGNS", sort: (c: { id: string }) => c.id },
  },
});

/**
 * One item per (source, campaign) pair: it makes the pair unique and finds the campaign in one
 * read. Its key is made of the pair, which the item itself does not hold.
 */
export const UtmClaimEntity = defineEntity({
  type: "utmClaim",
  schema: z.object({ campaignId: z.string(), hypothesisId: z.string(), contractorId: z.string().nullable().default(null) }),
  key: ({ utmSource, utmCampaign }: { utmSource: string; utmCampaign: string }) => ({
    pk: `UTM#${utmKeyPart(utmSource)}#${utmKeyPart(utmCampaign)}`,
    sk: "UTM",
  }),
});

export const Campaigns = {
  /** A campaign of `hypothesisId`, written only if the hypothesis' check passes in the same transaction. */
  async create(ctx: Ctx, hypothesisId: string, input: CreateCampaignInput, hypothesis: HypothesisCheck): Promise<Campaign> {
    const campaign: Campaign = {
      id: newId(),
      hypothesisId,
      contractorId: input.contractorId ?? null,
      utmSource: input.utmSource,
      utmCampaign: input.utmCampaign,
      platformCampaignIds: distinctIds(input.platformCampaignIds ?? []),
      paid: input.paid ?? true,
      createdAt: ctx.now().toISOString(),
    };
    const attribution: Attribution = { campaignId: campaign.id, hypothesisId, contractorId: campaign.contractorId };
    const pair = { utmSource: input.utmSource, utmCampaign: input.utmCampaign };
    try {
      await transact(ctx, [
        // Checked in this transaction, so a change of the hypothesis racing this write cannot slip past.
        hypothesis.check,
        ...(input.contractorId ? [ContractorEntity.checkItem(ctx, { id: input.contractorId }, "exists", "contractor")] : []),
        // The claim's key is the pair it does not hold.
        UtmClaimEntity.putItem(ctx, attribution, "new", "utmClaim", pair),
        CampaignEntity.putItem(ctx, campaign, "new", "campaign"),
      ]);
    } catch (error) {
      if (!(error instanceof TransactionCancelledError)) throw error;
      if (error.failedCondition("hypothesis")) throw await hypothesis.refused();
      if (input.contractorId && error.failedCondition("contractor")) throw new NotFoundError("contractor", input.contractorId);
      if (error.failedCondition("utmClaim")) {
        throw new ConflictError(
          "utm_taken",
          `utm_source=${utmMatchValue(input.utmSource)} with utm_campaign=${utmMatchValue(input.utmCampaign)} already belongs to another campaign`,
        );
      }
      throw error;
    }
    return campaign;
  },

  async get(ctx: Ctx, id: string): Promise<Campaign> {
    const campaign = await CampaignEntity.get(ctx, { id });
    if (!campaign) throw new NotFoundError("campaign", id);
    return campaign;
  },

  async listByHypothesis(ctx: Ctx, hypothesisId: string): Promise<Campaign[]> {
    return CampaignEntity.all(ctx, "byHypothesis", { hypothesisId });
  },

  async listByContractor(ctx: Ctx, contractorId: string): Promise<Campaign[]> {
    return CampaignEntity.all(ctx, "byContractor", { contractorId });
  },

  async list(ctx: Ctx): Promise<Campaign[]> {
    return CampaignEntity.all(ctx, "all", {});
  },

  /** Replaces the campaign's platform campaign ids (the list given is the whole new list). */
  async setPlatformIds(ctx: Ctx, id: string, ids: string[]): Promise<Campaign> {
    const campaign = await CampaignEntity.update(ctx, { id }, { set: { platformCampaignIds: distinctIds(ids) } });
    if (!campaign) throw new NotFoundError("campaign", id);
    return campaign;
  },

  /** Marks the campaign paid or unpaid (see Campaign.paid). */
  async update(ctx: Ctx, id: string, input: z.infer<typeof UpdateCampaignInput>): Promise<Campaign> {
    assertCampaignId(id);
    const campaign = await CampaignEntity.update(ctx, { id }, { set: { paid: input.paid } });
    if (!campaign) throw new NotFoundError("campaign", id);
    return campaign;
  },

  /** The campaign a (utm_source, utm_campaign) pair belongs to, or null. One GetItem. */
  async attribute(ctx: Ctx, utmSource: string | null, utmCampaign: string | null): Promise<Attribution | null> {
    if (!utmSource || !utmCampaign || !utmMatchValue(utmSource) || !utmMatchValue(utmCampaign)) return null;
    // No campaign was created with a pair too long for its key (CreateCampaignInput), so none matches one.
    if (!utmKeyFits(utmSource) || !utmKeyFits(utmCampaign)) return null;
    return (await UtmClaimEntity.get(ctx, { utmSource, utmCampaign })) ?? null;
  },
};

/** Ids trimmed, each kept once whatever its case (platforms' ids are compared case-insensitively). */
function distinctIds(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.map((id) => id.trim()).filter((id) => !seen.has(id.toLowerCase()) && seen.add(id.toLowerCase()));
}
