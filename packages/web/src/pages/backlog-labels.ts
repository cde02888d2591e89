import type { FormState } from "../components/form.js";
import type { Messages } from "../i18n/index.js";

/** The backlog forms' fields in the reader's words, by the paths the schemas name them by. */
function labels(t: Messages["backlog"]): Record<string, string> {
  const p = t.promote;
  return {
    title: t.ideaTitle,
    statement: t.statement,
    channel: t.channel,
    ice: `${t.columns.impact}, ${t.columns.confidence}, ${t.columns.ease}`,
    "ice.impact": t.columns.impact,
    "ice.confidence": t.columns.confidence,
    "ice.ease": t.columns.ease,
    impact: t.columns.impact,
    confidence: t.columns.confidence,
    ease: t.columns.ease,
    note: t.history.note,
    reason: t.drop.reason,
    responsible: p.responsible,
    budget: p.budget,
    probe: `${p.start}, ${p.end}`,
    "probe.start": p.start,
    "probe.end": p.end,
    targets: p.targets,
    "targets.cplMax": p.cplMax,
    "targets.cacMax": p.cacMax,
    "targets.conversionMin": p.conversionMin,
    "targets.qualifiedRateMin": p.qualifiedRateMin,
    "targets.minLeads": p.minLeads,
  };
}

/**
 * The state as the summary above a form shows it: each problem led by its field's label instead of
 * its path (the field itself shows the bare problem beside it), so no code reaches the page.
 */
export function labelledProblems(state: FormState, t: Messages): FormState {
  if (!state.problem) return state;
  const named = labels(t.backlog);
  const issues = state.problem.issues.map((issue) => ({ ...issue, message: named[issue.path] ? `${named[issue.path]}: ${issue.message}` : issue.message }));
  return { ...state, problem: { ...state.problem, issues } };
}
