import type { Ctx } from "../context.js";
import { withRetry } from "../db/retry.js";
import type { ContactUpdate } from "./incoming.js";
import { LeadEntity, LeadRefEntity } from "./keys.js";
import { mergeSamePerson } from "./lead-merge.js";
import { findLeadItem } from "./read-lead.js";

/** What became of one CRM contact for one deal linked to it; reported in the webhook's answer, never thrown. */
export type CrmContactOutcome = {
  contactId: string;
  externalId: string | null;
  leadId: string | null;
  outcome: "applied" | "unknown_lead" | "no_linked_deal";
  /** The deal turned out to be the same person as another source's lead: this one was merged into `leadId`. */
  mergedLeadId?: string;
  message?: string;
};

/**
 * Gives the leads captured from this source for the contact's linked deals the contact's name,
 * phone and e-mail. The CRM's contact is the person's record, so what it sends replaces what the
 * lead had; a field it leaves empty keeps the lead's. A deal that thereby turns out to be the same
 * person as another source's lead within the window becomes one lead with it (lead/lead-merge.ts).
 */
export async function applyCrmContacts(ctx: Ctx, sourceId: string, contacts: ContactUpdate[]): Promise<CrmContactOutcome[]> {
  const outcomes: CrmContactOutcome[] = [];
  for (const update of contacts) {
    if (update.linkedExternalIds.length === 0) {
      outcomes.push({ contactId: update.contactId, externalId: null, leadId: null, outcome: "no_linked_deal", message: "the contact is linked to no deal" });
    }
    for (const externalId of update.linkedExternalIds) outcomes.push(await applyToDeal(ctx, sourceId, update, externalId));
  }
  return outcomes;
}

/** A merge between reading the lead and writing it: each round reads the surviving lead again. */
const MAX_ATTEMPTS = 5;

async function applyToDeal(ctx: Ctx, sourceId: string, update: ContactUpdate, externalId: string): Promise<CrmContactOutcome> {
  const base = { contactId: update.contactId, externalId };
  const ref = await LeadRefEntity.get(ctx, { sourceId, externalId }, { consistent: true });
  if (!ref) return { ...base, leadId: null, outcome: "unknown_lead", message: `no lead from this source has CRM id ${externalId}` };
  const fields = Object.entries(update.contact).filter(([, value]) => value !== null);
  if (fields.length > 0) {
    const applied = await withRetry(
      async () => {
        // The deal may have been merged into another source's lead: the person's record is that lead.
        const lead = await findLeadItem(ctx, ref.leadId);
        if (!lead) return false;
        // Only the contact's fields it sends, each on its own, so a concurrent change of the others stands.
        const changes = { setIn: { contact: Object.fromEntries(fields) }, set: { updatedAt: ctx.now().toISOString() } };
        const written = await LeadEntity.update(ctx, { id: lead.id }, changes, { expression: "attribute_exists(pk) AND attribute_not_exists(mergedInto)" });
        if (!written) throw new MergedMeanwhile();
        return true;
      },
      { attempts: MAX_ATTEMPTS, retryable: (error) => error instanceof MergedMeanwhile },
    );
    if (!applied) return { ...base, leadId: null, outcome: "unknown_lead", message: `the lead of CRM id ${externalId} no longer exists` };
  }
  const { leadId, merged } = await mergeSamePerson(ctx, ref.leadId, `crm:${sourceId}`);
  return { ...base, leadId, outcome: "applied", ...(merged ? { mergedLeadId: merged } : {}) };
}

/** The lead was merged (or removed) between reading and writing it: the next round reads the surviving lead. */
class MergedMeanwhile extends Error {}
