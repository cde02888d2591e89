import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import type { TransactItem } from "../db/transact.js";

/** What identifies a person across sources: an E.164 phone or a lower-cased e-mail. */
export type ContactKey = { kind: "phone" | "email"; value: string };

/** The longest e-mail address SMTP allows; a longer "address" is never a key. */
const EMAIL_MAX = 254;
const E164 = /^\+\d{8,15}$/;
// One `@` with something on both sides and no spaces: linear, and enough to tell an address from a note.
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * The keys a lead's contact is known by. A phone that did not normalize to E.164 (the sender's text
 * is kept then) identifies nobody, so it is not a key.
 * @example contactKeys({ phone: "+79161234567", email: "Anna@Example.ru" }) // [{kind: "phone", ...}, {kind: "email", value: "anna@example.ru"}]
 */
export function contactKeys(contact: { phone: string | null; email: string | null }): ContactKey[] {
  const keys: ContactKey[] = [];
  if (contact.phone && E164.test(contact.phone)) keys.push({ kind: "phone", value: contact.phone });
  const email = contact.email?.trim().toLowerCase();
  if (email && email.length <= EMAIL_MAX && EMAIL.test(email)) keys.push({ kind: "email", value: email });
  return keys;
}

/**
 * A contact claim: one item per phone and per e-mail naming the lead that person is. Written with a
 * condition in the transaction that creates, links or merges the lead, so two sources delivering
 * the same person at once cannot both create a lead: the second transaction fails its condition,
 * re-reads the claim and links to the first.
 */
export type Claim = { key: ContactKey; leadId: string | null };

export const ContactClaimEntity = defineEntity({
  type: "contactClaim",
  schema: z.object({ kind: z.enum(["phone", "email"]), value: z.string(), leadId: z.string(), at: z.string() }),
  key: ({ kind, value }: ContactKey) => ({ pk: `CONTACT#${kind}#${value}`, sk: "CLAIM" }),
});

export const ContactClaims = {
  /** The current claim of each key (leadId null where unclaimed), in one strongly consistent batch. */
  async read(ctx: Ctx, keys: ContactKey[]): Promise<Claim[]> {
    if (keys.length === 0) return [];
    const claimed = await ContactClaimEntity.getMany(ctx, keys, { consistent: true });
    return keys.map((key) => ({ key, leadId: claimed.find((claim) => claim.kind === key.kind && claim.value === key.value)?.leadId ?? null }));
  },

  /**
   * Points `claim.key` at `leadId`, provided the claim still names what was read (nobody, or
   * `claim.leadId`): a claim changed meanwhile cancels the transaction, and the caller starts over.
   */
  write(ctx: Ctx, claim: Claim, leadId: string): TransactItem {
    const unchanged = claim.leadId === null ? "new" : { expression: "leadId = :was", values: { ":was": claim.leadId } };
    return ContactClaimEntity.putItem(ctx, { kind: claim.key.kind, value: claim.key.value, leadId, at: ctx.now().toISOString() }, unchanged, `${claim.key.kind}Claim`);
  },
};
