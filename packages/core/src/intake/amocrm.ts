import type { Delivery } from "./delivery.js";
import type { LeadFields, ResponsibleChange, StatusChange } from "../lead/incoming.js";
import { InvalidInputError, type FieldIssue } from "../errors.js";
import { amoContacts } from "./amocrm-contacts.js";
import { keyPartIssue } from "../db/key-limits.js";
import { amoId, child, longIdIssues, customFieldValues, entries, isRecord, text } from "./amocrm-tree.js";
import { decodeBracketFields } from "./bracket-fields.js";
import { noLeadError, toLeadFields } from "./lead-fields.js";
import type { ReadBody } from "./read-body.js";
import { trackingFromFields } from "./utm.js";

/**
 * amoCRM's classic webhook: `leads[add][i][...]` for new deals, `leads[status][i][...]` for stage moves
 * and `contacts[add|update][i][...]` for the people linked to deals, form-urlencoded with bracket keys
 * (a JSON object of the same shape is read too). `leads[update]` entries count as status changes when
 * they carry `status_id`; other entities (tasks, deletes) are ignored.
 */
export function parseAmoCrm(body: ReadBody): Delivery {
  const tree: unknown = body.kind === "form" ? decodeBracketFields(body.pairs) : body.value;
  if (!Object.values(tree as object).some(isRecord)) throw noLeadError("leads[add], leads[status], leads[update] or contacts[add|update] events");

  const leadEvents = child(tree, "leads");
  const issues: FieldIssue[] = [];
  const leads: LeadFields[] = [];
  for (const [index, entry] of entries(child(leadEvents, "add"))) {
    const externalId = dealId(entry, `leads.add.${index}.id`, issues);
    const longIds = longIdIssues(entry, ["pipeline_id", "responsible_user_id"], `leads.add.${index}`, issues);
    if (externalId && !longIds) leads.push(addedLead(externalId, entry));
  }

  const changes = new Map<string, StatusChange>();
  // The deal's latest responsible user: a deal handed to another CRM user changes hands here too.
  const responsibles = new Map<string, ResponsibleChange>();
  for (const action of ["status", "update"] as const) {
    for (const [index, entry] of entries(child(leadEvents, action))) {
      const statusId = text(child(entry, "status_id"));
      const responsibleUserId = amoId(child(entry, "responsible_user_id"));
      if (action === "update" && !statusId && !responsibleUserId) continue;
      const externalId = dealId(entry, `leads.${action}.${index}.id`, issues);
      if (longIdIssues(entry, ["responsible_user_id"], `leads.${action}.${index}`, issues)) continue;
      if (externalId && responsibleUserId) responsibles.set(externalId, { externalId, responsibleUserId });
      if (action === "update" && !statusId) continue;
      if (!statusId) issues.push({ path: `leads.${action}.${index}.status_id`, message: "the status id is missing" });
      longIdIssues(entry, ["status_id", "loss_reason_id", "pipeline_id"], `leads.${action}.${index}`, issues);
      // One move often arrives as both a status and an update event in the same body.
      const key = `${externalId}\u0000${statusId}`;
      if (externalId && statusId && !changes.has(key)) {
        changes.set(key, {
          externalId,
          statusId,
          price: text(child(entry, "price")),
          lossReasonId: amoId(child(entry, "loss_reason_id")),
          pipelineId: amoId(child(entry, "pipeline_id")),
        });
      }
    }
  }
  const contacts = amoContacts(tree, issues);

  if (issues.length > 0) {
    throw new InvalidInputError(`amoCRM events are incomplete: ${issues.map((i) => i.path).join(", ")}`, issues, "unprocessable");
  }
  return { test: false, leads, statusChanges: [...changes.values()], contacts, ...(responsibles.size ? { responsibles: [...responsibles.values()] } : {}) };
}

/** A deal's id, or null with an issue naming `path` when it is missing or too long for a key. */
function dealId(entry: unknown, path: string, issues: FieldIssue[]): string | null {
  const id = text(child(entry, "id"));
  const tooLong = keyPartIssue(path, id);
  if (!id) issues.push({ path, message: "the amoCRM lead id is missing" });
  else if (tooLong) issues.push(tooLong);
  else return id;
  return null;
}

/**
 * UTMs, click ids and contacts live in the deal's custom fields, matched by name (`utm_source`) or code (`UTM_SOURCE`).
 * The deal event carries no linked company (that is a separate `contacts` entity with `type=company`), so the
 * company and INN are read only from deal custom fields an account may add (`Компания`, `ИНН`).
 */
function addedLead(externalId: string, entry: unknown): LeadFields {
  const custom = customFieldValues(entry);
  const get = (name: string) => custom.get(name)?.[0] ?? null;
  return {
    ...toLeadFields({
      externalId,
      name: null, // the deal's name ("Заявка с сайта") is not a person's
      phone: get("phone") ?? get("телефон"),
      email: get("email"),
      company: { name: get("компания") ?? get("company"), inn: get("инн") ?? get("inn") },
      landingUrl: null,
      referrer: get("referrer") ?? get("utm_referrer"),
      explicit: [trackingFromFields(get)],
    }),
    crm: { responsibleUserId: amoId(child(entry, "responsible_user_id")), pipelineId: amoId(child(entry, "pipeline_id")) },
  };
}
