import type { ContactUpdate, LeadFields, ResponsibleChange, StatusChange } from "../lead/incoming.js";

/**
 * What a webhook delivery means once parsed, whatever format it came in (Tilda, amoCRM, plain JSON).
 * Parsers produce this; lead capture consumes it.
 */
export type Delivery = {
  /** A connection test (Tilda's `test=test`): answer "ok", create nothing. */
  test: boolean;
  leads: LeadFields[];
  statusChanges: StatusChange[];
  /** CRM contacts with their linked deals (amoCRM only). */
  contacts?: ContactUpdate[];
  /** Deals' responsible users named by later CRM events (amoCRM only). */
  responsibles?: ResponsibleChange[];
};
