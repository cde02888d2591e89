import type { Delivery, LeadFields, StatusChange } from "./delivery.js";
import { InvalidInputError, type FieldIssue } from "../errors.js";
import { decodeBracketFields } from "./bracket-fields.js";
import { noLeadError, toLeadFields } from "./lead-fields.js";
import type { ReadBody } from "./read-body.js";
import { trackingFromFields } from "./utm.js";

/**
 * amoCRM's classic webhook: `leads[add][i][...]` for new deals and `leads[status][i][...]` for stage moves,
 * form-urlencoded with bracket keys (a JSON object of the same shape is read too). `leads[update]` entries
 * count as status changes when they carry `status_id`; other entities (contacts, tasks, deletes) are ignored.
 */
export function parseAmoCrm(body: ReadBody): Delivery {
  const tree: unknown = body.kind === "form" ? decodeBracketFields(body.pairs) : body.value;
  if (!Object.values(tree as object).some(isRecord)) throw noLeadError("leads[add], leads[status] or leads[update] events");

  const leadEvents = child(tree, "leads");
  const issues: FieldIssue[] = [];
  const leads: LeadFields[] = [];
  for (const [index, entry] of entries(child(leadEvents, "add"))) {
    const externalId = text(child(entry, "id"));
    if (!externalId) issues.push({ path: `leads.add.${index}.id`, message: "the amoCRM lead id is missing" });
    else leads.push(addedLead(externalId, entry));
  }

  const changes = new Map<string, StatusChange>();
  for (const action of ["status", "update"] as const) {
    for (const [index, entry] of entries(child(leadEvents, action))) {
      const externalId = text(child(entry, "id"));
      const statusId = text(child(entry, "status_id"));
      if (action === "update" && !statusId) continue;
      if (!externalId) issues.push({ path: `leads.${action}.${index}.id`, message: "the amoCRM lead id is missing" });
      if (!statusId) issues.push({ path: `leads.${action}.${index}.status_id`, message: "the status id is missing" });
      // One move often arrives as both a status and an update event in the same body.
      const key = `${externalId}\u0000${statusId}`;
      if (externalId && statusId && !changes.has(key)) {
        changes.set(key, { externalId, statusId, price: text(child(entry, "price")) });
      }
    }
  }

  if (issues.length > 0) {
    throw new InvalidInputError(`amoCRM lead events are incomplete: ${issues.map((i) => i.path).join(", ")}`, issues, 422);
  }
  return { test: false, leads, statusChanges: [...changes.values()] };
}

/**
 * UTMs, click ids and contacts live in the deal's custom fields, matched by name (`utm_source`) or code (`UTM_SOURCE`).
 * The deal event carries no linked company (that is a separate `contacts` entity with `type=company`), so the
 * company and INN are read only from deal custom fields an account may add (`Компания`, `ИНН`).
 */
function addedLead(externalId: string, entry: unknown): LeadFields {
  const custom = customFieldValues(entry);
  const get = (name: string) => custom.get(name) ?? null;
  return toLeadFields({
    externalId,
    name: null, // the deal's name ("Заявка с сайта") is not a person's
    phone: get("phone") ?? get("телефон"),
    email: get("email"),
    company: { name: get("компания") ?? get("company"), inn: get("инн") ?? get("inn") },
    landingUrl: null,
    referrer: get("referrer") ?? get("utm_referrer"),
    explicit: [trackingFromFields(get)],
  });
}

function customFieldValues(entry: unknown): Map<string, string> {
  const values = new Map<string, string>();
  for (const [, field] of entries(child(entry, "custom_fields"))) {
    const [first] = entries(child(field, "values"));
    // Most values are `{value, enum?}`; date fields send the bare timestamp.
    const value = first && (text(first[1]) ?? text(child(first[1], "value")));
    if (!value) continue;
    for (const key of [text(child(field, "name")), text(child(field, "code"))]) {
      const name = key?.toLowerCase();
      if (name && !values.has(name)) values.set(name, value);
    }
  }
  return values;
}

function isRecord(node: unknown): node is Record<string, unknown> {
  return typeof node === "object" && node !== null;
}

function child(node: unknown, key: string): unknown {
  return isRecord(node) && !Array.isArray(node) ? node[key] : undefined;
}

/** The items of a list, whether a JSON array or an object keyed by index (as bracket forms decode). */
function entries(node: unknown): Array<[string, unknown]> {
  if (Array.isArray(node)) return node.map((item, index) => [String(index), item]);
  return isRecord(node) ? Object.entries(node) : [];
}

function text(node: unknown): string | null {
  if (typeof node === "number" && Number.isFinite(node)) return String(node);
  if (typeof node !== "string") return null;
  const trimmed = node.trim();
  return trimmed === "" ? null : trimmed;
}
