import { z } from "zod";
import type { Ctx } from "../context.js";
import { withRetry } from "../db/retry.js";
import { transact } from "../db/transact.js";
import { ConflictError } from "../errors.js";
import { newId } from "../ids.js";
import { CallbackOutcomeEntity, callbackResults, toCallbackOutcome, type CallbackOutcome } from "../lead/callback-outcomes.js";
import { leaveQueue, QueueItemEntity, type QueueReason } from "../lead/callback-queue.js";
import { LeadEntity, leadUpdate, type LeadItem } from "../lead/keys.js";
import type { Lead } from "../lead/lead.js";
import { isLeadRace } from "../lead/lead-race.js";
import { dueHandovers, holderAt } from "../lead/holder.js";
import { toLead } from "../lead/query.js";
import { readLeadItem } from "../lead/read-lead.js";
import { People } from "../people/person.js";
import { workingMinutesBefore, workingMinutesBetween } from "../working-hours.js";

/**
 * The head of sales' call-back queue: leads lost as `no_contact` or by the manager's fault (kept
 * items, lead/callback-queue.ts) and leads nobody has tried to reach for `untouchedMinutes` working
 * minutes (default 2 working hours; `GET /api/callbacks?untouchedMinutes=` changes it), found
 * among the leads that arrived in the last UNTOUCHED_WINDOW_DAYS. Recording a call-back's outcome
 * takes the lead out of the queue; the outcomes are kept under the lead.
 */

export const DEFAULT_UNTOUCHED_MINUTES = 120;
/** How far back untouched leads are looked for: one query of the arrival listing over a bounded window. */
export const UNTOUCHED_WINDOW_DAYS = 14;

/** `GET /api/callbacks` query. */
export const CallbackQueueQuery = z.strictObject({ untouchedMinutes: z.coerce.number().int().min(1).max(5 * 9 * 60).default(DEFAULT_UNTOUCHED_MINUTES) });

/** `POST /api/callbacks/{leadId}`. */
export const CallbackOutcomeInput = z.strictObject({ result: z.enum(callbackResults), note: z.string().trim().min(1).max(2000).optional() });
export type CallbackOutcomeInput = z.infer<typeof CallbackOutcomeInput>;

/** Who acts: the principal's key, person and name. */
export type Caller = { keyId: string; personId?: string; name?: string };

export type QueueEntry = { lead: Lead; assignee: { id: string; name: string } | null; reason: QueueReason; since: string; waitedWorkingMinutes: number };

const MAX_TRIES = 8;

export const Callbacks = {
  /** The queue, longest waiting first. */
  async queue(ctx: Ctx, query: z.infer<typeof CallbackQueueQuery>): Promise<{ items: QueueEntry[]; untouchedMinutes: number; untouchedSince: string }> {
    const now = ctx.now();
    const cutoff = workingMinutesBefore(now, query.untouchedMinutes);
    const windowStart = new Date(now.getTime() - UNTOUCHED_WINDOW_DAYS * 86_400_000);
    const [kept, recent, people] = await Promise.all([
      QueueItemEntity.inPartition(ctx, {}, { consistent: true }),
      // Sort keys are `<arrival>#<id>`: "#~" sorts after every id of the cutoff's instant.
      cutoff > windowStart ? LeadEntity.all(ctx, "all", {}, { sort: { between: [windowStart.toISOString(), `${cutoff.toISOString()}#~`] } }) : Promise.resolve([]),
      People.list(ctx),
    ]);
    const keptLeads = new Map((await LeadEntity.getMany(ctx, kept.map((k) => ({ id: k.leadId })), { consistent: true })).map((l) => [l.id, l]));
    const entries: Array<{ item: LeadItem; reason: QueueReason; since: string }> = [];
    for (const k of kept) {
      const item = keptLeads.get(k.leadId);
      if (item && !item.mergedInto) entries.push({ item, reason: k.reason, since: k.since });
    }
    const queued = new Set(entries.map((e) => e.item.id));
    for (const item of recent) {
      if (queued.has(item.id) || item.attemptCount || item.lastCallback || item.stage === "won" || item.stage === "lost") continue;
      entries.push({ item, reason: "untouched", since: item.createdAt });
    }
    const names = new Map(people.map((p) => [p.id, p.name]));
    // Who has each lead now: a passed hand-over reads as returned before the sweep writes it.
    const due = await dueHandovers(ctx, now);
    const items = entries
      .sort((a, b) => a.since.localeCompare(b.since))
      .map(({ item, reason, since }) => {
        const holderId = holderAt(item.assigneeId ?? null, due.get(item.id) ?? [], now);
        return {
          lead: toLead(item, holderId),
          assignee: holderId ? { id: holderId, name: names.get(holderId) ?? holderId } : null,
          reason,
          since,
          waitedWorkingMinutes: workingMinutesBetween(new Date(since), now),
        };
      });
    return { items, untouchedMinutes: query.untouchedMinutes, untouchedSince: cutoff.toISOString() };
  },

  /**
   * Records a call-back: the outcome under the lead, the lead marked as called back (an untouched
   * lead leaves the queue by it) and its queue item removed, in one transaction.
   */
  async record(ctx: Ctx, leadId: string, input: CallbackOutcomeInput, caller: Caller): Promise<CallbackOutcome> {
    const once = async (): Promise<CallbackOutcome> => {
      const lead = await readLeadItem(ctx, leadId);
      const queued = await QueueItemEntity.get(ctx, { leadId: lead.id }, { consistent: true });
      const at = ctx.now().toISOString();
      const reason: QueueReason | null = queued?.reason ?? (lead.attemptCount ? null : "untouched");
      const outcome: CallbackOutcome = { id: newId(), at, result: input.result, note: input.note ?? null, reason, personId: caller.personId ?? null, by: caller.name ?? null };
      await transact(ctx, [
        leadUpdate(ctx, lead, { lastCallback: { at, result: input.result }, updatedAt: at, version: lead.version + 1 }),
        CallbackOutcomeEntity.putItem(ctx, { leadId: lead.id, ...outcome }, "new", "callbackOutcome"),
        leaveQueue(ctx, lead.id),
      ]);
      return outcome;
    };
    return withRetry(once, {
      attempts: MAX_TRIES,
      retryable: isLeadRace,
      maxDelayMs: 200,
      exhausted: () => new ConflictError("version_conflict", "the lead kept changing while the call-back was recorded; try again"),
    });
  },

  /** A lead's call-back outcomes, oldest first. */
  async of(ctx: Ctx, leadId: string): Promise<CallbackOutcome[]> {
    const lead = await readLeadItem(ctx, leadId);
    return (await CallbackOutcomeEntity.inPartition(ctx, { leadId: lead.id }, { consistent: true })).map(toCallbackOutcome);
  },
};
