import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";
import { DomainError } from "../errors.js";
import type { StatusChange } from "../intake/delivery.js";
import { toKopecks } from "../money.js";
import { leadKeys } from "./lead.js";
import { Outcomes } from "./outcomes.js";
import type { LeadStage, StageChange } from "./stages.js";

/** What became of one CRM status change; the webhook answers 2xx whatever the outcome, so it is reported, not thrown. */
export type CrmStatusOutcome = {
  externalId: string;
  leadId: string | null;
  outcome: "applied" | "unchanged" | "unknown_lead" | "unmapped_status" | "refused";
  message?: string;
};

/**
 * Applies a CRM's pipeline moves to the leads captured from that source, through the same rules and
 * transaction as `PATCH /api/leads/{id}`, in the order they came. `statusMap` is the source's
 * effective map (amoCRM's 142 -> won, 143 -> lost included). A redelivered move is `unchanged`.
 */
export async function applyCrmStatusChanges(
  ctx: Ctx,
  source: { id: string; statusMap: Record<string, LeadStage> },
  changes: StatusChange[],
): Promise<CrmStatusOutcome[]> {
  const outcomes: CrmStatusOutcome[] = [];
  for (const change of changes) outcomes.push(await applyOne(ctx, source, change));
  return outcomes;
}

async function applyOne(ctx: Ctx, source: { id: string; statusMap: Record<string, LeadStage> }, change: StatusChange): Promise<CrmStatusOutcome> {
  const { externalId, statusId } = change;
  const { Item: ref } = await ctx.doc.send(
    new GetCommand({ TableName: ctx.table, Key: leadKeys.byExternalId(source.id, externalId), ConsistentRead: true }),
  );
  if (!ref) return { externalId, leadId: null, outcome: "unknown_lead", message: `no lead from this source has CRM id ${externalId}` };
  const leadId: string = ref.leadId;

  const to = Object.hasOwn(source.statusMap, statusId) ? source.statusMap[statusId] : undefined;
  if (!to) return { externalId, leadId, outcome: "unmapped_status", message: `CRM status ${statusId} is not mapped to a stage` };

  try {
    const result = await Outcomes.apply(ctx, leadId, stageChange(to, change), `crm:${source.id}`);
    return { externalId, leadId, outcome: result.changed ? "applied" : "unchanged" };
  } catch (error) {
    if (error instanceof DomainError) return { externalId, leadId, outcome: "refused", message: error.message };
    throw error;
  }
}

function stageChange(to: LeadStage, change: StatusChange): StageChange {
  if (to === "won") return { to, amountKopecks: change.price === null ? null : toKopecks(change.price) };
  // amoCRM's status webhook carries no loss reason; the status says which closing it was.
  if (to === "lost") return { to, lostReason: `crm_status_${change.statusId}`, lostReasonIsDefault: true };
  return { to };
}
