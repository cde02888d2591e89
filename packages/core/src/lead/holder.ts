import type { Ctx } from "../context.js";
import { HandoverEntity } from "./handovers.js";

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
  const due = handovers.filter((h) => !h.endedAt && h.until !== null && new Date(h.until) <= now);
  due.sort((a, b) => dueOrder(a).localeCompare(dueOrder(b)));
  return due.reduce<string | null>((holder, h) => (holder === h.to ? h.from : holder), assigneeId);
}

/** The sweep's order (the `due` listing's sort key). */
const dueOrder = (h: HandoverFacts) => `${h.until}#${h.leadId}#${h.id}`;

/** A lead's hand-overs (strongly consistent, from its partition). */
export async function handoversOf(ctx: Ctx, leadId: string): Promise<HandoverFacts[]> {
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
