import type { LeadCompany, LeadFields } from "./incoming.js";
import type { QualityReview } from "./quality-review.js";
import type { ContactAttemptSummary } from "./contact-attempts.js";
import type { Touch } from "./keys.js";
import type { LeadTags } from "./tags.js";
import type { LeadStage, PathStage } from "../lead-stages.js";

/** A captured lead as the API shows it. Money is a decimal string. */
export type Lead = {
  id: string;
  externalId: string | null;
  sourceId: string;
  contact: LeadFields["contact"];
  company: LeadCompany | null;
  utm: LeadFields["utm"];
  clickIds: LeadFields["clickIds"];
  landingUrl: string | null;
  referrer: string | null;
  campaignId: string | null;
  hypothesisId: string | null;
  contractorId: string | null;
  stage: LeadStage;
  /** The furthest stage reached on the path; where a restored lost lead resumes. */
  furthestStage: PathStage;
  amount: string | null;
  lostReason: string | null;
  /** The CRM's loss reason id of a lost lead (amoCRM `loss_reason_id`), named or not by its source's map. */
  lossReasonId: string | null;
  /** The CRM user handling the deal (amoCRM `responsible_user_id`); null for leads no CRM has assigned. */
  responsibleUserId: string | null;
  /** The person of the sales department who has the lead now (a passed hand-over counts as returned, swept or not); null while nobody does. */
  assigneeId: string | null;
  /** The CRM pipeline the deal was created in (amoCRM `pipeline_id`). */
  pipelineId: string | null;
  /** Every source that delivered this person, first arrival first (lead/same-person.ts). */
  sources: string[];
  /** Each delivery: its source, its id there, its UTM labels, the campaign they matched and when it arrived. */
  touches: Touch[];
  /** Lead-handling discipline: contact attempts, the client's tags, a quality review of the loss. */
  contactAttempts: ContactAttemptSummary;
  tags: LeadTags;
  qualityReview: QualityReview | null;
  /** The arrival day in the workspace time zone: the lead's cohort. */
  cohortDay: string;
  createdAt: string;
  updatedAt: string;
};
