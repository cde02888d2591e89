import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { ContractorEntity } from "../contractor/contractor.js";
import type { Ctx } from "../context.js";
import { queryAll } from "../db/query-all.js";
import { transact, TransactionCancelledError } from "../db/transact.js";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors.js";
import { IdSchema, UTM_KEY_PART_MAX_BYTES, utf8Bytes } from "../db/key-limits.js";
import { hypothesisKeys } from "../hypothesis/keys.js";
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

const keys = {
  item: (id: string) => ({ pk: `CAMPAIGN#${id}`, sk: "CAMPAIGN" }),
  byHypothesis: (hypothesisId: string, id: string) => ({ gsi1pk: `CAMPAIGNS#HYP#${hypothesisId}`, gsi1sk: id }),
  byContractor: (contractorId: string | null, id: string) => (contractorId ? { gsi2pk: `CAMPAIGNS#CONTRACTOR#${contractorId}`, gsi2sk: id } : {}),
  all: (id: string) => ({ gsi3pk: "CAMPAIGNS", gsi3sk: id }),
  /** One item per (source, campaign) pair: it makes the pair unique and finds the campaign in one read. */
  utmClaim: (utmSource: string, utmCampaign: string) => ({
    pk: `UTM#${utmKeyPart(utmSource)}#${utmKeyPart(utmCampaign)}`,
    sk: "UTM",
  }),
};

export const Campaigns = {
  async create(ctx: Ctx, hypothesisId: string, input: z.infer<typeof CreateCampaignInput>): Promise<Campaign> {
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
    const checks = [
      {
        // A closed hypothesis takes no new campaigns; checked here so a close racing this write cannot slip past.
        ConditionCheck: {
          TableName: ctx.table,
          Key: hypothesisKeys.item(hypothesisId),
          ConditionExpression: "attribute_exists(pk) AND #stage <> :closed",
          ExpressionAttributeNames: { "#stage": "stage" },
          ExpressionAttributeValues: { ":closed": "closed" },
        },
      },
      ...(input.contractorId
        ? [{ ConditionCheck: { TableName: ctx.table, Key: ContractorEntity.key({ id: input.contractorId }), ConditionExpression: "attribute_exists(pk)" } }]
        : []),
    ];
    try {
      await transact(ctx, [
        ...checks,
        {
          Put: {
            TableName: ctx.table,
            Item: { ...keys.utmClaim(input.utmSource, input.utmCampaign), type: "utmClaim", ...attribution },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        {
          Put: {
            TableName: ctx.table,
            Item: {
              ...keys.item(campaign.id),
              ...keys.byHypothesis(hypothesisId, campaign.id),
              ...keys.byContractor(campaign.contractorId, campaign.id),
              ...keys.all(campaign.id),
              type: "campaign",
              ...campaign,
            },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
      ]);
    } catch (error) {
      if (!(error instanceof TransactionCancelledError)) throw error;
      if (error.failedCondition(0)) {
        const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: hypothesisKeys.item(hypothesisId) }));
        if (!Item) throw new NotFoundError("hypothesis", hypothesisId);
        throw new ConflictError("hypothesis_closed", `hypothesis ${hypothesisId} is closed and takes no new campaigns`);
      }
      if (input.contractorId && error.failedCondition(1)) throw new NotFoundError("contractor", input.contractorId);
      if (error.failedCondition(checks.length)) {
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
    const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: keys.item(id) }));
    if (!Item) throw new NotFoundError("campaign", id);
    return toCampaign(Item);
  },

  async listByHypothesis(ctx: Ctx, hypothesisId: string): Promise<Campaign[]> {
    const items = await queryAll(ctx, {
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :p",
      ExpressionAttributeValues: { ":p": `CAMPAIGNS#HYP#${hypothesisId}` },
    });
    return items.map(toCampaign);
  },

  async listByContractor(ctx: Ctx, contractorId: string): Promise<Campaign[]> {
    const items = await queryAll(ctx, {
      IndexName: "gsi2",
      KeyConditionExpression: "gsi2pk = :p",
      ExpressionAttributeValues: { ":p": `CAMPAIGNS#CONTRACTOR#${contractorId}` },
    });
    return items.map(toCampaign);
  },

  async list(ctx: Ctx): Promise<Campaign[]> {
    const items = await queryAll(ctx, {
      IndexName: "gsi3",
      KeyConditionExpression: "gsi3pk = :p",
      ExpressionAttributeValues: { ":p": "CAMPAIGNS" },
    });
    return items.map(toCampaign);
  },

  /** Replaces the campaign's platform campaign ids (the list given is the whole new list). */
  async setPlatformIds(ctx: Ctx, id: string, ids: string[]): Promise<Campaign> {
    try {
      const { Attributes } = await ctx.doc.send(
        new UpdateCommand({
          TableName: ctx.table,
          Key: keys.item(id),
          UpdateExpression: "SET platformCampaignIds = :ids",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":ids": distinctIds(ids) },
          ReturnValues: "ALL_NEW",
        }),
      );
      return toCampaign(Attributes!);
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") throw new NotFoundError("campaign", id);
      throw error;
    }
  },

  /** Marks the campaign paid or unpaid (see Campaign.paid). */
  async update(ctx: Ctx, id: string, input: z.infer<typeof UpdateCampaignInput>): Promise<Campaign> {
    assertCampaignId(id);
    try {
      const { Attributes } = await ctx.doc.send(
        new UpdateCommand({
          TableName: ctx.table,
          Key: keys.item(id),
          UpdateExpression: "SET paid = :paid",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":paid": input.paid },
          ReturnValues: "ALL_NEW",
        }),
      );
      return toCampaign(Attributes!);
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") throw new NotFoundError("campaign", id);
      throw error;
    }
  },

  /** The campaign a (utm_source, utm_campaign) pair belongs to, or null. One GetItem. */
  async attribute(ctx: Ctx, utmSource: string | null, utmCampaign: string | null): Promise<Attribution | null> {
    if (!utmSource || !utmCampaign || !utmMatchValue(utmSource) || !utmMatchValue(utmCampaign)) return null;
    // No campaign was created with a pair too long for its key (CreateCampaignInput), so none matches one.
    if (!utmKeyFits(utmSource) || !utmKeyFits(utmCampaign)) return null;
    const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: keys.utmClaim(utmSource, utmCampaign) }));
    return Item ? { campaignId: Item.campaignId, hypothesisId: Item.hypothesisId, contractorId: Item.contractorId ?? null } : null;
  },
};

function toCampaign(item: Record<string, any>): Campaign {
  return {
    id: item.id,
    hypothesisId: item.hypothesisId,
    contractorId: item.contractorId ?? null,
    utmSource: item.utmSource,
    utmCampaign: item.utmCampaign,
    platformCampaignIds: item.platformCampaignIds ?? [],
    // Campaigns stored before the flag existed were all treated as paid.
    paid: item.paid !== false,
    createdAt: item.createdAt,
  };
}

/** Ids trimmed, each kept once whatever its case (platforms' ids are compared case-insensitively). */
function distinctIds(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.map((id) => id.trim()).filter((id) => !seen.has(id.toLowerCase()) && seen.add(id.toLowerCase()));
}
