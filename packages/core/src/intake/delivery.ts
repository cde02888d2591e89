/**
 * What a webhook delivery means once parsed, whatever format it came in (Tilda, amoCRM, plain JSON).
 * Parsers produce this; lead capture consumes it.
 */

/** UTM labels as the sender wrote them, percent-decoded; null where absent. */
export type Utm = {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  content: string | null;
  term: string | null;
};

/**
 * The client's company, when the sender names one (B2B forms, CRM deal fields). `inn` is the Russian
 * tax id as 10 or 12 digits when it reads as one, otherwise the sender's text: a mistyped INN must not
 * cost the lead, and reconciliation simply does not match by it.
 */
export type LeadCompany = { name: string | null; inn: string | null };

export type LeadFields = {
  /** The sender's id for this lead (Tilda `tranid`, amoCRM lead id, JSON `externalId`): the idempotency key. */
  externalId: string | null;
  /** `phone` is E.164 when it could be normalized, otherwise the sender's text. */
  contact: { name: string | null; phone: string | null; email: string | null };
  /** Absent when the sender named neither a company nor an INN. */
  company?: LeadCompany;
  utm: Utm;
  clickIds: { yclid?: string; gclid?: string };
  landingUrl: string | null;
  referrer: string | null;
};

/** An amoCRM-style pipeline status change for a lead already captured under `externalId`. */
export type StatusChange = {
  externalId: string;
  statusId: string;
  /** The deal amount the CRM sent (amoCRM `price`), as text; null when absent. */
  price: string | null;
};

export type Delivery = {
  /** A connection test (Tilda's `test=test`): answer "ok", create nothing. */
  test: boolean;
  leads: LeadFields[];
  statusChanges: StatusChange[];
};
