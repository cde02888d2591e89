// @parom/core/kpi: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { gateVerdict } from "./evaluate.js";
export { KpiRangeQuery, campaignKpis, hypothesisGate, hypothesisKpis, judgeCounters, loadCounters, unpaidCampaignIds } from "./load.js";
export type { GateVerdict, KpiName, KpiReport, KpiRow } from "./model.js";
export { missingSpendDays } from "./spend-coverage.js";
export type { Targets } from "./targets.js";
