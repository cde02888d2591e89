import { dayIn } from "@parom/core";
import { ok, type Api } from "./api.js";
import { campaignBatch, loadLeads, loadSpend, unattributedBatch, type HistoryContext, type HistoryCounts, type LeadBatch } from "./load-history.js";
import { ensureIdeas } from "./ideas.js";
import { walkLifecycle } from "./lifecycle.js";
import { demoDay, ensureCampaigns, ensureContractorKeys, ensureContractors, ensureHypothesis, ensureSources, type ContractorKey } from "./setup.js";
import { ensureCallbackCases, type CallbackCases } from "./callbacks.js";
import { assignHistory, ensureAssignmentRules, ensureSalesTeam, type SalesKey } from "./sales-team.js";
import { hypotheses, type HypothesisPlan } from "./story.js";
import { postTodaysWebhooks, type DealToWin, type WebhookCounts } from "./webhooks.js";

export type DemoOptions = {
  api: Api;
  /** The clock the server runs on; the demo's day is its date in `timeZone`. */
  now: Date;
  timeZone: string;
  /** Contractor keys printed by an earlier run, reused while they are still active. */
  knownKeys?: ContractorKey[];
  /** The sales team's keys printed by an earlier run, likewise. */
  knownSalesKeys?: SalesKey[];
  log?: (line: string) => void;
};

export type GateRow = { kpi: string; verdict: string; observed: number | null; target: number };
/** The gate in one word: passed, held back by a target not met, or waiting for data. */
export type GateState = "passed" | "not_met" | "insufficient_data";
export type DemoHypothesis = {
  role: HypothesisPlan["role"];
  id: string;
  title: string;
  stage: string;
  gate: { state: GateState; kpis: GateRow[]; maturingLeads: number } | null;
  /** Why the lifecycle refused the next stage, for the hypothesis that fails its targets. */
  refusal: string | null;
};

export type DemoResult = {
  /** The day the history was built for (the first run's date). */
  asOf: string;
  /** False when an earlier run had loaded the demo and this one only completed it. */
  firstRun: boolean;
  history: HistoryCounts;
  webhooks: WebhookCounts;
  hypotheses: DemoHypothesis[];
  contractorKeys: ContractorKey[];
  /** The sales department's keys, and how many history leads this run assigned and handed over. */
  sales: { keys: SalesKey[]; assigned: number; handedOver: number; awayLeadId: string | null };
  /** What this run added for the head of sales' call-back queue. */
  callbacks: CallbackCases;
  /** Ideas this run added to the backlog. */
  ideas: number;
  sources: { tilda: string; amocrm: string };
};

/**
 * Loads the «Сумки Опт» case through Parom's public API and returns what it holds. Every step
 * finds what an earlier run made before making it, so running it again adds nothing.
 */
export async function loadDemo(options: DemoOptions): Promise<DemoResult> {
  const { api, timeZone } = options;
  const log = options.log ?? (() => {});
  const contractorIds = await ensureContractors(api);
  const sources = await ensureSources(api);
  const salesTeam = await ensureSalesTeam(api, options.knownSalesKeys ?? []);
  await ensureAssignmentRules(api, sources, salesTeam);
  const { asOf, existing } = await demoDay(api, hypotheses, dayIn(options.now, timeZone));
  log(existing.size > 0 ? `Demo data for ${asOf} is already there: checking it is complete.` : `Loading three months of history up to ${asOf}...`);

  const loaded: Array<{ plan: HypothesisPlan; id: string; campaignIds: string[] }> = [];
  for (const plan of hypotheses) {
    const hypothesis = await ensureHypothesis(api, plan, asOf, existing.get(plan.role));
    loaded.push({ plan, id: hypothesis.id, campaignIds: await ensureCampaigns(api, hypothesis.id, plan, contractorIds) });
  }

  const history: HistoryContext = { api, asOf, timeZone, amocrmSourceId: sources.amocrm.id, counts: { imported: 0, present: 0, markedLost: 0, spendDays: 0 } };
  let block = 0;
  const batches: LeadBatch[] = [];
  for (const { plan, campaignIds } of loaded) {
    for (const [i, campaign] of plan.campaigns.entries()) batches.push(campaignBatch(plan, campaign, campaignIds[i]!, block++, asOf, timeZone));
  }
  batches.push(unattributedBatch(block, asOf, timeZone));
  log(`  ${batches.reduce((sum, batch) => sum + batch.leads.length, 0)} leads from the amoCRM history...`);
  await loadLeads(history, batches);
  for (const { plan, campaignIds } of loaded) {
    for (const [i, campaign] of plan.campaigns.entries()) await loadSpend(history, campaign, campaignIds[i]!);
  }
  log(`  leads and spend loaded (${history.counts.imported} new leads, ${history.counts.markedLost} lost after contact)`);

  const refusals = new Map<string, string | null>();
  for (const { plan, id } of loaded) refusals.set(id, await walkLifecycle(api, id, plan, asOf));

  const webhooks = await postTodaysWebhooks(api, sources, hypotheses, asOf, dealToWin(batches, loaded));
  // After today's webhooks: the deal won today is a client for an account manager too.
  const sales = await assignHistory(api, salesTeam, asOf);
  const callbacks = await ensureCallbackCases(api, salesTeam, asOf, timeZone);
  const contractorKeys = await ensureContractorKeys(api, contractorIds, options.knownKeys ?? []);
  const ideas = await ensureIdeas(api);

  const summary: DemoHypothesis[] = [];
  for (const { plan, id } of loaded) {
    const hypothesis = await ok("read hypothesis", api("GET", `/api/hypotheses/${id}`));
    const gate = plan.stage === "closed" ? null : await ok("read gate", api("GET", `/api/hypotheses/${id}/gate`));
    summary.push({
      role: plan.role,
      id,
      title: plan.title,
      stage: hypothesis.stage,
      gate: gate && {
        state: gate.passed ? "passed" : gate.kpis.some((row: GateRow) => row.verdict === "not_met") ? "not_met" : "insufficient_data",
        kpis: gate.kpis.map((row: GateRow) => ({ kpi: row.kpi, verdict: row.verdict, observed: row.observed, target: row.target })),
        maturingLeads: gate.maturing.leads,
      },
      refusal: refusals.get(id) ?? null,
    });
  }
  return {
    asOf,
    firstRun: existing.size === 0,
    history: history.counts,
    webhooks,
    hypotheses: summary,
    contractorKeys,
    sales: { keys: salesTeam.keys, ...sales },
    callbacks,
    ideas,
    sources: { tilda: `/hooks/${sources.tilda.key}`, amocrm: `/hooks/${sources.amocrm.key}` },
  };
}

/** The cold-calling base's most recent open proposal, which its manager wins today in amoCRM. */
function dealToWin(batches: LeadBatch[], loaded: Array<{ plan: HypothesisPlan; campaignIds: string[] }>): DealToWin | null {
  const campaignId = loaded.find(({ plan }) => plan.role === "calls")?.campaignIds[0];
  const calls = batches.find((batch) => batch.campaignId === campaignId);
  const deal = calls?.leads.filter((lead) => lead.row.stage === "proposal" && !lead.loseLater).at(-1);
  return deal ? { externalId: deal.row.externalId!, price: 184_500 } : null;
}
