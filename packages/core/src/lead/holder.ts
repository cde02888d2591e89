import type { Ctx } from "../context.js";
import type { TransactItem } from "../db/transact.js";
import { dueIndex, HandoverEntity, type HandoverItem } from "./handover-entity.js";
import type { LeadItem } from "./keys.js";

/*
 * Who has a lead now. The sweep (Handovers.returnDue, every 5 minutes) writes a hand-over's return;
 * until it runs, every read decides the same way it will: this is the one place that rule lives,
 * for the API's lead, the lists, the manager's scope and the lead page. Reads never write.
 */

/** What of a stored hand-over decides the lead's person: `endedAt` set once the sweep has ended it. */
export type HandoverFacts = { id: string; leadId: string; from: string | null; to: string; until: string | null; endedAt?: string };

/**
 * The person holding the lead at `now`: its stored person, with each hand-over the sweep has yet to
 * end and whose `until` has passed applied as the sweep applies it (soonest `until` first; back to
 * `from` only while still with `to`), so the sweep running changes nothing a reader sees.
 * @example holderAt(item.assigneeId ?? null, handovers, ctx.now())
 */
export function holderAt(assigneeId: string | null, handovers: readonly HandoverFacts[], now: Date): string | null {
  return settle(assigneeId, handovers, now).holderId;
}

/** For each passed hand-over the sweep has yet to end, by id: whether it gives the lead back (false: the sweep will keep it where it is). */
export function passedReturns(assigneeId: string | null, handovers: readonly HandoverFacts[], now: Date): Map<string, boolean> {
  return new Map(settle(assigneeId, handovers, now).passed.map(({ handover, returned }) => [handover.id, returned]));
}

/** The rule itself: who has the lead, and which passed hand-overs give it back (the rest the sweep will end as kept). */
function settle<H extends HandoverFacts>(assigneeId: string | null, handovers: readonly H[], now: Date): { holderId: string | null; passed: Array<{ handover: H; returned: boolean }> } {
  const due = handovers.filter((h) => !h.endedAt && h.until !== null && new Date(h.until) <= now);
  due.sort((a, b) => dueOrder(a).localeCompare(dueOrder(b)));
  let holderId = assigneeId;
  const passed = due.map((handover) => {
    const returned = holderId === handover.to;
    if (returned) holderId = handover.from;
    return { handover, returned };
  });
  return { holderId, passed };
}

/**
 * For a write that decides the lead's person (an assignment, a hand-over): who has it now, and the
 * updates that end its passed, unswept hand-overs as readers saw them (named "passedHandover"; a
 * sweep ending one first fails it, a race to retry), so the sweep cannot undo that decision later.
 */
export function passedHandovers(ctx: Ctx, lead: LeadItem, handovers: readonly HandoverItem[], now: Date): { holderId: string | null; ends: TransactItem[] } {
  const { holderId, passed } = settle(lead.assigneeId ?? null, handovers, now);
  const endedAt = now.toISOString();
  const ends = passed.map(({ handover, returned }) =>
    HandoverEntity.updateItem(
      ctx,
      handover,
      { set: { endedAt, returned }, remove: [dueIndex.partitionKey, dueIndex.sortKey] },
      { expression: "attribute_exists(pk) AND attribute_not_exists(endedAt)" },
      "passedHandover",
    ),
  );
  return { holderId, ends };
}

/** The sweep's order (the `due` listing's sort key). */
const dueOrder = (h: HandoverFacts) => `${h.until}#${h.leadId}#${h.id}`;

/** A lead's hand-overs (strongly consistent, from its partition). */
export async function handoversOf(ctx: Ctx, leadId: string): Promise<HandoverItem[]> {
  return HandoverEntity.inPartition(ctx, { leadId }, { consistent: true });
}

/**
 * Every hand-over whose `until` has passed and that the sweep has not ended yet, by lead: the few
 * the next sweep will end (one index query; the listing a list's leads are decided by).
 */
export async function dueHandovers(ctx: Ctx, now: Date): Promise<Map<string, HandoverFacts[]>> {
  const until = now.toISOString();
  const due = await HandoverEntity.all(ctx, "due", { until }, { sort: { to: `${until}#~` } });
  const byLead = new Map<string, HandoverFacts[]>();
  for (const h of due) byLead.set(h.leadId, [...(byLead.get(h.leadId) ?? []), h]);
  return byLead;
}
