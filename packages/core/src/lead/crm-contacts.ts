import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";
import type { ContactUpdate } from "../intake/delivery.js";
import { leadKeys } from "./lead.js";

/** What became of one CRM contact for one deal linked to it; reported in the webhook's answer, never thrown. */
export type CrmContactOutcome = {
  contactId: string;
  externalId: string | null;
  leadId: string | null;
  outcome: "applied" | "unknown_lead" | "no_linked_deal";
  message?: string;
};

/**
 * Gives the leads captured from this source for the contact's linked deals the contact's name,
 * phone and e-mail. The CRM's contact is the person's record, so what it sends replaces what the
 * lead had; a field it leaves empty keeps the lead's.
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

async function applyToDeal(ctx: Ctx, sourceId: string, update: ContactUpdate, externalId: string): Promise<CrmContactOutcome> {
  const base = { contactId: update.contactId, externalId };
  const { Item: ref } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: leadKeys.byExternalId(sourceId, externalId), ConsistentRead: true }));
  if (!ref) return { ...base, leadId: null, outcome: "unknown_lead", message: `no lead from this source has CRM id ${externalId}` };
  const leadId: string = ref.leadId;
  const fields = Object.entries(update.contact).filter(([, value]) => value !== null);
  if (fields.length > 0) {
    await ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: leadKeys.item(leadId),
        UpdateExpression: `SET ${fields.map(([name]) => `contact.#${name} = :${name}`).join(", ")}, updatedAt = :at`,
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: Object.fromEntries(fields.map(([name]) => [`#${name}`, name])),
        ExpressionAttributeValues: { ...Object.fromEntries(fields.map(([name, value]) => [`:${name}`, value])), ":at": ctx.now().toISOString() },
      }),
    );
  }
  return { ...base, leadId, outcome: "applied" };
}
