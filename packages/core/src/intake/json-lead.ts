import { z } from "zod";
import type { Delivery } from "./delivery.js";
import { InvalidInputError } from "../errors.js";
import { isUsable, noLeadError, toLeadFields } from "./lead-fields.js";
import type { ReadBody } from "./read-body.js";
import { SenderFields } from "./sender-fields.js";
import { trackingFromFields, type TrackingParam } from "./utm.js";

/** Senders often serialize ids and phones as numbers; anything else that is not text is a mistake refused as unprocessable. */
const Text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value == null ? null : String(value)));

/** The `json` source's lead. Unknown fields are the sender's and are allowed. */
export const JsonLead = z.looseObject({
  externalId: Text,
  name: Text,
  phone: Text,
  email: Text,
  /** The company as `{name, inn}`, or just its name (with the INN in the flat `inn`). */
  company: z.union([z.looseObject({ name: Text, inn: Text }), Text]),
  inn: Text,
  url: Text,
  referrer: Text,
  utm: z.looseObject({ source: Text, medium: Text, campaign: Text, content: Text, term: Text }).nullish(),
  utm_source: Text,
  utm_medium: Text,
  utm_campaign: Text,
  utm_content: Text,
  utm_term: Text,
  yclid: Text,
  gclid: Text,
});

/**
 * A lead in Parom's own shape, as JSON or as a form with the same flat field names.
 * The nested `utm` object is read before the flat `utm_*` fields.
 */
export function parseJsonLead(body: ReadBody): Delivery {
  const lead = toLeadFields(body.kind === "json" ? fromJson(body.value) : fromForm(new SenderFields(body.pairs)));
  if (!isUsable(lead)) throw noLeadError("externalId, name, phone, email");
  return { test: false, leads: [lead], statusChanges: [] };
}

function fromJson(value: Record<string, unknown>) {
  const result = JsonLead.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(body)", message: issue.message }));
    throw new InvalidInputError(`the lead is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues, "unprocessable");
  }
  const lead = result.data;
  const { utm } = lead;
  const nested: Partial<Record<TrackingParam, string | null>> = {
    utm_source: utm?.source,
    utm_medium: utm?.medium,
    utm_campaign: utm?.campaign,
    utm_content: utm?.content,
    utm_term: utm?.term,
  };
  const company = typeof lead.company === "object" && lead.company !== null ? lead.company : { name: lead.company, inn: null };
  return {
    externalId: lead.externalId,
    name: lead.name,
    phone: lead.phone,
    email: lead.email,
    company: { name: company.name, inn: company.inn ?? lead.inn },
    landingUrl: lead.url,
    referrer: lead.referrer,
    explicit: [trackingFromFields((param) => nested[param] ?? null), trackingFromFields((param) => lead[param])],
  };
}

function fromForm(fields: SenderFields) {
  return {
    externalId: fields.get("externalId"),
    name: fields.get("name"),
    phone: fields.get("phone"),
    email: fields.get("email"),
    company: { name: fields.get("company"), inn: fields.get("inn") },
    landingUrl: fields.get("url"),
    referrer: fields.get("referrer"),
    explicit: [trackingFromFields((param) => fields.get(param))],
  };
}
