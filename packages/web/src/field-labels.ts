import type { Messages } from "./i18n/index.js";

/**
 * The words a form's problem summary names a field by, keyed by the path the domain reports its
 * issue at (`probe.start`), taken from the labels the forms themselves show. A page whose field
 * reads otherwise passes its own `labels` to Problems.
 */
function sharedLabels(t: Messages): Record<string, string> {
  const h = t.hypothesis;
  const d = t.decisions;
  return {
    title: h.title,
    statement: h.statement,
    channel: h.channel,
    channelTyped: h.channelTyped,
    responsible: h.responsible,
    budget: h.budget,
    currency: h.currency,
    probe: h.probe,
    "probe.start": h.probeStart,
    "probe.end": h.probeEnd,
    maturityDays: h.maturityDays,
    confidence: h.confidence,
    targets: h.targets,
    "targets.cplMax": h.cplMax,
    "targets.cacMax": h.cacMax,
    "targets.qualifiedRateMin": h.qualifiedRateMin,
    "targets.conversionMin": h.conversionMin,
    "targets.romiMin": h.romiMin,
    "targets.minLeads": h.minLeads,
    "targets.minClients": h.minClients,
    reason: h.closeReason,
    moveReason: h.moveReason,
    utmSource: h.utmSource,
    utmCampaign: h.utmCampaign,
    contractorId: h.contractor,
    platformCampaignIds: h.platformIds,
    paid: h.paid,
    leadHandling: h.leadHandling,
    checklist: h.checklist,
    comment: d.approval.comment,
    area: d.optimizations.area,
    change: d.optimizations.change,
    startedOn: d.optimizations.startedOn,
    stage: t.sales.lead.stage,
    amount: t.sales.lead.amount,
    lostReason: t.sales.lead.lostReason,
    encoding: t.upload.encoding,
  };
}

/**
 * A field's name for a problem summary: the page's own label, else the shared one, else that of the
 * path without its list positions (`checklist.2` -> `checklist`), else null (the summary then
 * shows the problem alone; the field itself carries it beside its label). Never the raw path.
 * @example fieldLabel(t, "targets.0.value") // t.hypothesis.targets when "targets.value" is unknown
 */
export function fieldLabel(t: Messages, path: string, labels: Record<string, string> = {}): string | null {
  const shared = sharedLabels(t);
  const named = (key: string) => labels[key] ?? shared[key];
  const segments = path.split(".");
  return named(path) ?? named(segments.filter((segment) => !/^\d+$/.test(segment)).join(".")) ?? named(segments[0]!) ?? null;
}
