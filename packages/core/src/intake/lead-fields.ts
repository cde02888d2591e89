import type { LeadFields } from "./delivery.js";
import { InvalidInputError } from "../errors.js";
import { normalizePhone } from "./phone.js";
import { extractUtm, trackingFromTildaCookies, trackingFromUrl, type TrackingValues } from "./utm.js";

/** What a format parser read for one lead, before normalization. */
export type LeadInput = {
  externalId: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
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
  return {
    externalId: blankToNull(input.externalId),
    contact: { name: blankToNull(input.name), phone: phone && (normalizePhone(phone) ?? phone), email: blankToNull(input.email) },
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
  return Boolean(lead.externalId || name || phone || email);
}

/** The 422 for a body that was read but carries no usable lead. */
export function noLeadError(expected: string): InvalidInputError {
  const message = `the body holds no lead: expected at least one of ${expected}`;
  return new InvalidInputError(message, [{ path: "(body)", message }], 422);
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
