/**
 * What the outside world says about leads, whatever format it came in: a lead's fields as the sender
 * sent them, and a CRM's contacts, status changes and responsible users. Intake's parsers produce
 * them (intake/delivery.ts gathers them into a delivery); lead capture and the CRM appliers use them.
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
  /** What a CRM says about its deal: who handles it and in which pipeline (absent for forms). */
  crm?: CrmDeal;
};

/** A CRM deal's owner and pipeline, as the CRM's ids (amoCRM `responsible_user_id`, `pipeline_id`). */
export type CrmDeal = { responsibleUserId: string | null; pipelineId: string | null };

/**
 * A CRM contact (amoCRM `contacts[add|update]`) with the deals it is linked to: how a deal captured
 * without a phone learns its person's name, phone and e-mail.
 */
export type ContactUpdate = {
  /** The CRM's contact id. */
  contactId: string;
  contact: LeadFields["contact"];
  /** The CRM ids of the deals linked to this contact (`linked_leads_id`). */
  linkedExternalIds: string[];
};

/** An amoCRM-style pipeline status change for a lead already captured under `externalId`. */
export type StatusChange = {
  externalId: string;
  statusId: string;
  /** The deal amount the CRM sent (amoCRM `price`), as text; null when absent. */
  price: string | null;
  /** amoCRM `loss_reason_id` of a lost deal (absent or "0" when no reason was picked): null when none. */
  lossReasonId?: string | null;
  /** amoCRM `pipeline_id` the deal is in now; null when not sent. */
  pipelineId?: string | null;
};

/** A deal's responsible CRM user as a later amoCRM event names it (`responsible_user_id` of `leads[status|update]`). */
export type ResponsibleChange = { externalId: string; responsibleUserId: string };
