import { Hono, type Context } from "hono";
import type { IntakeAnswer } from "@parom/core/intake";
import { JsonLead, RawArchive, receiveDelivery } from "@parom/core/intake";
import { DomainError } from "@parom/core";
import { Sources } from "@parom/core/source";
import type { AppEnv } from "../env.js";
import { describeRoute } from "../openapi/describe.js";

/** The answer a sender gets: Tilda's connection test wants the text "ok". Shared with quarantine replay. */
export function intakeResponse(c: Context, answer: IntakeAnswer) {
  if (answer.test) return c.text("ok");
  return c.json({ leads: answer.leads, ignored: answer.ignored, statusChanges: answer.statusChanges, contacts: answer.contacts, ...(answer.responsibles ? { responsibles: answer.responsibles } : {}) });
}

/** `POST /hooks/{key}`: the public webhook. The call is archived before anything reads it. */
export const hookRoutes = new Hono<AppEnv>().post(
  "/:key",
  describeRoute({
    summary: "Receive leads from a form, a CRM or any sender",
    description:
      "The public webhook of one lead source; the unguessable key in the path is the credential. The call is archived first, " +
      "then read by the source's format: `tilda` (form fields; its connection test answers `ok`), `amocrm` (form-encoded " +
      "`leads[add|status][0][...]`, status changes through the source's status map, losses named by its loss reason map, " +
      "deals of pipelines it does not count ignored, `contacts[add|update]` giving linked deals their person) or `json` (one lead in Parom's shape, as " +
      "JSON or as a form with the same flat names). A call the format cannot use stays in quarantine (GET /api/quarantine).",
    params: { key: "the source's webhook key (its webhookUrl ends with it)" },
    bodies: {
      "application/x-www-form-urlencoded": {
        description: "Tilda and amoCRM send forms; a `json` source accepts its flat field names as a form too.",
        example: "Name=Ivan+Petrov&Phone=%2B79991234567&utm_source=vk&utm_campaign=spring",
      },
      "application/json": { description: "A `json` source's lead (other senders' JSON is read by their format).", schema: JsonLead },
    },
    response: {
      description:
        "`{leads: [{id, duplicate}], ignored: [...], statusChanges: [...], contacts: [...]}`: a redelivered lead answers with its id and " +
        "`duplicate: true`; `ignored` lists deals of pipelines the source does not count; amoCRM events naming a deal's " +
        "`responsible_user_id` add `responsibles: [{externalId, leadId, outcome, assigneeId}]` (the lead goes to the person with that CRM user id). " +
        "Tilda's test call gets the text `ok`.",
      mediaTypes: ["application/json", "text/plain"],
    },
    errors: {
      413: "More leads, status changes and contacts than the format takes in one call (`too_many_leads`: amoCRM 250); quarantined, nothing captured.",
      422: "The call was read but holds no usable lead, or an id, UTM value or Idempotency-Key too long to store (naming each field); it is kept in quarantine with this error.",
    },
  }),
  async (c) => {
    const ctx = c.var.ctx;
    const source = await Sources.byKey(ctx, c.req.param("key"));
    if (!source) throw new DomainError("not_found", "no lead source has this webhook key", "not_found");
    const raw = await RawArchive.store(ctx, { sourceId: source.id, headers: c.req.header(), body: new Uint8Array(await c.req.arrayBuffer()) });
    return intakeResponse(c, await receiveDelivery(ctx, source, raw));
  },
);
