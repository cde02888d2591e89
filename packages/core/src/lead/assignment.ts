import { z } from "zod";
import type { Ctx } from "../context.js";
import { IdSchema } from "../db/key-limits.js";
import { withRetry } from "../db/retry.js";
import { tableDefinition } from "../db/table.js";
import { transact, type TransactItem } from "../db/transact.js";
import { ConflictError } from "../errors.js";
import { namedPeople } from "../people/managers.js";
import { People } from "../people/person.js";
import { AssignmentRules } from "./assignment-rules.js";
import { handoversOf, passedHandovers } from "./holder.js";
import { isLeadRace } from "./lead-race.js";
import { ChangeStageInput } from "./outcomes.js";
import { readLeadItem } from "./read-lead.js";
import { LeadEntity, leadUpdate, type LeadItem } from "./keys.js";

/** `PATCH /api/leads/{id} {assigneeId}`: a person of the sales department, or null to leave the lead unassigned. */
export const AssignLeadInput = z.strictObject({ assigneeId: IdSchema.nullable() });
export type AssignLeadInput = z.infer<typeof AssignLeadInput>;

/** `PATCH /api/leads/{id}`: a stage change, or an assignment. */
export const UpdateLeadInput = z.union([ChangeStageInput, AssignLeadInput]);
export const isAssignment = (input: z.infer<typeof UpdateLeadInput>): input is AssignLeadInput => "assigneeId" in input;

const MAX_TRIES = 5;

/**
 * Gives the lead to `assigneeId` (null: to nobody). The lead moves to the person's listing
 * (`byAssignee`), which is what a manager's key reads, in the same write. `also` sets more of the
 * lead in that write (the CRM's responsible user that caused it).
 */
export async function assignLead(ctx: Ctx, leadId: string, assigneeId: string | null, also: Record<string, unknown> = {}): Promise<LeadItem> {
  // An unknown person is refused naming the body's field, as a hand-over's `to` is.
  if (assigneeId !== null) await namedPeople(ctx, [{ id: assigneeId, path: "assigneeId" }]);
  const once = async () => {
    const lead = await readLeadItem(ctx, leadId);
    const unchanged = Object.entries(also).every(([name, value]) => lead[name as keyof LeadItem] === value);
    // A passed hand-over not swept yet is ended with this decision, or the sweep would move the lead after it.
    const { ends } = passedHandovers(ctx, lead, await handoversOf(ctx, lead.id), ctx.now());
    if ((lead.assigneeId ?? null) === assigneeId && unchanged && ends.length === 0) return lead;
    await transact(ctx, [assignmentUpdate(ctx, lead, assigneeId, also), ...ends]);
    return readLeadItem(ctx, lead.id);
  };
  return withRetry(once, {
    attempts: MAX_TRIES,
    retryable: isLeadRace,
    maxDelayMs: 200,
    exhausted: () => new ConflictError("version_conflict", "the lead kept changing while it was assigned; try again"),
  });
}

/**
 * The update (named "lead", guarded by the version read) that gives `lead` to `assigneeId` and
 * moves it to that person's listing: for writes that assign along with something else (a hand-over).
 */
export function assignmentUpdate(ctx: Ctx, lead: LeadItem, assigneeId: string | null, also: Record<string, unknown> = {}): TransactItem {
  const set: Record<string, unknown> = { ...also, updatedAt: ctx.now().toISOString(), version: lead.version + 1 };
  const remove: string[] = [];
  const listing = LeadEntity.item({ ...lead, assigneeId: assigneeId ?? undefined });
  for (const attribute of byAssigneeAttributes) {
    if (attribute in listing) set[attribute] = listing[attribute];
    else remove.push(attribute);
  }
  if (assigneeId === null) remove.push("assigneeId");
  else set.assigneeId = assigneeId;
  return leadUpdate(ctx, lead, set, remove);
}

/**
 * Whom a new lead goes to, written with the lead in its capture transaction: the person whose
 * `crmUserIds` hold the CRM's responsible user, else (an unknown or absent CRM user) the source's
 * rule when `byRule` (not for a CRM's past deals). `redelivered` tells a delivery captured before,
 * which takes nobody's turn.
 */
export async function assigneeOnArrival(
  ctx: Ctx,
  arrival: { sourceId: string; responsibleUserId: string | null; byRule: boolean; redelivered: () => Promise<boolean> },
): Promise<string | null> {
  if (arrival.responsibleUserId) {
    const person = await People.byCrmUserId(ctx, arrival.responsibleUserId);
    if (person) return person.id;
  }
  return arrival.byRule ? AssignmentRules.nextAssignee(ctx, arrival.sourceId, arrival.redelivered) : null;
}

/** The attributes of the `byAssignee` listing. */
const byAssigneeIndex = tableDefinition.globalIndexes[LeadEntity.patterns.byAssignee.index];
const byAssigneeAttributes = [byAssigneeIndex.partitionKey, byAssigneeIndex.sortKey];
