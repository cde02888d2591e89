// @parom/core/lead: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { assignLead, isAssignment, UpdateLeadInput } from "./assignment.js";
export { AssignmentRuleInput, AssignmentRules } from "./assignment-rules.js";
export type { AssignmentRule } from "./assignment-rules.js";
export { attemptMaker, ContactAttemptInput, ContactAttempts, MIN_DAYS, MIN_TIMES_OF_DAY, NO_CONTACT_REASON, UNANSWERED_LIMIT, contactChannels, contactResults } from "./contact-attempts.js";
export type { ContactAttempt, ContactAttemptSummary, ContactChannel, ContactResult, TimeOfDay } from "./contact-attempts.js";
export { ContactViews, ListContactViewsQuery } from "./contact-views.js";
export type { ContactView } from "./contact-views.js";
export { HandoverInput, Handovers } from "./handovers.js";
export type { Handover } from "./handovers.js";
export type { Lead } from "./lead.js";
export { ChangeStageInput, Outcomes } from "./outcomes.js";
export { readLeadPartition } from "./partition.js";
export { Leads, ListLeadsQuery, toLead } from "./query.js";
export { leadStages } from "../lead-stages.js";
export type { LeadStage } from "../lead-stages.js";
export { LeadTagging, LeadTagsInput, RequiredTags, RequiredTagsInput } from "./tags.js";
export { clientTypes, lostReasonCategories } from "./vocabulary.js";
export type { ClientType, LostReasonCategory, TagName } from "./vocabulary.js";
export type { RequirementOwner } from "./tags.js";
