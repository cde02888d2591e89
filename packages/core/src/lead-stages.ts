/**
 * A lead's deal stages, the words lead, source (a CRM status maps to one), quality and people all
 * speak; kept in a module that imports nothing, below them all. The rules of moving between them
 * are lead's (lead/stages.ts).
 */

/** A lead's deal stages. `won` and `lost` close it; only `lost` can be reopened (restored). */
export const leadStages = ["new", "contacted", "qualified", "proposal", "won", "lost"] as const;
export type LeadStage = (typeof leadStages)[number];

/** The forward path; `lost` stands beside it. */
export const pathStages = ["new", "contacted", "qualified", "proposal", "won"] as const;
export type PathStage = (typeof pathStages)[number];

export function rank(stage: PathStage): number {
  return pathStages.indexOf(stage);
}

export function isPathStage(stage: LeadStage): stage is PathStage {
  return stage !== "lost";
}

