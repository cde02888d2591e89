import type { Ctx } from "../context.js";
import { DomainError } from "../errors.js";
import type { StatusChange } from "./incoming.js";
import { toKopecks } from "../money.js";
import { countsPipeline, type Source } from "../source/source.js";
import { NO_LOSS_REASON, UnmappedLossReasons, unmappedLossReasonText } from "../source/unmapped-loss-reasons.js";
import { LeadRefEntity } from "./keys.js";
import { Outcomes, type AlongWith } from "./outcomes.js";
import type { StageChange } from "./stages.js";

/** What became of one CRM status change; the webhook answers 2xx whatever the outcome, so it is reported, not thrown. */
export type CrmStatusOutcome = {
  externalId: string;
  leadId: string | null;
  outcome: "applied" | "unchanged" | "unknown_lead" | "unmapped_status" | "refused" | "ignored_pipeline";
  message?: string;
};

type CrmSource = Pick<Source, "id" | "statusMap" | "lossReasons" | "pipelines">;

/**
 * Applies a CRM's pipeline moves to the leads captured from that source, through the same rules and
 * transaction as `PATCH /api/leads/{id}`, in the order they came. `statusMap` is the source's
 * effective map (amoCRM's 142 -> won, 143 -> lost included). A redelivered move is `unchanged`;
 * a move of a deal in a pipeline the source does not count is `ignored_pipeline` and changes nothing.
 */
export async function applyCrmStatusChanges(ctx: Ctx, source: CrmSource, changes: StatusChange[]): Promise<CrmStatusOutcome[]> {
  const outcomes: CrmStatusOutcome[] = [];
  for (const change of changes) outcomes.push(await applyOne(ctx, source, change));
  return outcomes;
}

async function applyOne(ctx: Ctx, source: CrmSource, change: StatusChange): Promise<CrmStatusOutcome> {
  const { externalId, statusId } = change;
  if (!countsPipeline(source, change.pipelineId)) {
    return { externalId, leadId: null, outcome: "ignored_pipeline", message: `pipeline ${change.pipelineId} is not among this source's counted pipelines` };
  }
  const ref = await LeadRefEntity.get(ctx, { sourceId: source.id, externalId }, { consistent: true });
  if (!ref) return { externalId, leadId: null, outcome: "unknown_lead", message: `no lead from this source has CRM id ${externalId}` };
  const leadId = ref.leadId;

  const to = Object.hasOwn(source.statusMap, statusId) ? source.statusMap[statusId] : undefined;
  if (!to) return { externalId, leadId, outcome: "unmapped_status", message: `CRM status ${statusId} is not mapped to a stage` };

  try {
    const { stageChange, along } = planned(ctx, source, change, to);
    // Not checked for required tags (lead/tags.ts checkRequiredTags): the CRM is the source of truth for its deals; the quality report lists them.
    const result = await Outcomes.apply(ctx, leadId, stageChange, { actor: `crm:${source.id}` }, along);
    return { externalId, leadId: result.item.id, outcome: result.changed ? "applied" : "unchanged" };
  } catch (error) {
    if (error instanceof DomainError) return { externalId, leadId, outcome: "refused", message: error.message };
    throw error;
  }
}

/**
 * A lost deal's reason is its `loss_reason_id` named by the source's map; an id the map does not
 * name is kept as `amoCRM reason #<id>` (and counted for the sources page, see UnmappedLossReasons).
 * With no reason picked in the CRM, the loss says only that (amoCRM's name of status 143) and a
 * reason a person already gave the lead is kept.
 */
function planned(ctx: Ctx, source: CrmSource, change: StatusChange, to: StageChange["to"]): { stageChange: StageChange; along?: AlongWith } {
  if (to === "won") return { stageChange: { to, amountKopecks: change.price === null ? null : toKopecks(change.price) } };
  if (to !== "lost") return { stageChange: { to } };
  const reasonId = change.lossReasonId ?? null;
  if (reasonId === null) return { stageChange: { to, lostReason: NO_LOSS_REASON, lostReasonIsDefault: true } };
  const named = Object.hasOwn(source.lossReasons, reasonId) ? source.lossReasons[reasonId] : undefined;
  // The id stays on the lead beside its text, so a reason named later can still be told apart.
  if (named) return { stageChange: { to, lostReason: named }, along: { set: { lossReasonId: reasonId }, items: [] } };
  return {
    stageChange: { to, lostReason: unmappedLossReasonText(reasonId) },
    along: { set: { lossReasonId: reasonId }, items: [UnmappedLossReasons.seen(ctx, source.id, reasonId)] },
  };
}
