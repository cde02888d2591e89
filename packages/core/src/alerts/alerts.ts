import { Campaigns } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { readHistory } from "../hypothesis/history.js";
import { Hypotheses } from "../hypothesis/hypothesis.js";
import type { Hypothesis } from "../hypothesis/model.js";
import { judgedBy } from "../kpi/evaluate.js";
import { loadCounters } from "../kpi/load.js";
import { addDays, dayIn } from "../time.js";
import { checkPostScale, type MissedTarget } from "./post-scale.js";

/** A scaled-out hypothesis whose mature post-scale cohorts miss at least one target. */
export type Alert = {
  hypothesisId: string;
  title: string;
  channel: string;
  /** When it moved to scale (the owner's approval), and that day in the workspace zone. */
  scaledAt: string;
  scaledOn: string;
  cohorts: { from: string; to: string; leads: number };
  missed: MissedTarget[];
};

export type AlertList = { items: Alert[]; checked: number; asOf: string };

/**
 * Computed on request from counters: lists the hypotheses, and for each one in scale reads its
 * history (for the day it scaled), its campaigns and their counters for post-scale mature
 * cohort days only. Nothing is stored, so an alert clears itself once the figures recover.
 */
export async function listAlerts(ctx: Ctx): Promise<AlertList> {
  const today = dayIn(ctx.now(), ctx.timeZone);
  const scaled = (await Hypotheses.list(ctx)).filter((h) => h.stage === "scale");
  const checked = await Promise.all(scaled.map((hypothesis) => check(ctx, hypothesis, today)));
  return { items: checked.filter((alert): alert is Alert => alert !== null), checked: scaled.length, asOf: today };
}

async function check(ctx: Ctx, hypothesis: Hypothesis, today: string): Promise<Alert | null> {
  const [history, campaigns] = await Promise.all([readHistory(ctx, hypothesis.id), Campaigns.listByHypothesis(ctx, hypothesis.id)]);
  const scaling = history.findLast((entry) => entry.to === "scale");
  if (!scaling) return null;
  const scaledOn = dayIn(new Date(scaling.at), ctx.timeZone);
  const range = { from: addDays(scaledOn, 1), to: addDays(today, -hypothesis.maturityDays) };
  if (range.to < range.from) return null;
  const result = checkPostScale({ ...judgedBy(hypothesis, await loadCounters(ctx, campaigns, range)), scaledOn, today });
  if (!result.cohorts || result.missed.length === 0) return null;
  return {
    hypothesisId: hypothesis.id,
    title: hypothesis.title,
    channel: hypothesis.channel,
    scaledAt: scaling.at,
    scaledOn,
    cohorts: result.cohorts,
    missed: result.missed,
  };
}
