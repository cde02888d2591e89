import type { DayCounters } from "../counters/cohort-counters.js";
import type { KpiName, KpiRow } from "./model.js";
import { isMature } from "./samples.js";

/**
 * Missing data is never evidence: a day with leads and no recorded spend would make leads look
 * free, so cost KPIs name such days and are not judged until they are filled in.
 */

/** Which campaigns carry no ad cost to import (Campaign.paid false): their days are never missing. */
export type SpendCoverageInput = { days: DayCounters[]; unpaidCampaignIds?: string[]; asOf: string; maturityDays: number };

/** A day counts as recorded when marked so, or (items older than the marker) when it holds a cost. */
export const spendRecorded = (row: DayCounters) => row.spendRecorded ?? row.spend > 0;

/**
 * ISO days, oldest first, on which some paid campaign had leads but no recorded spend. Campaigns
 * add up in a hypothesis, so one paid campaign without its cost leaves the day's cost unknown.
 * @example missingSpendDays([{ campaignId: "a", day: "2026-03-02", leads: 3, spend: 0, ... }]) // ["2026-03-02"]
 */
export function missingSpendDays(days: DayCounters[], unpaidCampaignIds: readonly string[] = []): string[] {
  const unpaid = new Set(unpaidCampaignIds);
  const missing = new Set<string>();
  for (const row of days) {
    if (row.leads > 0 && !spendRecorded(row) && !(row.campaignId !== null && unpaid.has(row.campaignId))) missing.add(row.day);
  }
  return [...missing].sort();
}

/** Cost KPIs and the cohort days their sample covers: CPL all of them, CAC and ROMI the mature ones (see evaluate.ts). */
const costKpis: Partial<Record<KpiName, "all" | "mature">> = { cpl: "all", cac: "mature", romi: "mature" };

/**
 * Marks each cost KPI row whose sample has days with missing spend: `spendMissing` names the days,
 * a target's verdict becomes `insufficient_data`, and no probability is claimed from a cost that
 * is only partly known. Rows are changed in place.
 */
export function markMissingSpend(rows: KpiRow[], input: SpendCoverageInput): void {
  const all = missingSpendDays(input.days, input.unpaidCampaignIds);
  if (all.length === 0) return;
  const mature = all.filter((day) => isMature(day, input.asOf, input.maturityDays));
  for (const row of rows) {
    const covers = costKpis[row.kpi];
    if (!covers) continue;
    const days = covers === "all" ? all : mature;
    if (days.length === 0) continue;
    row.spendMissing = { days };
    if (row.verdict !== undefined) {
      row.verdict = "insufficient_data";
      delete row.probability;
      // More leads bring no verdict here: recording the spend does.
      delete row.decision;
    }
  }
}
