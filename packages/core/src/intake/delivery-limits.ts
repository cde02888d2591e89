import { utmKeyPartBytes } from "../campaign/campaign.js";
import { keyPartIssue, UTM_KEY_PART_MAX_BYTES } from "../db/key-limits.js";
import { DomainError, InvalidInputError, type FieldIssue } from "../errors.js";
import type { Delivery } from "./delivery.js";
import type { LeadFields } from "../lead/incoming.js";

/**
 * Leads, status changes and contacts one call may carry. A real amoCRM webhook carries the events of
 * one moment of an account, usually a single entity; 250 is the most amoCRM's own API (v4) handles
 * per request, so its webhooks are not expected near it, while one call (one transaction per lead)
 * stays at seconds instead of the minute and a half 7,000 forged leads took.
 * Tilda and `json` carry one lead by construction.
 */
export const MAX_EVENTS_PER_CALL = { tilda: 1, json: 1, amocrm: 250 } as const;

/** The sender's names for a lead's fields when its format carries one lead (no index needed). */
const SINGLE_LEAD_ID_FIELD = { tilda: "tranid", json: "externalId" } as const;

type Format = keyof typeof MAX_EVENTS_PER_CALL;

/**
 * Refuses a parsed call that would not fit: more events than its format allows (too large, before
 * anything is written), or an id or UTM value too long for the DynamoDB key it becomes part of
 * (unprocessable, naming each field). Either way the caller quarantines the call as for any parser refusal.
 */
export function checkDeliveryLimits(format: Format, delivery: Delivery): void {
  const count = delivery.leads.length + delivery.statusChanges.length + (delivery.contacts?.length ?? 0);
  const limit = MAX_EVENTS_PER_CALL[format];
  if (count > limit) {
    const message = `the call carries ${count} leads, status changes and contacts; at most ${limit} per call: send them in several calls`;
    throw new DomainError("too_many_leads", message, "too_large", { limit, count, issues: [{ path: "(body)", message }] });
  }

  const issues: FieldIssue[] = [];
  const add = (issue: FieldIssue | null) => issue && issues.push(issue);
  const single = delivery.leads.length === 1 && format !== "amocrm";
  delivery.leads.forEach((lead, index) => {
    const name = (field: string) => (single ? field : `leads[${index}].${field}`);
    add(keyPartIssue(single ? SINGLE_LEAD_ID_FIELD[format as keyof typeof SINGLE_LEAD_ID_FIELD] : name("externalId"), lead.externalId));
    issues.push(...utmIssues(lead, name));
    add(keyPartIssue(name("pipeline_id"), lead.crm?.pipelineId));
    add(keyPartIssue(name("responsible_user_id"), lead.crm?.responsibleUserId));
  });
  delivery.statusChanges.forEach((change, index) => {
    const name = (field: string) => `statusChanges[${index}].${field}`;
    add(keyPartIssue(name("id"), change.externalId));
    add(keyPartIssue(name("status_id"), change.statusId));
    add(keyPartIssue(name("loss_reason_id"), change.lossReasonId));
    add(keyPartIssue(name("pipeline_id"), change.pipelineId));
  });
  delivery.contacts?.forEach((contact, index) => {
    add(keyPartIssue(`contacts[${index}].id`, contact.contactId));
    contact.linkedExternalIds.forEach((id, linked) => add(keyPartIssue(`contacts[${index}].linked_leads_id[${linked}]`, id)));
  });
  if (issues.length > 0) {
    throw new InvalidInputError(`too long to store: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues, "unprocessable");
  }
}

/** utm_source and utm_campaign find the lead's campaign by a key holding both, percent-encoded. */
export function utmIssues(lead: Pick<LeadFields, "utm">, name: (field: string) => string = (field) => field): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [label, field] of [["source", "utm_source"], ["campaign", "utm_campaign"]] as const) {
    const value = lead.utm[label];
    if (value === null) continue;
    const bytes = utmKeyPartBytes(value);
    if (bytes > UTM_KEY_PART_MAX_BYTES) {
      const got = Number.isFinite(bytes) ? `, got ${bytes}` : ": the text is not valid Unicode";
      issues.push({ path: name(field), message: `at most ${UTM_KEY_PART_MAX_BYTES} bytes once percent-encoded${got}` });
    }
  }
  return issues;
}

/** The sender's `Idempotency-Key` header becomes part of a lead reference's key: refused as unprocessable when it could not fit. */
export function checkIdempotencyKey(header: string | undefined): void {
  const issue = keyPartIssue("Idempotency-Key", header?.trim());
  if (issue) throw new InvalidInputError(`the Idempotency-Key header is too long: ${issue.message}`, [issue], "unprocessable");
}
