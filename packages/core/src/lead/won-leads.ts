import type { Ctx } from "../context.js";
import type { TransactItem } from "../db/transact.js";
import { LeadEntity, WonLeadEntity, type LeadItem } from "./keys.js";

/**
 * Won leads by the day they were won, read without a scan. A won lead gets one reference item
 * under its month (WonLeadEntity) in the same transaction that makes it won; won is final,
 * so the reference never has to be taken back, and it holds only the id, so an amount correction
 * needs no second write: the lead itself is read for its current state.
 */
export const WonLeads = {
  /** The reference item to write with the change that makes `leadId` won on `wonDay`, named "wonLead". */
  reference(ctx: Ctx, leadId: string, wonDay: string): TransactItem {
    return WonLeadEntity.putItem(ctx, { leadId, wonDay }, "new", "wonLead");
  },

  /**
   * The stored leads won from `from` to `to` (ISO days, inclusive), by day won then id;
   * `toLead` (query.ts) shows them; it is not imported here so that the writers of the reference
   * (capture, outcomes) can import this module without an import cycle through query.ts.
   */
  async between(ctx: Ctx, from: string, to: string): Promise<LeadItem[]> {
    const months = monthsBetween(from, to);
    const references = (
      await Promise.all(
        months.map((month) =>
          // "~" sorts after every ULID character, so the last day's leads are all included.
          WonLeadEntity.inPartition(ctx, { month }, { sort: { between: [from, `${to}#~`] }, consistent: true }),
        ),
      )
    ).flat();
    const items = await LeadEntity.getMany(ctx, references.map((ref) => ({ id: ref.leadId })), { consistent: true });
    const byId = new Map(items.map((item) => [item.id, item]));
    return references.flatMap((ref) => byId.get(ref.leadId) ?? []);
  },
};

/** "2026-01-15".."2026-03-02" -> ["2026-01", "2026-02", "2026-03"]. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, "0")}`;
    if (current > last) return months;
    months.push(current);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}
