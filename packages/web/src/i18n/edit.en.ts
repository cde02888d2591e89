/** English texts of editing a hypothesis and of its changes in the history, hooked into en.ts as `edit`. */
export const editEn = {
  title: "Edit the hypothesis",
  intro: "Change what needs changing and say why: the history keeps who changed what, when and why. An empty target field removes that target.",
  reason: "Why",
  reasonHint: "Kept in the history beside the change.",
  moneyHint: "In roubles, e.g. 600 000 or 600 000.50",
  percentHint: "In percent, e.g. 5",
  confidenceHint: "In percent, from 51 to 99, e.g. 90",
  save: "Save changes",
  refused: "Correct the marked fields.",
  badMoney: "an amount in roubles, such as 600 000 or 600 000.50",
  stale: "Someone changed this hypothesis while you were editing it, so your changes were not saved.",
  reload: "Reload the page to see the current version",
  nothingChanged: "Nothing to save: every field already holds that value.",
  closed: "The hypothesis is closed: it can no longer be edited.",
  /** What each changed field is called, by the path the API names it by. */
  fields: {
    title: "Title",
    statement: "Statement",
    budget: "Budget",
    "probe.start": "Probe start",
    "probe.end": "Probe end",
    targets: "Targets",
    "targets.cplMax": "Target: cost per lead, at most",
    "targets.cacMax": "Target: cost per client, at most",
    "targets.qualifiedRateMin": "Target: qualified leads, at least",
    "targets.conversionMin": "Target: conversion to a deal, at least",
    "targets.romiMin": "Target: ROMI, at least",
    "targets.minLeads": "Leads before a verdict",
    "targets.minClients": "Clients before a verdict",
    maturityDays: "Maturity, days",
    confidence: "Confidence",
    reason: "Why",
  } as Record<string, string>,
  unset: "not set",
  why: "why:",
  /** "Budget: RUB 500,000 → RUB 600,000" */
  change: (field: string, before: string, after: string) => `${field}: ${before} → ${after}`,
  /** Beside a KPI whose target was changed after leads arrived. */
  targetChanged: (day: string, before: string | null) => (before === null ? `target set on ${day}; there was none before` : `target changed on ${day}, was ${before}`),
  approvalBudget: "New budget for scale-out",
  approvalBudgetHint: "Leave empty to keep the budget. In roubles, e.g. 600 000",
};

export type EditMessages = typeof editEn;
