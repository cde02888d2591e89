import { Campaigns, type Campaign } from "../../../../core/src/campaign/campaign.js";
import type { Ctx } from "../../../../core/src/context.js";
import { Contractors, type Contractor } from "../../../../core/src/contractor/contractor.js";
import { readHypothesisPartition, type HypothesisPartition } from "../../../../core/src/hypothesis/partition.js";

/** What the hypothesis page shows before its counters: the hypothesis with all its partition holds, campaigns and contractors. */
export type HypothesisPageData = HypothesisPartition & {
  campaigns: Campaign[];
  contractors: Contractor[];
};

/**
 * Three requests in flight at once: the hypothesis' partition (one Query: the hypothesis, history,
 * rules, optimizations, approvals), its campaigns and the contractors. 404 when it does not exist.
 */
export async function loadHypothesisPage(ctx: Ctx, id: string): Promise<HypothesisPageData> {
  const [partition, campaigns, contractors] = await Promise.all([readHypothesisPartition(ctx, id), Campaigns.listByHypothesis(ctx, id), Contractors.list(ctx)]);
  return { ...partition, campaigns, contractors };
}
