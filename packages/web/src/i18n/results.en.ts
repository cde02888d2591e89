import type { ClientType } from "@parom/core/people";

/** English texts of the results board (/results), hooked into en.ts as `results`. Figures arrive already formatted. */
export const resultsEn = {
  nav: "Results",
  title: "Sales results",
  intro: "Leads that arrived in the month, by the person they are assigned to now; a month keeps maturing while its deals close.",
  segmentsOnly: "People are compared only within the same segment: the same source and the same client type.",
  ownSegments: "You see the segments where you have leads this month.",
  month: "Month",
  show: "Show",
  badMonth: "Choose a month from the calendar (written year-month, like 2026-03).",
  empty: "No leads assigned to anyone arrived in this month.",
  segment: (source: string, clientType: string) => `${source} · ${clientType}`,
  clientType: { buyer: "wholesale buyers", retail: "retail", business_owner: "business owners", other: "other clients" } satisfies Record<ClientType, string>,
  untagged: "no client type",
  person: "Person",
  headOfSales: "head of sales",
  assigned: "Leads",
  reached: "Reached within the rule",
  firstContact: "First contact (median)",
  qualified: "Qualified",
  won: "Won",
  revenue: "Revenue",
  conversion: "Conversion",
  marks: "Marks",
  /** The 95% interval of a conversion. */
  interval: (lo: string, hi: string) => `95%: ${lo}–${hi}`,
  noAttempt: "no attempts",
  best: "best this month",
  worst: "worst this month",
  record: "personal record",
  recordWas: (month: string) => `record: ${month}`,
  rules: (minLeads: string) =>
    `Best and worst are marked among people with at least ${minLeads} leads in the segment, by conversion (all tied are marked); a record is a month that beats every earlier month of theirs with at least ${minLeads} leads. ` +
    "Reached within the rule: someone answered within the first five attempts, before the rule would lose the lead.",
  /** Minutes in working words: "45 min", "1 h 20 min", "2 d 3 h". */
  minutes: (m: number) => `${m} min`,
  hours: (h: number, m: number) => (m > 0 ? `${h} h ${m} min` : `${h} h`),
  days: (d: number, h: number) => (h > 0 ? `${d} d ${h} h` : `${d} d`),
};

export type ResultsMessages = typeof resultsEn;
