import type { Delivery } from "./delivery.js";
import { isUsable, noLeadError, toLeadFields } from "./lead-fields.js";
import type { ReadBody } from "./read-body.js";
import { SenderFields } from "./sender-fields.js";
import { trackingFromFields } from "./utm.js";

/** Site owners rename form fields; these are Tilda's defaults and the usual Russian spellings. */
const NAME_FIELDS = ["name", "имя", "fio", "фио", "full_name", "fullname"];
const PHONE_FIELDS = ["phone", "телефон", "tel", "phone_number", "mobile"];
const EMAIL_FIELDS = ["email", "e-mail", "почта", "mail"];
/** B2B forms add the client's company and tax id under names the owner picks. */
const COMPANY_FIELDS = ["company", "компания", "company_name", "organization", "организация", "название компании"];
const INN_FIELDS = ["inn", "инн"];
/** Tilda calls the page the form was sent from `referer`; hidden fields added by owners use the others. */
const PAGE_URL_FIELDS = ["formurl", "pageurl", "page_url", "landing_url", "url", "referer"];

/**
 * A Tilda form submission: form-urlencoded by default, or a flat JSON object when the owner picks JSON.
 * `tranid` identifies the submission; `test=test` is the connection check sent when the webhook is saved.
 */
export function parseTilda(body: ReadBody): Delivery {
  const fields = body.kind === "form" ? new SenderFields(body.pairs) : SenderFields.fromJson(body.value);
  if (fields.get("test") === "test" && !fields.get("tranid")) return { test: true, leads: [], statusChanges: [] };

  const lead = toLeadFields({
    externalId: fields.get("tranid"),
    name: fields.get(...NAME_FIELDS),
    phone: fields.get(...PHONE_FIELDS),
    email: fields.get(...EMAIL_FIELDS),
    company: { name: fields.get(...COMPANY_FIELDS), inn: fields.get(...INN_FIELDS) },
    landingUrl: fields.get(...PAGE_URL_FIELDS),
    referrer: fields.get("referrer"),
    explicit: [trackingFromFields((param) => fields.get(param))],
    tildaCookies: fields.get("cookies"),
  });
  if (!isUsable(lead)) throw noLeadError("tranid, Name, Phone, Email");
  return { test: false, leads: [lead], statusChanges: [] };
}
