import type { LeadCompany, LeadFields } from "../lead/incoming.js";
import { InvalidInputError } from "../errors.js";
import { normalizePhone } from "./phone.js";
import { extractUtm, trackingFromTildaCookies, trackingFromUrl, type TrackingValues } from "./utm.js";

/** What a format parser read for one lead, before normalization. */
export type LeadInput = {
  externalId: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  company?: LeadCompany;
  landingUrl: string | null;
  referrer: string | null;
  /** Tracking values the sender stated outright, most trusted first. */
  explicit: TrackingValues[];
  /** Tilda's `COOKIES` field, the last resort for UTMs. */
  tildaCookies?: string | null;
};

/**
 * The one place the UTM precedence is decided: explicit fields, then the landing URL, then the referrer,
 * then Tilda's cookie. The phone is E.164 when it reads as one, otherwise the sender's text.
 */
export function toLeadFields(input: LeadInput): LeadFields {
  const landingUrl = blankToNull(input.landingUrl);
  const referrer = blankToNull(input.referrer);
  const phone = blankToNull(input.phone);
  const company = toCompany(input.company);
  return {
    externalId: blankToNull(input.externalId),
    contact: { name: blankToNull(input.name), phone: phone && (normalizePhone(phone) ?? phone), email: blankToNull(input.email) },
    ...(company ? { company } : {}),
    ...extractUtm([
      ...input.explicit,
      trackingFromUrl(landingUrl),
      trackingFromUrl(referrer),
      trackingFromTildaCookies(input.tildaCookies ?? null),
    ]),
    landingUrl,
    referrer,
  };
}

/** A lead is usable when something identifies it or lets a manager call back. */
export function isUsable(lead: LeadFields): boolean {
  const { name, phone, email } = lead.contact;
  return Boolean(lead.externalId || name || phone || email || lead.company);
}

/** Null when neither a name nor an INN was sent; an INN that is not 10 or 12 digits is kept as written. */
function toCompany(input: LeadInput["company"]): LeadCompany | null {
  const name = blankToNull(input?.name)?.replace(/\s+/g, " ") ?? null;
  const inn = blankToNull(input?.inn);
  if (name === null && inn === null) return null;
  const digits = inn?.replace(/[\s\u00a0-]/g, "");
  return { name, inn: digits && /^(\d{10}|\d{12})$/.test(digits) ? digits : inn };
}

/** The refusal (unprocessable) of a body that was read but carries no usable lead. */
export function noLeadError(expected: string): InvalidInputError {
  const message = `the body holds no lead: expected at least one of ${expected}`;
  return new InvalidInputError(message, [{ path: "(body)", message }], "unprocessable");
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
