import { gunzipSync, gzipSync } from "node:zlib";
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";
import { queryAll, queryPage } from "../db/query-all.js";
import { NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import type { ContractorReport } from "./model.js";
import type { Mail } from "./mailer.js";
import type { PeriodWindow, ReportPeriod } from "./period.js";

/**
 * One scheduled report of one contractor for one period, and the state of its sending. The item's
 * key is `REPORTSEND#<contractor>#<periodKey>`, so creating it is the claim that makes sending
 * once-only: `sending` (with a lease) -> `sent`, or -> `failed` and claimed again by a later run.
 * A `sending` item whose lease ran out belongs to a run that died; a later run may take it over.
 */
export type ReportSendStatus = "sending" | "sent" | "failed";

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

const UNSENT = "REPORTS#UNSENT";
const keys = {
  item: (contractorId: string, periodKey: string) => ({ pk: `REPORTSEND#${contractorId}#${periodKey}`, sk: "REPORTSEND" }),
  listing: (id: string) => ({ gsi1pk: "REPORTS", gsi1sk: id }),
  byContractor: (contractorId: string, id: string) => ({ gsi2pk: `REPORTS#CONTRACTOR#${contractorId}`, gsi2sk: id }),
  /** Sparse: only reports not sent yet are in it, so a run finds what earlier runs left undone. */
  unsent: (id: string) => ({ gsi3pk: UNSENT, gsi3sk: id }),
};
const keyOf = (item: StoredReport) => keys.item(item.contractorId, item.periodKey);
const isConditionFailure = (error: unknown) => (error as Error).name === "ConditionalCheckFailedException";
const leaseEnd = (now: Date, leaseMs: number) => new Date(now.getTime() + leaseMs).toISOString();

/** Writes `set` on a claimed report, provided the claim is still this run's. */
async function updateClaimed(ctx: Ctx, claimed: Claimed, expression: string, values: Record<string, unknown>, names: Record<string, string> = {}) {
  await ctx.doc.send(
    new UpdateCommand({
      TableName: ctx.table,
      Key: keyOf(claimed.item),
      UpdateExpression: expression,
      ConditionExpression: "claimToken = :mine",
      ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
      ExpressionAttributeValues: { ...values, ":mine": claimed.token },
    }),
  );
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
    try {
      await ctx.doc.send(
        new PutCommand({
          TableName: ctx.table,
          Item: {
            ...keys.item(contractorId, window.periodKey),
            ...keys.listing(item.id),
            ...keys.byContractor(contractorId, item.id),
            ...keys.unsent(item.id),
            type: "reportSend",
            claimToken: token,
            ...stateOf(item),
          },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return { outcome: "claimed", claimed: { item, token } };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: keys.item(contractorId, window.periodKey), ConsistentRead: true }));
    return ReportSends.takeOver(ctx, Item!, leaseMs);
  },

  /** Takes over a stored report (as read, with its claim token) if it failed or its lease ran out. */
  async takeOver(ctx: Ctx, raw: Record<string, any>, leaseMs: number): Promise<ClaimResult> {
    const item = toStored(raw);
    const now = ctx.now();
    if (item.status === "sent") return { outcome: "already_sent", item };
    if (item.status === "sending" && item.leaseUntil !== null && item.leaseUntil > now.toISOString()) return { outcome: "in_progress", item };
    const token = newId();
    try {
      // The read token must still be there: of two runs taking over at once, one wins.
      const { Attributes } = await ctx.doc.send(
        new UpdateCommand({
          TableName: ctx.table,
          Key: keyOf(item),
          UpdateExpression: "SET #status = :sending, claimToken = :token, leaseUntil = :lease, claimedAt = :now ADD attempts :one",
          ConditionExpression: "claimToken = :seen AND #status = :seenStatus",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: {
            ":sending": "sending",
            ":token": token,
            ":lease": leaseEnd(now, leaseMs),
            ":now": now.toISOString(),
            ":one": 1,
            ":seen": raw.claimToken,
            ":seenStatus": item.status,
          },
          ReturnValues: "ALL_NEW",
        }),
      );
      return { outcome: "claimed", claimed: { item: toStored(Attributes!), token } };
    } catch (error) {
      if (isConditionFailure(error)) return { outcome: "in_progress", item };
      throw error;
    }
  },

  /**
   * Keeps the rendered report and its mail, so that it can be fetched again and a retry sends the
   * same. Gzipped: the JSON, the page and the CSV repeat themselves, and an item holds 400 KB at most.
   */
  async saveRendered(ctx: Ctx, claimed: Claimed, report: ContractorReport, mail: Omit<Mail, "to">): Promise<Claimed> {
    await updateClaimed(ctx, claimed, "SET content = :content", { ":content": gzipSync(JSON.stringify({ report, mail })) });
    return { ...claimed, item: { ...claimed.item, report, mail } };
  },

  async markSent(ctx: Ctx, claimed: Claimed, sent: { recipient: string; messageId: string }): Promise<void> {
    await updateClaimed(
      ctx,
      claimed,
      "SET #status = :sent, recipient = :to, messageId = :mid, sentAt = :now, lastError = :null, leaseUntil = :null REMOVE gsi3pk, gsi3sk",
      { ":sent": "sent", ":to": sent.recipient, ":mid": sent.messageId, ":now": ctx.now().toISOString(), ":null": null },
      { "#status": "status" },
    );
  },

  async markFailed(ctx: Ctx, claimed: Claimed, failure: { recipient: string | null; error: string }): Promise<void> {
    await updateClaimed(
      ctx,
      claimed,
      "SET #status = :failed, recipient = :to, lastError = :error, leaseUntil = :null",
      { ":failed": "failed", ":to": failure.recipient, ":error": failure.error.slice(0, 1000), ":null": null },
      { "#status": "status" },
    );
  },

  /** Reports not sent yet (failed, or still `sending`), raw as stored: `takeOver` needs their claim token. */
  async unsent(ctx: Ctx): Promise<Record<string, any>[]> {
    return queryAll(ctx, { IndexName: "gsi3", KeyConditionExpression: "gsi3pk = :p", ExpressionAttributeValues: { ":p": UNSENT } });
  },

  async get(ctx: Ctx, id: string): Promise<StoredReport> {
    const { Items } = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.table,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :p AND gsi1sk = :id",
        ExpressionAttributeValues: { ":p": "REPORTS", ":id": id },
      }),
    );
    if (!Items?.[0]) throw new NotFoundError("report", id);
    return toStored(Items[0]);
  },

  /** Stored reports newest first, all or one contractor's; listed without their content. */
  async list(ctx: Ctx, query: { contractorId?: string; limit: number; cursor?: string }) {
    const byContractor = query.contractorId !== undefined;
    const page = await queryPage(
      ctx,
      {
        IndexName: byContractor ? "gsi2" : "gsi1",
        KeyConditionExpression: `${byContractor ? "gsi2pk" : "gsi1pk"} = :p`,
        ExpressionAttributeValues: { ":p": byContractor ? `REPORTS#CONTRACTOR#${query.contractorId}` : "REPORTS" },
        ScanIndexForward: false,
      },
      query,
    );
    return { items: page.items.map((raw) => withoutContent(toStored(raw))), nextCursor: page.nextCursor };
  },
};

/** A stored report's attributes other than its content. */
const stateOf = ({ report: _report, mail: _mail, ...state }: StoredReport) => state;

/** A stored report as listed: its state and its mail's subject, without the report itself. */
export function withoutContent(stored: StoredReport) {
  return { ...stateOf(stored), subject: stored.mail?.subject ?? null };
}

function toStored(item: Record<string, any>): StoredReport {
  const content: { report: ContractorReport; mail: Omit<Mail, "to"> } | null = item.content ? JSON.parse(gunzipSync(item.content).toString("utf8")) : null;
  return {
    id: item.id,
    contractorId: item.contractorId,
    period: item.period,
    periodKey: item.periodKey,
    from: item.from,
    to: item.to,
    status: item.status,
    attempts: Number(item.attempts),
    claimedAt: item.claimedAt,
    leaseUntil: item.leaseUntil ?? null,
    recipient: item.recipient ?? null,
    messageId: item.messageId ?? null,
    sentAt: item.sentAt ?? null,
    lastError: item.lastError ?? null,
    report: content?.report ?? null,
    mail: content?.mail ?? null,
  };
}
