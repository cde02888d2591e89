import { z } from "zod";
import type { Ctx } from "../context.js";
import { IdSchema } from "../db/key-limits.js";
import { withRetry } from "../db/retry.js";
import { tableDefinition } from "../db/table.js";
import { transact } from "../db/transact.js";
import { ConflictError } from "../errors.js";
import { People } from "../people/person.js";
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
 * (`byAssignee`), which is what a manager's key reads, in the same write.
 */
export async function assignLead(ctx: Ctx, leadId: string, assigneeId: string | null): Promise<LeadItem> {
  if (assigneeId !== null) await People.get(ctx, assigneeId);
  const once = async () => {
    const lead = await readLeadItem(ctx, leadId);
    if ((lead.assigneeId ?? null) === assigneeId) return lead;
    const set: Record<string, unknown> = { updatedAt: ctx.now().toISOString(), version: lead.version + 1 };
    const remove: string[] = [];
    const listing = LeadEntity.item({ ...lead, assigneeId: assigneeId ?? undefined });
    for (const attribute of byAssigneeAttributes) {
      if (attribute in listing) set[attribute] = listing[attribute];
      else remove.push(attribute);
    }
    if (assigneeId === null) remove.push("assigneeId");
    else set.assigneeId = assigneeId;
    await transact(ctx, [leadUpdate(ctx, lead, set, remove)]);
    return readLeadItem(ctx, lead.id);
  };
  return withRetry(once, {
    attempts: MAX_TRIES,
    retryable: isLeadRace,
    maxDelayMs: 200,
    exhausted: () => new ConflictError("version_conflict", "the lead kept changing while it was assigned; try again"),
  });
}

/** The attributes of the `byAssignee` listing. */
const byAssigneeIndex = tableDefinition.globalIndexes[LeadEntity.patterns.byAssignee.index];
const byAssigneeAttributes = [byAssigneeIndex.partitionKey, byAssigneeIndex.sortKey];
