/**
 * English texts of the access pages (the access log of contacts and exports, the export buttons on
 * the leads page), hooked into en.ts as `access`.
 */
export const accessEn = {
  nav: { accessLog: "Access log" },
  export: {
    title: "Export",
    csv: "Export CSV",
    xlsx: "Export Excel (.xlsx)",
    hint: "The leads of the filter above (stage included), every contact in full; each export is logged.",
    badFilter: (fields: string) => `The export address names a filter that cannot be used: ${fields}. Export from the leads page.`,
  },
  log: {
    title: "Access log",
    intro: "Who opened a lead's whole contact (marketers and the head of sales; managers open their own leads unlogged), and every export of leads.",
    views: "Views of whole contacts",
    from: "From",
    to: "To",
    apply: "Show",
    noViews: "Nobody opened a whole contact in this period.",
    at: "When",
    who: "Who",
    lead: "Lead",
    where: "Where",
    places: { api: "API", web: "Lead page" },
    role: { owner: "owner", marketer: "marketer", contractor: "contractor", manager: "manager", sales_head: "head of sales" },
    unnamedKey: (suffix: string) => `key …${suffix}`,
    more: "Older",
    exports: "Exports",
    noExports: "No leads were exported yet.",
    format: "Format",
    filters: "Filters",
    allLeads: "all leads",
    filterNames: { hypothesisId: "hypothesis", campaignId: "campaign", sourceId: "source", assigneeId: "person", stage: "stage", from: "from", to: "to" },
    rows: "Rows",
  },
};

export type AccessMessages = typeof accessEn;
