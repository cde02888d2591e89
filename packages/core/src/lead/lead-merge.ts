import type { Ctx } from "../context.js";
import { withRetry } from "../db/retry.js";
import { transact, TransactionCancelledError, type TransactItem } from "../db/transact.js";
import { ContactClaims, contactKeys } from "./contact-claims.js";
import { CounterLedger } from "./counter-ledger.js";
import { leadListingAttributes, leadUpdate, stageChangeItem, WonLeadEntity, type LeadItem } from "./keys.js";
import { readLeadItem } from "./read-lead.js";
import { attributionOf, filledContact, samePersonLead, sourcesOf, touchesOf } from "./same-person.js";
import { rank, type PathStage } from "../lead-stages.js";
import { WonLeads } from "./won-leads.js";

/** Each round lets one writer through; a merge races only the few deliveries of one person. */
const MAX_ATTEMPTS = 20;

/** What a lead's deal outcome is made of; a merge takes all of it from one of the two leads. */
const OUTCOME = ["stage", "amountKopecks", "lostReason", "lossReasonId", "wonDay", "lostReasonCategory", "qualityReview"] as const;

/**
 * When a lead learns its person's phone or e-mail after it was captured (an amoCRM deal whose contact
 * arrives in `contacts[add]`), and another source's lead within the window is that same person, the
 * two become one: the later is merged into the earlier. Returns the surviving lead's id and the id
 * of the lead merged away (null when there was none). Otherwise the lead claims its phone and e-mail.
 */
export async function mergeSamePerson(ctx: Ctx, leadId: string, actor: string): Promise<{ leadId: string; merged: string | null }> {
  // Any cancellation (a claim taken, either lead changed, a conflict) re-reads both leads and the claims.
  return withRetry(() => mergeOnce(ctx, leadId, actor), { attempts: MAX_ATTEMPTS, retryable: (error) => error instanceof TransactionCancelledError, maxDelayMs: 200 });
}

async function mergeOnce(ctx: Ctx, leadId: string, actor: string): Promise<{ leadId: string; merged: string | null }> {
  const lead = await readLeadItem(ctx, leadId);
  const claims = await ContactClaims.read(ctx, contactKeys(lead.contact));
  const other = await samePersonLead(ctx, claims, { sourceIds: sourcesOf(lead), at: lead.createdAt, except: lead.id });
  // Ids are ULIDs: they order leads that arrived within the same clock reading.
  const [earlier, later] = !other || (lead.createdAt.localeCompare(other.createdAt) || lead.id.localeCompare(other.id)) <= 0 ? [lead, other] : [other, lead];
  const claimed = claims.filter((claim) => claim.leadId === null || (later !== null && claim.leadId === later.id));
  const items = [...(later ? mergeItems(ctx, earlier, later, actor) : []), ...claimed.map((claim) => ContactClaims.write(ctx, claim, earlier.id))];
  if (items.length === 0) return { leadId: lead.id, merged: null };
  await transact(ctx, items);
  return { leadId: earlier.id, merged: later?.id ?? null };
}

/** How far a lead went: won beats everything, then the furthest stage reached, then being still open. */
const progress = (lead: LeadItem) => (lead.stage === "won" ? 100 : rank(lead.furthestStage) * 2 + (lead.stage === "lost" ? 0 : 1));

/**
 * One transaction: the earlier lead takes the later one's touches, missing contact fields, its
 * attribution when it had none, and its outcome when the later went further (won counted once);
 * the later becomes an alias of the earlier (its id, CRM id and references all reach the earlier);
 * the counters each counted are taken back and the merged lead counted once.
 */
function mergeItems(ctx: Ctx, a: LeadItem, b: LeadItem, actor: string): TransactItem[] {
  const at = ctx.now().toISOString();
  const outcomeFrom = progress(b) > progress(a) ? b : a;
  const furthestStage: PathStage = rank(b.furthestStage) > rank(a.furthestStage) ? b.furthestStage : a.furthestStage;
  const set: Record<string, unknown> = {
    touches: [...touchesOf(a), ...touchesOf(b)].sort((x, y) => x.at.localeCompare(y.at)),
    contact: filledContact(a.contact, b.contact),
    furthestStage,
    updatedAt: at,
    version: a.version + 1,
  };
  if (!a.company && b.company) set.company = b.company;
  if (!a.responsibleUserId && b.responsibleUserId) set.responsibleUserId = b.responsibleUserId;
  if (!a.campaignId && b.campaignId) {
    // A lead attributed to a campaign has that campaign's hypothesis.
    Object.assign(set, attributionOf(a, { campaignId: b.campaignId, hypothesisId: b.hypothesisId!, contractorId: b.contractorId }, { utm: b.utm, clickIds: b.clickIds }));
  }
  const remove: string[] = [];
  for (const field of OUTCOME) {
    if (outcomeFrom[field] !== undefined) set[field] = outcomeFrom[field];
    else if (a[field] !== undefined) remove.push(field);
  }
  // The earlier lead as the merge leaves it: `set` holds only its attributes, taken from the two leads.
  const merged = { ...a, ...set, ...Object.fromEntries(remove.map((field) => [field, undefined])) } as LeadItem;

  const items: TransactItem[] = [
    leadUpdate(ctx, a, set, remove, "earlierLead"),
    leadUpdate(ctx, b, { mergedInto: a.id, type: "mergedLead", updatedAt: at, version: b.version + 1 }, leadListingAttributes, "laterLead"),
    ...new CounterLedger().count(a, -1).count(b, -1).count(merged, 1).items(ctx),
  ];
  if (b.stage === "won") items.push(WonLeadEntity.removeItem(ctx, { wonDay: b.wonDay!, leadId: b.id }, undefined, "laterWonLead"));
  if (merged.stage === "won" && a.stage !== "won") items.push(WonLeads.reference(ctx, a.id, merged.wonDay!));
  if (merged.stage !== a.stage || merged.lostReason !== a.lostReason) {
    // The earlier lead's history says where its new stage came from.
    items.push(
      stageChangeItem(ctx, {
        leadId: a.id,
        at,
        from: a.stage,
        to: merged.stage,
        ...(merged.stage === "won" ? { amountKopecks: merged.amountKopecks } : {}),
        ...(merged.stage === "lost" ? { lostReason: merged.lostReason } : {}),
        actor,
        mergedFrom: b.id,
      }),
    );
  }
  return items;
}
