import type { CallbackResult, QueueReason, SpotCheckResult } from "@parom/core/callbacks";

/** A span of minutes in words: "2 h 30 min", "45 min". */
const span = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
};

/**
 * English texts of the head of sales' pages (the call-back queue, the spot checks) and of the
 * lead page's discipline parts (the stage form, the first contact, call-backs), hooked into en.ts as `sales`.
 */
export const salesEn = {
  nav: { callbacks: "Call-backs" },
  span,
  lead: {
    firstContact: (after: number, working: number, by: string | null) =>
      `First contact attempt ${span(after)} after the lead arrived (${span(working)} of working time)${by ? `, by ${by}` : ""}.`,
    noFirstContact: "Nobody has tried to reach this lead yet.",
    by: (name: string) => `by ${name}`,
    stageTitle: "Move the lead",
    stage: "New stage",
    amount: "Deal amount, ₽ (for a won deal)",
    lostReason: "Why it was lost (for a lost lead)",
    move: "Move",
    tagsMissing: (stage: string, tags: string) => `The lead cannot move to “${stage}” until its required tags are set: ${tags}.`,
    backwards: (furthest: string, to: string) => `A lead never moves back: it has reached “${furthest}” and cannot return to “${to}”.`,
    final: "The deal is won, which is final: only its amount can be corrected.",
    fixFields: "Check the fields marked below.",
    amountForWon: "A won deal needs its amount, greater than zero, with at most two decimals (e.g. 75 000 or 75 000.50).",
    amountOnlyWon: "An amount goes only with a won deal: leave it empty.",
    reasonForLost: "Say why the lead was lost.",
    reasonOnlyLost: "A reason goes only with a lost lead: leave it empty.",
    callbacks: "Call-backs by the head of sales",
    callback: (result: string, by: string | null) => `${result}${by ? ` (${by})` : ""}`,
  },
  queue: {
    title: "Call-backs and spot checks",
    intro: (threshold: string) =>
      `Leads nobody reached after five attempts, leads lost by the manager's fault, and leads nobody has tried to reach for ${threshold} of working time (Mon–Fri 09:00–18:00 Moscow time). Call each back and record how it went.`,
    lead: "Lead",
    assignee: "Assignee",
    why: "Why",
    since: "Since",
    waited: "Waited, working time",
    outcome: "Outcome",
    nobody: "nobody",
    empty: "Nobody is waiting for a call-back.",
    reason: { no_contact: "Not reached in five attempts", manager: "Lost by the manager's fault", untouched: "Nobody tried to reach it" } satisfies Record<QueueReason, string>,
    result: "Result",
    note: "Note",
    record: "Record",
    results: {
      reached: "Reached",
      no_answer: "No answer",
      client_refused: "The client refused",
      wrong_number: "Wrong number",
      callback_later: "Asked to call later",
    } satisfies Record<CallbackResult, string>,
    recorded: "Call-back recorded: the lead has left the queue.",
  },
  spot: {
    title: (month: string) => `Spot checks, ${month}`,
    intro: "Up to 10 clients of each account manager, picked at random once a month: call them and record what they say.",
    none: "No account manager has clients to check this month.",
    manager: (name: string, picked: number, clients: number) => `${name}: ${picked} of ${clients} clients`,
    client: "Client",
    deal: "Deal",
    outcome: "Outcome",
    notYet: "not called yet",
    done: (result: string, by: string | null, at: string) => `${result}${by ? `, ${by}` : ""}, ${at}`,
    results: { satisfied: "Satisfied", complaint: "Has a complaint", no_answer: "No answer", not_a_client: "Not our client" } satisfies Record<SpotCheckResult, string>,
    recorded: "Spot check recorded.",
  },
};

export type SalesMessages = typeof salesEn;
