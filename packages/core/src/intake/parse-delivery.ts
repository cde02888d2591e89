import { parseAmoCrm } from "./amocrm.js";
import type { Delivery } from "./delivery.js";
import { checkDeliveryLimits } from "./delivery-limits.js";
import { parseJsonLead } from "./json-lead.js";
import { readBody, type ReadBody, type WebhookBody } from "./read-body.js";
import { parseTilda } from "./tilda.js";

export type { WebhookBody } from "./read-body.js";

/** The formats a lead source can be registered with. */
export type DeliveryFormat = "tilda" | "amocrm" | "json";

const parsers: Record<DeliveryFormat, (body: ReadBody) => Delivery> = {
  tilda: parseTilda,
  amocrm: parseAmoCrm,
  json: parseJsonLead,
};

/**
 * What a webhook body means, read as the source's format.
 * Throws InvalidInputError: invalid when the body cannot be read (malformed JSON, a JSON body that is not
 * an object, an unsupported Content-Type), unprocessable when it reads but holds no usable lead. A malformed URL or
 * percent-escape inside a field never throws: the lead keeps what could be read. A call over its format's
 * lead cap (too large) or with an id too long for a key (unprocessable) is refused too (see delivery-limits.ts).
 * @example parseDelivery("tilda", { contentType: "application/x-www-form-urlencoded", text: "test=test" })
 */
export function parseDelivery(format: DeliveryFormat, body: WebhookBody): Delivery {
  const delivery = parsers[format](readBody(body));
  checkDeliveryLimits(format, delivery);
  return delivery;
}
