import type { LostReasonCategory } from "@parom/core/lead";

/** English texts of the lead page's quality review form, hooked into en.ts as `review`. */
export const reviewEn = {
  title: "Quality review",
  intro: "Looked at how this lost lead was worked? If the manager, not the client, lost it, say so: the funnel then counts the loss under the manager's fault and the head of sales calls the client back.",
  notLost: "Only a lost lead can be reviewed.",
  none: "Not reviewed yet.",
  current: (finding: string, who: string, at: string) => `Reviewed: ${finding} (${who}, ${at}).`,
  finding: "Finding",
  findings: { manager: "lost by the manager's fault, not the client's" } satisfies Record<LostReasonCategory, string>,
  note: "Note (what went wrong)",
  submit: "Save the review",
  saved: "The review is saved.",
};

export type ReviewMessages = typeof reviewEn;
