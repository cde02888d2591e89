import { gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";
import type { Ctx } from "../context.js";
import { bytesSchema } from "../db/bytes.js";
import { defineEntity } from "../db/entity.js";
import { tableDefinition } from "../db/table.js";
import type { Changes } from "../db/write-expressions.js";
import { NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import type { ContractorReport } from "./model.js";
import type { Mail } from "./mailer.js";
import { reportPeriods, type PeriodWindow, type ReportPeriod } from "./period.js";

/**
 * One scheduled report of one contractor for one period, and the state of its sending. The item's
 * key is `REPORTSEND#<contractor>#<periodKey>`, so creating it is the claim that makes sending
 * once-only: `sending` (with a lease) -> `sent`, or -> `failed` and claimed again by a later run.
 * A `sending` item whose lease ran out belongs to a run that died; a later run may take it over.
 */
const reportSendStatuses = ["sending", "sent", "failed"] as const;
export type ReportSendStatus = (typeof reportSendStatuses)[number];

export type StoredReport = {
  id: string;
  contractorId: string;
  period: ReportPeriod;
  periodKey: string;
  from: string;
  to: string;
  status: ReportSendStatus;
  attempts: number;
  claimedAt: string;
  leaseUntil: string | null;
  recipient: string | null;
  messageId: string | null;
  sentAt: string | null;
  lastError: string | null;
  /** The report and its mail as first rendered; a retry sends exactly these. Null until rendered. */
  report: ContractorReport | null;
  mail: Omit<Mail, "to"> | null;
};

/** A report this run holds the lease on: only the holder of `token` may store, mark sent or failed. */
export type Claimed = { item: StoredReport; token: string };

export type ClaimResult = { outcome: "claimed"; claimed: Claimed } | { outcome: "already_sent" | "in_progress"; item: StoredReport };

const nullable = z.string().nullable().default(null);

/**
 * The stored item: the report's state, the claim token of the run holding it, and the rendered
 * report and mail gzipped in `content` once rendered.
 */
export const ReportSendEntity = defineEntity({
  type: "reportSend",
  schema: z.object({
    id: z.string(),
    contractorId: z.string(),
    period: z.enum(reportPeriods),
    periodKey: z.string(),
    from: z.string(),
    to: z.string(),
    status: z.enum(reportSendStatuses),
    attempts: z.number(),
    claimedAt: z.string(),
    leaseUntil: nullable,
    recipient: nullable,
    messageId: nullable,
    sentAt: nullable,
    lastError: nullable,
    claimToken: z.string(),
    content: bytesSchema.optional(),
  }),
  key: ({ contractorId, periodKey }: { contractorId: string; periodKey: string }) => ({ pk: `REPORTSEND#${contractorId}#${periodKey}`, sk: "REPORTSEND" }),
  patterns: {
    all: { index: "gsi1", partition: (_: object) => "REPORTS", sort: (r: { id: string }) => r.id },
    byContractor: { index: "gsi2", partition: (r: { contractorId: string }) => `REPORTS#CONTRACTOR#${r.contractorId}`, sort: (r: { id: string }) => r.id },
    /** Sparse: only reports not sent yet are in it, so a run finds what earlier runs left undone. */
    unsent: { index: "gsi3", partition: (r: { status?: ReportSendStatus }) => (r.status === "sent" ? null : "REPORTS#UNSENT"), sort: (r: { id: string }) => r.id },
  },
});

/** A report as stored, with the claim token `takeOver` needs. */
export type StoredReportItem = z.infer<typeof ReportSendEntity.schema>;

/** The attributes listing a report as unsent: a sent report leaves the listing. */
const unsentListing = tableDefinition.globalIndexes[ReportSendEntity.patterns.unsent.index];

/** The run lost its claim on a report: another run took it over (its lease ran out meanwhile). */
export class LeaseLostError extends Error {
  constructor(reportId: string) {
    super(`report ${reportId} was taken over by another run`);
    this.name = "LeaseLostError";
  }
}

const leaseEnd = (now: Date, leaseMs: number) => new Date(now.getTime() + leaseMs).toISOString();

/** Applies `changes` to a claimed report, provided the claim is still this run's. */
async function updateClaimed(ctx: Ctx, claimed: Claimed, changes: Changes) {
  const condition = { expression: "claimToken = :mine", values: { ":mine": claimed.token } };
  if (!(await ReportSendEntity.update(ctx, claimed.item, changes, condition))) throw new LeaseLostError(claimed.item.id);
}

export const ReportSends = {
  /**
   * Claims the (contractor, period) report for this run: creates it in `sending` with a lease, or
   * takes over one that failed or whose lease ran out. Anything else is left alone and reported.
   */
  async claim(ctx: Ctx, contractorId: string, window: PeriodWindow, leaseMs: number): Promise<ClaimResult> {
    const now = ctx.now();
    const token = newId();
    const item: StoredReport = {
      id: newId(),
      contractorId,
      period: window.period,
      periodKey: window.periodKey,
      from: window.from,
      to: window.to,
      status: "sending",
      attempts: 1,
      claimedAt: now.toISOString(),
      leaseUntil: leaseEnd(now, leaseMs),
      recipient: null,
      messageId: null,
      sentAt: null,
      lastError: null,
      report: null,
      mail: null,
    };
    if (await ReportSendEntity.put(ctx, { ...stateOf(item), claimToken: token }, "new")) return { outcome: "claimed", claimed: { item, token } };
    const stored = await ReportSendEntity.get(ctx, { contractorId, periodKey: window.periodKey }, { consistent: true });
    return ReportSends.takeOver(ctx, stored!, leaseMs);
  },

  /** Takes over a stored report (as read, with its claim token) if it failed or its lease ran out. */
  async takeOver(ctx: Ctx, stored: StoredReportItem, leaseMs: number): Promise<ClaimResult> {
    const item = toStored(stored);
    const now = ctx.now();
    if (item.status === "sent") return { outcome: "already_sent", item };
    if (item.status === "sending" && item.leaseUntil !== null && item.leaseUntil > now.toISOString()) return { outcome: "in_progress", item };
    const token = newId();
    // The read token must still be there: of two runs taking over at once, one wins.
    const taken = await ReportSendEntity.update(
      ctx,
      item,
      { set: { status: "sending", claimToken: token, leaseUntil: leaseEnd(now, leaseMs), claimedAt: now.toISOString() }, add: { attempts: 1 } },
      { expression: "claimToken = :seen AND #status = :seenStatus", names: { "#status": "status" }, values: { ":seen": stored.claimToken, ":seenStatus": item.status } },
    );
    return taken ? { outcome: "claimed", claimed: { item: toStored(taken), token } } : { outcome: "in_progress", item };
  },

  /**
   * Keeps the rendered report and its mail, so that it can be fetched again and a retry sends the
   * same. Gzipped: the JSON, the page and the CSV repeat themselves, and an item holds 400 KB at most.
   */
  async saveRendered(ctx: Ctx, claimed: Claimed, report: ContractorReport, mail: Omit<Mail, "to">): Promise<Claimed> {
    await updateClaimed(ctx, claimed, { set: { content: gzipSync(JSON.stringify({ report, mail })) } });
    return { ...claimed, item: { ...claimed.item, report, mail } };
  },

  async markSent(ctx: Ctx, claimed: Claimed, sent: { recipient: string; messageId: string }): Promise<void> {
    const set = { status: "sent", recipient: sent.recipient, messageId: sent.messageId, sentAt: ctx.now().toISOString(), lastError: null, leaseUntil: null };
    await updateClaimed(ctx, claimed, { set, remove: [unsentListing.partitionKey, unsentListing.sortKey] });
  },

  async markFailed(ctx: Ctx, claimed: Claimed, failure: { recipient: string | null; error: string }): Promise<void> {
    await updateClaimed(ctx, claimed, { set: { status: "failed", recipient: failure.recipient, lastError: failure.error.slice(0, 1000), leaseUntil: null } });
  },

  /** Reports not sent yet (failed, or still `sending`), with their claim token: `takeOver` needs it. */
  async unsent(ctx: Ctx): Promise<StoredReportItem[]> {
    return ReportSendEntity.all(ctx, "unsent", {});
  },

  async get(ctx: Ctx, id: string): Promise<StoredReport> {
    const [stored] = await ReportSendEntity.all(ctx, "all", {}, { sort: { between: [id, id] } });
    if (!stored) throw new NotFoundError("report", id);
    return toStored(stored);
  },

  /** Stored reports newest first, all or one contractor's; listed without their content. */
  async list(ctx: Ctx, query: { contractorId?: string; limit: number; cursor?: string }) {
    const options = { cursor: query.cursor, limit: query.limit, newestFirst: true };
    const { contractorId } = query;
    const page = contractorId === undefined ? await ReportSendEntity.page(ctx, "all", {}, options) : await ReportSendEntity.page(ctx, "byContractor", { contractorId }, options);
    return { items: page.items.map((stored) => withoutContent(toStored(stored))), nextCursor: page.nextCursor };
  },
};

/** A stored report's attributes other than its content. */
const stateOf = ({ report: _report, mail: _mail, ...state }: StoredReport) => state;

/** A stored report as listed: its state and its mail's subject, without the report itself. */
export function withoutContent(stored: StoredReport) {
  return { ...stateOf(stored), subject: stored.mail?.subject ?? null };
}

function toStored({ claimToken: _token, content, ...state }: StoredReportItem): StoredReport {
  const rendered: { report: ContractorReport; mail: Omit<Mail, "to"> } | null = content ? JSON.parse(gunzipSync(content).toString("utf8")) : null;
  return { ...state, report: rendered?.report ?? null, mail: rendered?.mail ?? null };
}
