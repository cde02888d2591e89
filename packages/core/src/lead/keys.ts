/** The listing partitions: by hypothesis (null: unattributed) on gsi1, by campaign on gsi2, all leads on gsi3. */
export const leadListings = {
  byHypothesis: (hypothesisId: string | null) => (hypothesisId ? `LEADS#HYP#${hypothesisId}` : "LEADS#UNATTRIBUTED"),
  byCampaign: (campaignId: string) => `LEADS#CAMPAIGN#${campaignId}`,
  all: "LEADS",
};

/**
 * Where leads live. A lead is one item; listings use:
 * gsi1 by hypothesis (or UNATTRIBUTED), gsi2 by campaign, gsi3 all leads; each sorted by arrival.
 * A reference item per (source, externalId) and per (source, Idempotency-Key) makes capture
 * idempotent and lets a CRM status webhook find the lead by its CRM id.
 */
export const leadKeys = {
  item: (id: string) => ({ pk: `LEAD#${id}`, sk: "LEAD" }),
  listings: (lead: { id: string; createdAt: string; hypothesisId: string | null; campaignId: string | null }) => {
    const sort = `${lead.createdAt}#${lead.id}`;
    return {
      gsi1pk: leadListings.byHypothesis(lead.hypothesisId),
      gsi1sk: sort,
      ...(lead.campaignId ? { gsi2pk: leadListings.byCampaign(lead.campaignId), gsi2sk: sort } : {}),
      gsi3pk: leadListings.all,
      gsi3sk: sort,
    };
  },
  byExternalId: (sourceId: string, externalId: string) => ({ pk: `LEADREF#${sourceId}#ext#${externalId}`, sk: "LEADREF" }),
  byIdempotencyKey: (sourceId: string, key: string) => ({ pk: `LEADREF#${sourceId}#idem#${key}`, sk: "LEADREF" }),
  /**
   * One item per won lead under the month it was won, written in the transaction that makes it won
   * (won is final): reconciliation lists a period's won leads with a query per month, not a scan.
   */
  wonInMonth: (wonDay: string, leadId: string) => ({ pk: `WONLEADS#${wonDay.slice(0, 7)}`, sk: `${wonDay}#${leadId}` }),
  /** Stage history items sort by time under the lead. */
  stageChange: (leadId: string, at: string, id: string) => ({ pk: `LEAD#${leadId}`, sk: `STAGE#${at}#${id}` }),
};
