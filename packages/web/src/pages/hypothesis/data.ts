import { Campaigns, type Campaign } from "../../../../core/src/campaign/campaign.js";
import type { Ctx } from "../../../../core/src/context.js";
import { Contractors, type Contractor } from "../../../../core/src/contractor/contractor.js";
import { readHistory, type HistoryEntry } from "../../../../core/src/hypothesis/history.js";
import { Hypotheses, type Hypothesis } from "../../../../core/src/hypothesis/hypothesis.js";
import { Rules, type WrittenRules } from "../../../../core/src/hypothesis/rules.js";

/** What the hypothesis page shows, read in parallel after the hypothesis itself (404 when it does not exist). */
export type HypothesisPageData = {
  hypothesis: Hypothesis;
  campaigns: Campaign[];
  contractors: Contractor[];
  /** Oldest first; the last is the current one. */
  rules: WrittenRules[];
  history: HistoryEntry[];
};

export async function loadHypothesisPage(ctx: Ctx, id: string): Promise<HypothesisPageData> {
  const hypothesis = await Hypotheses.get(ctx, id);
  const [campaigns, contractors, rules, history] = await Promise.all([
    Campaigns.listByHypothesis(ctx, id),
    Contractors.list(ctx),
    Rules.versions(ctx, id),
    readHistory(ctx, id),
  ]);
  return { hypothesis, campaigns, contractors, rules, history };
}
