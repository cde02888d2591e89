// @parom/core/campaign: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { Campaigns, CreateCampaignInput, PlatformIdsInput, UpdateCampaignInput, assertCampaignId } from "./campaign.js";
export type { Campaign } from "./campaign.js";
