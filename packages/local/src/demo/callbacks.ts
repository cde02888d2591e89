import { addDays } from "@parom/core";
import { allPages, ok, type Api } from "./api.js";
import { localTime } from "./history.js";
import type { SalesTeam } from "./sales-team.js";

/*
 * What the head of sales' /callbacks page shows on the demo: two leads a lead manager lost as
 * `no_contact` after five unanswered calls over two days at two times of day (the rule's own way
 * in, recorded with her key), and one lost lead the quality review blames on the manager. The
 * spot-check list draws on the won clients the account managers keep (sales-team.ts). A rerun
 * finds the leads already lost so (and finishes a lead whose calls stopped midway), adding nothing.
 */

const NO_CONTACT_LEADS = 2;
/** The stages a lead is called in, most likely first. */
const OPEN = ["new", "contacted"];
/** The day after arrival: morning and afternoon; the day after that: morning, afternoon and evening (minutes after midnight). */
const CALLS: Array<[dayOffset: number, minutes: number]> = [
  [1, 10 * 60],
  [1, 15 * 60],
  [2, 10 * 60],
  [2, 15 * 60],
  [2, 19 * 60],
];

type ListedLead = {
  id: string;
  stage: string;
  lostReason: string | null;
  assigneeId: string | null;
  cohortDay: string;
  createdAt: string;
  contactAttempts: { count: number };
  qualityReview: { lostReasonCategory: string } | null;
};

export type CallbackCases = { lostNoContact: number; reviewedManager: number };

export async function ensureCallbackCases(api: Api, salesTeam: SalesTeam, asOf: string, timeZone: string): Promise<CallbackCases> {
  const leads: ListedLead[] = await allPages(api, "/api/leads");
  const keyOf = new Map(salesTeam.keys.map((k) => [k.personId, k.key]));
  const ofLeadManager = (lead: ListedLead) => salesTeam.leadManagers.includes(lead.assigneeId ?? "");
  const counts: CallbackCases = { lostNoContact: 0, reviewedManager: 0 };

  // Open leads of at least three days ago, so that all five calls are in the past: one already being
  // called first, then new ones (the history loses most of those within days), then contacted ones.
  const lostSo = leads.filter((lead) => lead.lostReason === "no_contact").length;
  const candidates = leads
    .filter((lead) => OPEN.includes(lead.stage) && ofLeadManager(lead) && lead.contactAttempts.count < CALLS.length && lead.cohortDay <= addDays(asOf, -3))
    .sort(
      (a, b) =>
        b.contactAttempts.count - a.contactAttempts.count || OPEN.indexOf(a.stage) - OPEN.indexOf(b.stage) || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id),
    );
  for (const lead of candidates.slice(0, Math.max(0, NO_CONTACT_LEADS - lostSo))) {
    for (const [dayOffset, minutes] of CALLS.slice(lead.contactAttempts.count)) {
      const at = localTime(addDays(lead.cohortDay, dayOffset), minutes, timeZone);
      await ok("record an unanswered call", api("POST", `/api/leads/${lead.id}/contact-attempts`, { at, channel: "phone", result: "no_answer" }, { key: keyOf.get(lead.assigneeId!)! }));
    }
    counts.lostNoContact++;
  }

  if (!leads.some((lead) => lead.qualityReview?.lostReasonCategory === "manager")) {
    const lost = leads
      .filter((lead) => lead.stage === "lost" && lead.lostReason !== "no_contact" && ofLeadManager(lead))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))[0];
    if (lost) {
      const review = { lostReasonCategory: "manager", note: "Перезвонили через три дня, клиент уже купил у конкурента" };
      await ok("review a loss as the manager's", api("POST", `/api/leads/${lost.id}/quality-review`, review, { key: keyOf.get(salesTeam.head)! }));
      counts.reviewedManager++;
    }
  }
  return counts;
}
