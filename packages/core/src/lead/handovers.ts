import { z } from "zod";
import type { Ctx } from "../context.js";
import { IdSchema } from "../db/key-limits.js";
import { withRetry } from "../db/retry.js";
import { transact, TransactionCancelledError } from "../db/transact.js";
import { ConflictError, InvalidInputError } from "../errors.js";
import { newId } from "../ids.js";
import { namedPeople } from "../people/managers.js";
import { assignmentUpdate } from "./assignment.js";
import { dueIndex, HandoverEntity, type HandoverItem } from "./handover-entity.js";
import { handoversOf, passedHandovers, passedReturns } from "./holder.js";
import { isLeadRace } from "./lead-race.js";
import { findLeadItem, readLeadItem } from "./read-lead.js";

/*
 * A hand-over gives a lead to another person for a while (a holiday, a sick day) or for good: it
 * is kept under the lead with who gave it from whom to whom, when, until when and why. A hand-over
 * with `until` sits in a sparse "due" listing until the sweep gives the lead back to `from`.
 */

/** `POST /api/leads/{id}/handovers`. */
export const HandoverInput = z.strictObject({
  to: IdSchema,
  until: z.iso.datetime({ offset: true }).optional(),
  reason: z.string().trim().min(1).max(500),
});
export type HandoverInput = z.infer<typeof HandoverInput>;

/** Who acted: the key's id and its name (the person's name for a person's key) when it had one. */
export type Actor = { actor: string; actorName?: string };

/** A hand-over as the API shows it; `active` is false once `until` has passed, swept or not. */
export type Handover = Omit<HandoverItem, "endedAt" | "returned" | "actorName"> & { actorName: string | null; active: boolean; returnedAt: string | null };

/**
 * A stored hand-over as the API shows it at `now`; `returns` says whether a passed one the sweep has
 * yet to end gives the lead back (lead/holder.ts), so it reads as the sweep will end it.
 */
export function toHandover({ endedAt, returned, ...item }: HandoverItem, now: Date, returns = true): Handover {
  const active = !endedAt && (!item.until || new Date(item.until) > now);
  const returnedAt = endedAt ? (returned ? endedAt : null) : active || !returns ? null : item.until;
  return { ...item, actorName: item.actorName ?? null, active, returnedAt };
}

/** A lead's stored hand-overs as the API shows them at `now`, each passed one read as the sweep will end it. */
export function toHandovers(items: readonly HandoverItem[], assigneeId: string | null, now: Date): Handover[] {
  const returns = passedReturns(assigneeId, items, now);
  return items.map((item) => toHandover(item, now, returns.get(item.id) ?? true));
}

const MAX_TRIES = 5;

export const Handovers = {
  /** Gives the lead to `to` and records it; with `until`, the lead comes back to its person then. */
  async create(ctx: Ctx, leadId: string, input: HandoverInput, by: Actor): Promise<Handover> {
    const now = ctx.now();
    if (input.until && new Date(input.until) <= now) throw new InvalidInputError("until: the hand-over must end in the future", [{ path: "until", message: "must be in the future" }]);
    await readLeadItem(ctx, leadId);
    await namedPeople(ctx, [{ id: input.to, path: "to" }]);
    const once = async () => {
      const lead = await readLeadItem(ctx, leadId);
      // From whom a reader sees it with now; a passed hand-over not swept yet is ended in the same write.
      const passed = passedHandovers(ctx, lead, await handoversOf(ctx, lead.id), now);
      if (passed.holderId === input.to) throw new InvalidInputError("to: the lead is that person's already", [{ path: "to", message: "is the lead's person already" }]);
      const handover: HandoverItem = {
        id: newId(),
        leadId: lead.id,
        from: passed.holderId,
        to: input.to,
        at: now.toISOString(),
        until: input.until ? new Date(input.until).toISOString() : null,
        reason: input.reason,
        ...by,
      };
      await transact(ctx, [assignmentUpdate(ctx, lead, input.to), HandoverEntity.putItem(ctx, handover, "new", "handover"), ...passed.ends]);
      return toHandover(handover, now);
    };
    return withRetry(once, {
      attempts: MAX_TRIES,
      retryable: isLeadRace,
      maxDelayMs: 200,
      exhausted: () => new ConflictError("version_conflict", "the lead kept changing while it was handed over; try again"),
    });
  },

  /** The lead's hand-overs, oldest first. */
  async list(ctx: Ctx, leadId: string): Promise<Handover[]> {
    const lead = await readLeadItem(ctx, leadId);
    return toHandovers(await handoversOf(ctx, lead.id), lead.assigneeId ?? null, ctx.now());
  },

  /**
   * Ends every hand-over whose `until` has passed: the lead goes back to `from` if it is still
   * with `to` (someone who moved it meanwhile decided otherwise, so it stays). Safe to run twice at
   * once: each end is conditional on the hand-over not being ended yet.
   */
  async returnDue(ctx: Ctx): Promise<{ returned: number; kept: number }> {
    const now = ctx.now().toISOString();
    const result = { returned: 0, kept: 0 };
    let cursor: string | undefined;
    do {
      const page = await HandoverEntity.page(ctx, "due", { until: now }, { limit: 100, cursor, sort: { to: `${now}#~` } });
      for (const handover of page.items) {
        const outcome = await endOne(ctx, handover);
        if (outcome) result[outcome]++;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return result;
  },
};

async function endOne(ctx: Ctx, handover: HandoverItem): Promise<"returned" | "kept" | null> {
  const once = async () => {
    const lead = await findLeadItem(ctx, handover.leadId);
    const back = lead !== null && lead.assigneeId === handover.to;
    const endedAt = ctx.now().toISOString();
    const end = HandoverEntity.updateItem(
      ctx,
      handover,
      { set: { endedAt, returned: back }, remove: [dueIndex.partitionKey, dueIndex.sortKey] },
      { expression: "attribute_exists(pk) AND attribute_not_exists(endedAt)" },
      "handover",
    );
    await transact(ctx, back ? [assignmentUpdate(ctx, lead!, handover.from), end] : [end]);
    return back ? ("returned" as const) : ("kept" as const);
  };
  try {
    return await withRetry(once, { attempts: MAX_TRIES, retryable: isLeadRace, maxDelayMs: 200 });
  } catch (error) {
    // Another sweep ended it first.
    if (error instanceof TransactionCancelledError && error.failedCondition("handover")) return null;
    throw error;
  }
}
