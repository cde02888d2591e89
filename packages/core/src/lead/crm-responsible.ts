import type { Ctx } from "../context.js";
import type { ResponsibleChange } from "./incoming.js";
import { People } from "../people/person.js";
import { assignLead } from "./assignment.js";
import { handoversOf, holderAt } from "./holder.js";
import { LeadRefEntity } from "./keys.js";
import { findLeadItem } from "./read-lead.js";

/** What became of a deal's new responsible user: reported in the webhook's answer, never thrown. */
export type CrmResponsibleOutcome = {
  externalId: string;
  leadId: string | null;
  /** `assigned`: the lead went to the person with that CRM user id; `unknown_user`: nobody has it, the lead keeps its person. */
  outcome: "assigned" | "unchanged" | "unknown_lead" | "unknown_user";
  assigneeId?: string | null;
};

/**
 * A deal the CRM hands to another of its users changes hands here too, when a person has that CRM
 * user id; otherwise only the lead's `responsibleUserId` follows the CRM, and its person stays.
 */
export async function applyCrmResponsibles(ctx: Ctx, sourceId: string, changes: ResponsibleChange[]): Promise<CrmResponsibleOutcome[]> {
  const outcomes: CrmResponsibleOutcome[] = [];
  for (const { externalId, responsibleUserId } of changes) {
    const ref = await LeadRefEntity.get(ctx, { sourceId, externalId }, { consistent: true });
    const lead = ref && (await findLeadItem(ctx, ref.leadId));
    if (!lead) {
      outcomes.push({ externalId, leadId: null, outcome: "unknown_lead" });
      continue;
    }
    const person = await People.byCrmUserId(ctx, responsibleUserId);
    // The lead's person now: a passed hand-over's return counts before the sweep writes it.
    const before = holderAt(lead.assigneeId ?? null, await handoversOf(ctx, lead.id), ctx.now());
    const assigneeId = person?.id ?? before;
    const after = await assignLead(ctx, lead.id, assigneeId, { responsibleUserId });
    const outcome = !person ? "unknown_user" : before === person.id ? "unchanged" : "assigned";
    outcomes.push({ externalId, leadId: after.id, outcome, assigneeId: after.assigneeId ?? null });
  }
  return outcomes;
}
