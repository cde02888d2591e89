import { Campaigns, utmMatchValue, type Campaign } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { platforms, type Platform } from "./platforms.js";
import type { PlatformSpendRow } from "./spend-row.js";

/** The ad platform's campaign a row names, as the import reports it back. */
export type PlatformCampaignRef = { platform: Platform; id: string | null; name: string | null };

export type PlatformMatch = { campaign: Campaign } | { error: string };

type Index = { byUtmCampaign: Map<string, Campaign[]>; byPlatformId: Map<string, Campaign[]> };

/**
 * Finds the campaign an ad platform's row belongs to. The candidates are the campaigns whose
 * utm_source is the platform's: one whose utm_campaign equals the platform campaign's id or name,
 * or which lists the id among its platformCampaignIds, compared case-insensitively. One candidate
 * is the answer; none, or several different ones (two campaigns claiming the same platform
 * campaign), reject the row with a sentence naming the platform campaign, never a guess.
 *
 * The platform's campaigns are read once per import (the campaign listing, one query) and matched
 * in memory, so a file of thousands of rows costs no read per row. The listing is an index and
 * eventually consistent: a campaign created a moment before may be missed, and its rows rejected.
 */
export function platformCampaignFinder(ctx: Ctx) {
  const indexes = new Map<Platform, Promise<Index>>();
  return async (row: PlatformSpendRow): Promise<PlatformMatch> => {
    let index = indexes.get(row.platform);
    if (!index) indexes.set(row.platform, (index = loadIndex(ctx, row.platform)));
    const { byUtmCampaign, byPlatformId } = await index;

    const id = row.platformCampaignId === null ? null : utmMatchValue(row.platformCampaignId);
    const name = row.platformCampaignName === null ? null : utmMatchValue(row.platformCampaignName);
    const candidates = new Map<string, Campaign>();
    for (const campaign of [
      ...(id === null ? [] : [...(byPlatformId.get(id) ?? []), ...(byUtmCampaign.get(id) ?? [])]),
      ...(name === null ? [] : (byUtmCampaign.get(name) ?? [])),
    ]) {
      candidates.set(campaign.id, campaign);
    }

    const { label, utmSources } = platforms[row.platform];
    const named = `${label} campaign ${describe(platformCampaignOf(row))}`;
    if (candidates.size === 1) return { campaign: [...candidates.values()][0]! };
    if (candidates.size === 0) {
      return {
        error: `${named} matches no campaign with utm_source ${utmSources.join(" or ")}: give a campaign that utm_campaign, or list the id in its platformCampaignIds.`,
      };
    }
    return {
      error: `${named} matches ${candidates.size} campaigns (${[...candidates.keys()].join(", ")}); a platform campaign must belong to one campaign only.`,
    };
  };
}

/** The platform campaign a row names. */
export function platformCampaignOf(row: PlatformSpendRow): PlatformCampaignRef {
  return { platform: row.platform, id: row.platformCampaignId, name: row.platformCampaignName };
}

function describe(ref: PlatformCampaignRef): string {
  return [ref.id, ref.name === null ? null : `"${ref.name}"`].filter((part) => part !== null).join(" ");
}

async function loadIndex(ctx: Ctx, platform: Platform): Promise<Index> {
  const sources: readonly string[] = platforms[platform].utmSources;
  const index: Index = { byUtmCampaign: new Map(), byPlatformId: new Map() };
  const add = (map: Map<string, Campaign[]>, key: string, campaign: Campaign) => map.set(key, [...(map.get(key) ?? []), campaign]);
  for (const campaign of await Campaigns.list(ctx)) {
    if (!sources.includes(utmMatchValue(campaign.utmSource))) continue;
    add(index.byUtmCampaign, utmMatchValue(campaign.utmCampaign), campaign);
    for (const id of campaign.platformCampaignIds) add(index.byPlatformId, utmMatchValue(id), campaign);
  }
  return index;
}
