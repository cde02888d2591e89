import type { Lead } from "./lead.js";

/*
 * Contact details as a marketer sees them in lists: enough to tell leads apart and to see that a
 * contact is there, not enough to call or write. The whole contact is on one lead's page only, and
 * each such view is logged (lead/contact-views.ts).
 */

/** Digits kept at the end of a masked phone. */
const PHONE_DIGITS_KEPT = 2;
const HIDDEN = "•";

/**
 * Every digit but the last two replaced by a bullet, separators kept.
 * @example maskPhone("+7 999 123-45-67") // "+• ••• •••-••-67"
 */
export function maskPhone(phone: string): string {
  let kept = 0;
  const chars = [...phone];
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i]! < "0" || chars[i]! > "9") continue;
    if (kept < PHONE_DIGITS_KEPT) kept++;
    else chars[i] = HIDDEN;
  }
  return chars.join("");
}

/**
 * The first letter of the mailbox and the domain's last label; the rest hidden.
 * @example maskEmail("ivan.petrov@example.ru") // "i•••@•••.ru"
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  const mailbox = at > 0 ? email.slice(0, at) : email;
  const domain = at >= 0 ? email.slice(at + 1) : "";
  const dot = domain.lastIndexOf(".");
  const tld = dot >= 0 ? domain.slice(dot) : "";
  return `${[...mailbox][0] ?? ""}${HIDDEN.repeat(3)}@${HIDDEN.repeat(3)}${tld}`;
}

/** The lead with its phone and e-mail masked (the name is kept). */
export function withMaskedContact(lead: Lead): Lead {
  const { phone, email } = lead.contact;
  return { ...lead, contact: { ...lead.contact, phone: phone === null ? null : maskPhone(phone), email: email === null ? null : maskEmail(email) } };
}
