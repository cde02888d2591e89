import { type Campaign, Campaigns } from "@parom/core/campaign";
import type { Ctx } from "@parom/core";
import { type Contractor, Contractors } from "@parom/core/contractor";
import { type HypothesisPartition, readHypothesisPartition } from "@parom/core/hypothesis";

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
