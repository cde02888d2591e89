import type { Ctx } from "../context.js";
import { NotFoundError } from "../errors.js";
import { LeadEntity, type LeadItem } from "./keys.js";

/** A merged lead points at the lead that absorbed it; chains are short, this bounds a corrupt loop. */
const MAX_HOPS = 5;

/**
 * The stored lead with this id, or the lead it was merged into (lead/same-person.ts): a merged
 * lead's id, CRM id and webhook references keep working and all reach the surviving lead.
 * Null when there is no such lead.
 */
export async function findLeadItem(ctx: Ctx, id: string): Promise<LeadItem | null> {
  let current = id;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const item = await LeadEntity.get(ctx, { id: current }, { consistent: true });
    if (!item) return null;
    if (!item.mergedInto) return item;
    current = item.mergedInto;
  }
  throw new Error(`lead ${id} is merged through more than ${MAX_HOPS} leads`);
}

/** As findLeadItem, throwing NotFoundError when there is no such lead. */
export async function readLeadItem(ctx: Ctx, id: string): Promise<LeadItem> {
  const item = await findLeadItem(ctx, id);
  if (!item) throw new NotFoundError("lead", id);
  return item;
}
