import type { FieldIssue } from "@parom/core";
import { roles, type CreateKeyInput, type Role } from "@parom/core/access";
import { personRoles, type Person } from "@parom/core/people";
import type { Messages } from "../i18n/index.js";

const isRole = (value: string | undefined): value is Role => (roles as readonly string[]).includes(value ?? "");
/** The roles whose keys belong to a person of the sales department (the rest name a contractor or nobody). */
const personRole = (role: Role) => (personRoles as readonly Role[]).includes(role);

/**
 * The key form read into `POST /api/keys`' input, or the problems of each field in the reader's
 * words. The form shows both the contractor and the person lists, so only the one the role needs
 * is read. A key without a person needs a name: the list and histories show nothing else of it.
 */
export function readKeyForm(values: Record<string, string>, people: Person[], t: Messages["daily"]["keys"]): { input: CreateKeyInput } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const name = values.name?.trim() || undefined;
  const role = values.role;
  if (name && name.length > 200) issues.push({ path: "name", message: t.nameTooLong });
  if (!isRole(role)) {
    issues.push({ path: "role", message: t.needRole });
    return { issues };
  }
  const contractorId = role === "contractor" ? values.contractorId || undefined : undefined;
  const personId = personRole(role) ? values.personId || undefined : undefined;
  if (!name && !personRole(role)) issues.push({ path: "name", message: t.needName });
  if (role === "contractor" && !contractorId) issues.push({ path: "contractorId", message: t.needContractor });
  if (personRole(role)) {
    const person = people.find((p) => p.id === personId);
    if (!personId) issues.push({ path: "personId", message: t.needPerson });
    else if (person && person.role !== role) issues.push({ path: "personId", message: t.wrongPerson });
  }
  return issues.length > 0 ? { issues } : { input: { role, name, contractorId, personId } };
}

/** The id the key form was rendered with (see `ApiKeys.create`); a value that is no id of ours is ignored. */
export function formIdOf(values: Record<string, string>): string | undefined {
  return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(values.formId ?? "") ? values.formId : undefined;
}
