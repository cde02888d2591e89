import { Campaigns, type Campaign } from "../campaign/campaign.js";
import { Contractors } from "../contractor/contractor.js";
import type { Ctx } from "../context.js";
import type { KpiName, KpiReport, KpiRow } from "../kpi/model.js";
import { judgeCounters, loadCounters } from "../kpi/load.js";
import { Hypotheses } from "../hypothesis/hypothesis.js";
import type { Hypothesis } from "../hypothesis/model.js";
import { formatKopecks, toKopecks } from "../money.js";
import { dayIn } from "../time.js";
import { rangeBefore, type DayRange } from "./period.js";
import { targetKpis, type CampaignReport, type ContractorReport, type FigureChange, type ReportFigures } from "./model.js";
import { summarize } from "./summary.js";

const round4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);
const money = (roubles: number | null) => (roubles === null ? null : formatKopecks(Math.round(roubles * 100)));

function figuresOf(report: KpiReport): ReportFigures {
  const row = (kpi: KpiName) => report.kpis.find((r) => r.kpi === kpi)!;
  const conversion = row("conversion");
  return {
    spend: row("spend").sample.spend,
    leads: row("leads").sample.leads,
    cpl: money(row("cpl").observed),
    qualifiedRate: round4(row("qualifiedRate").observed),
    matureLeads: conversion.sample.leads,
    won: conversion.sample.won,
    conversion: round4(conversion.observed),
    cac: money(row("cac").observed),
    romi: round4(row("romi").observed),
  };
}

function changeOf(current: ReportFigures, previous: ReportFigures): FigureChange {
  const moneyDelta = (a: string | null, b: string | null) => (a === null || b === null ? null : formatKopecks(toKopecks(a)! - toKopecks(b)!));
  const rateDelta = (a: number | null, b: number | null) => (a === null || b === null ? null : round4(a - b));
  return {
    spend: moneyDelta(current.spend, previous.spend),
    leads: current.leads - previous.leads,
    cpl: moneyDelta(current.cpl, previous.cpl),
    qualifiedRate: rateDelta(current.qualifiedRate, previous.qualifiedRate),
    matureLeads: current.matureLeads - previous.matureLeads,
    won: current.won - previous.won,
    conversion: rateDelta(current.conversion, previous.conversion),
    cac: moneyDelta(current.cac, previous.cac),
    romi: rateDelta(current.romi, previous.romi),
  };
}

/** Targets and verdicts of the KPIs the hypothesis has targets for, in the figures' units. */
function judged(report: KpiReport) {
  const targets: CampaignReport["targets"] = {};
  const verdicts: CampaignReport["verdicts"] = {};
  for (const kpi of targetKpis) {
    const row: KpiRow = report.kpis.find((r) => r.kpi === kpi)!;
    if (row.target === undefined || row.verdict === undefined) continue;
    targets[kpi] = kpi === "cpl" || kpi === "cac" ? money(row.target)! : row.target;
    verdicts[kpi] = row.verdict;
  }
  const all = Object.values(verdicts);
  const meetsTargets = all.length === 0 ? null : all.includes("not_met") ? false : all.every((v) => v === "met") ? true : null;
  return { targets, verdicts, meetsTargets };
}

async function campaignReport(ctx: Ctx, hypothesis: Hypothesis, campaign: Campaign, range: DayRange): Promise<CampaignReport> {
  const before = rangeBefore(range);
  // One query for the period, the one before it and the campaign so far: everything up to the
  // period's end, split here in memory.
  const counters = await loadCounters(ctx, [campaign], { to: range.to });
  const within = ({ from, to }: DayRange) => ({
    days: counters.days.filter((row) => row.day >= from && row.day <= to),
    wins: counters.wins.filter((row) => row.cohortDay >= from && row.cohortDay <= to),
    unpaidCampaignIds: counters.unpaidCampaignIds,
  });
  const current = judgeCounters(ctx, hypothesis, within(range));
  const earlier = judgeCounters(ctx, hypothesis, within(before));
  const sinceStart = judgeCounters(ctx, hypothesis, counters);
  const figures = figuresOf(current);
  const previous = figuresOf(earlier);
  const verdict = judged(current);
  const total = figuresOf(sinceStart);
  const { verdicts, meetsTargets } = judged(sinceStart);
  const firstDay = counters.days.reduce<string | null>((first, row) => (first === null || row.day < first ? row.day : first), null);
  return {
    campaignId: campaign.id,
    hypothesisId: hypothesis.id,
    hypothesisTitle: hypothesis.title,
    utmSource: campaign.utmSource,
    utmCampaign: campaign.utmCampaign,
    ...figures,
    ...verdict,
    summary: summarize(figures, verdict),
    previous: { ...before, ...previous },
    change: changeOf(figures, previous),
    cumulative: { from: firstDay, to: range.to, ...total, verdicts, meetsTargets, summary: summarize(total, { targets: verdict.targets, verdicts, meetsTargets }) },
  };
}

/**
 * A contractor's KPI report over lead-arrival days [from, to]: each of its campaigns judged by
 * its own hypothesis, against the equal-length period before, and beside it the campaign's whole
 * run up to `to` with its verdicts. Reads counters only, never leads,
 * so no contact detail can reach it. Throws NotFoundError for an unknown contractor.
 */
export async function buildContractorReport(ctx: Ctx, contractorId: string, range: DayRange): Promise<ContractorReport> {
  const contractor = await Contractors.get(ctx, contractorId);
  const campaigns = await Campaigns.listByContractor(ctx, contractorId);
  const hypotheses = new Map(
    (await Promise.all([...new Set(campaigns.map((c) => c.hypothesisId))].map((id) => Hypotheses.get(ctx, id)))).map((h) => [h.id, h]),
  );
  const generatedAt = ctx.now();
  return {
    contractorId,
    contractorName: contractor.name,
    from: range.from,
    to: range.to,
    asOf: dayIn(generatedAt, ctx.timeZone),
    campaigns: await Promise.all(campaigns.map((campaign) => campaignReport(ctx, hypotheses.get(campaign.hypothesisId)!, campaign, range))),
    generatedAt: generatedAt.toISOString(),
  };
}
