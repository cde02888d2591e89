import type { ContactUpdate } from "../lead/incoming.js";
import type { FieldIssue } from "../errors.js";
import { normalizePhone } from "./phone.js";
import { amoId, child, customFieldValues, entries, longIdIssues, text } from "./amocrm-tree.js";

/**
 * amoCRM's `contacts[add]` and `contacts[update]` events: the person's name, phones and e-mails
 * (custom fields coded PHONE and EMAIL) and the deals linked to the contact, sent either as
 * `linked_leads_id[0]=<id>` or as `linked_leads_id[<id>][ID]=<id>`. Companies (`type=company`)
 * are not people and are skipped. An update of a contact repeats its add: the latest wins.
 */
export function amoContacts(tree: unknown, issues: FieldIssue[]): ContactUpdate[] {
  const byId = new Map<string, ContactUpdate>();
  for (const action of ["add", "update"] as const) {
    for (const [index, entry] of entries(child(child(tree, "contacts"), action))) {
      if (text(child(entry, "type")) === "company") continue;
      if (longIdIssues(entry, ["id"], `contacts.${action}.${index}`, issues)) continue;
      const contactId = amoId(child(entry, "id"));
      if (!contactId) {
        issues.push({ path: `contacts.${action}.${index}.id`, message: "the amoCRM contact id is missing or not an id" });
        continue;
      }
      byId.set(contactId, { contactId, contact: contactOf(entry), linkedExternalIds: linkedDeals(entry) });
    }
  }
  return [...byId.values()];
}

function contactOf(entry: unknown): ContactUpdate["contact"] {
  const custom = customFieldValues(entry);
  const phones = custom.get("phone") ?? custom.get("телефон") ?? [];
  const emails = custom.get("email") ?? custom.get("e-mail") ?? [];
  // The first phone that reads as a number; a contact's other phones are usually the same person's work line.
  const phone = phones.map(normalizePhone).find((p) => p !== null) ?? phones[0] ?? null;
  return { name: text(child(entry, "name")), phone, email: emails[0] ?? null };
}

function linkedDeals(entry: unknown): string[] {
  const ids = new Set<string>();
  for (const [, value] of entries(child(entry, "linked_leads_id"))) {
    const id = amoId(value) ?? amoId(child(value, "ID")) ?? amoId(child(value, "id"));
    if (id) ids.add(id);
  }
  return [...ids];
}
