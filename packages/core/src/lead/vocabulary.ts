/**
 * The words some attributes of a lead item take, kept in a module that imports nothing so the lead
 * item's schema (lead/keys.ts) and the modules that write those attributes share them without a cycle.
 */

/** The tags sales staff record about a lead's client (lead/tags.ts). */
export const tagNames = ["clientType", "city", "storeCount", "storeType"] as const;
export type TagName = (typeof tagNames)[number];
export const clientTypes = ["buyer", "retail", "business_owner", "other"] as const;
export type ClientType = (typeof clientTypes)[number];

/** The times of day contact attempts are spread over (lead/contact-attempts.ts). */
export const timesOfDay = ["morning", "afternoon", "evening"] as const;
export type TimeOfDay = (typeof timesOfDay)[number];

/** What a quality review can find a loss to be (quality/review.ts, lead/quality-review.ts). */
export const lostReasonCategories = ["manager"] as const;
export type LostReasonCategory = (typeof lostReasonCategories)[number];

/** The reason a lead nobody reached is lost with (lead/contact-attempts.ts); it puts the lead in the call-back queue. */
export const NO_CONTACT_REASON = "no_contact";
