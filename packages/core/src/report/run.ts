import { Campaigns } from "../campaign/campaign.js";
import { Contractors, type Contractor } from "../contractor/contractor.js";
import type { Ctx } from "../context.js";
import { NotFoundError } from "../errors.js";
import { buildContractorReport } from "./build.js";
import { reportMail } from "./mail.js";
import type { Mailer } from "./mailer.js";
import { previousPeriod, type PeriodWindow, type ReportPeriod } from "./period.js";
import { LeaseLostError, ReportSends, type ClaimResult } from "./store.js";

/**
 * How long a run owns a report it claimed. Longer than any run can last (the Lambda stops at 5
 * minutes), so a report still `sending` after it belongs to a run that died, and a later run
 * takes it over instead of losing it.
 */
export const SEND_LEASE_MS = 15 * 60_000;

export type RunOptions = {
  period: ReportPeriod;
  /** The instant the run is for (the Cron's scheduled time): it picks the period. Defaults to ctx.now(). */
  now?: Date;
  send: Mailer["send"];
};

export type SendOutcome = {
  contractorId: string;
  periodKey: string;
  reportId?: string;
  /** `no_email`: the contractor has no address, nothing was claimed; `lease_lost`: another run took the report over meanwhile. */
  outcome: "sent" | "already_sent" | "in_progress" | "failed" | "no_email" | "lease_lost";
  error?: string;
};

export type RunResult = PeriodWindow & { results: SendOutcome[] };

/**
 * Sends each contractor with campaigns its report for the last complete week or month, once:
 * a report is claimed (a conditional put) before it is built and sent, kept as rendered, then
 * marked sent, or failed for a later run to retry. Reports of earlier periods that failed or
 * were left `sending` by a crashed run are retried too. Contractors are handled one after another:
 * there are few, and SES has a send rate.
 */
export async function runReports(ctx: Ctx, options: RunOptions): Promise<RunResult> {
  const window = previousPeriod(options.period, options.now ?? ctx.now(), ctx.timeZone);
  const contractorIds = [...new Set((await Campaigns.list(ctx)).flatMap((c) => (c.contractorId ? [c.contractorId] : [])))].sort();
  const results: SendOutcome[] = [];
  const seen = new Set<string>();
  for (const contractorId of contractorIds) {
    const contractor = await contractorOrNull(ctx, contractorId);
    const base = { contractorId, periodKey: window.periodKey };
    if (!contractor?.email) {
      results.push({ ...base, outcome: "no_email" });
      continue;
    }
    const claim = await ReportSends.claim(ctx, contractorId, window, SEND_LEASE_MS);
    seen.add(claim.outcome === "claimed" ? claim.claimed.item.id : claim.item.id);
    results.push(await deliver(ctx, claim, contractor.email, options.send));
  }
  for (const stored of await ReportSends.unsent(ctx)) {
    if (seen.has(stored.id)) continue;
    const base = { contractorId: stored.contractorId, periodKey: stored.periodKey, reportId: stored.id };
    const contractor = await contractorOrNull(ctx, base.contractorId);
    if (!contractor?.email) {
      results.push({ ...base, outcome: "no_email" });
      continue;
    }
    results.push(await deliver(ctx, await ReportSends.takeOver(ctx, stored, SEND_LEASE_MS), contractor.email, options.send));
  }
  return { ...window, results };
}

async function deliver(ctx: Ctx, claim: ClaimResult, to: string, send: Mailer["send"]): Promise<SendOutcome> {
  if (claim.outcome !== "claimed") return { contractorId: claim.item.contractorId, periodKey: claim.item.periodKey, reportId: claim.item.id, outcome: claim.outcome };
  let claimed = claim.claimed;
  const { contractorId, periodKey, id: reportId, from, to: until, period } = claimed.item;
  const base = { contractorId, periodKey, reportId };
  try {
    // Rendered once: a retry sends the report as it was first kept, not a recomputed one.
    if (!claimed.item.mail) {
      const report = await buildContractorReport(ctx, contractorId, { from, to: until });
      claimed = await ReportSends.saveRendered(ctx, claimed, report, reportMail(report, period));
    }
  } catch (error) {
    return interrupted(base, error);
  }
  let messageId: string;
  try {
    ({ messageId } = await send({ ...claimed.item.mail!, to }));
  } catch (error) {
    try {
      await ReportSends.markFailed(ctx, claimed, { recipient: to, error: messageOf(error) });
    } catch (markError) {
      return interrupted(base, markError);
    }
    return { ...base, outcome: "failed", error: messageOf(error) };
  }
  try {
    await ReportSends.markSent(ctx, claimed, { recipient: to, messageId });
  } catch (error) {
    return interrupted(base, error);
  }
  return { ...base, outcome: "sent" };
}

/**
 * A claimed report this run could not finish. Another run holding it now is `lease_lost`; any
 * other error leaves it `sending`, and a run after the lease takes it over.
 */
function interrupted(base: Omit<SendOutcome, "outcome">, error: unknown): SendOutcome {
  if (error instanceof LeaseLostError) return { ...base, outcome: "lease_lost" };
  return { ...base, outcome: "failed", error: messageOf(error) };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function contractorOrNull(ctx: Ctx, id: string): Promise<Contractor | null> {
  try {
    return await Contractors.get(ctx, id);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
