import type { LeadItem } from "../lead/keys.js";
import { rank } from "../lead-stages.js";
import { UNANSWERED_LIMIT } from "../lead/contact-attempts.js";
import { clientTypes, type ClientType } from "../lead/vocabulary.js";
import { formatKopecks } from "../money.js";
import { median } from "../quality/report.js";
import { betaPosterior, type Interval } from "../stats/rate.js";
import { betaIncInv } from "../stats/special.js";
import type { Person } from "../people/person.js";

/*
 * The monthly results board, as a pure computation over lead items (read.ts reads them).
 * A lead counts in the month it arrived (its cohort day, in the workspace time zone), for the
 * person it is assigned to now, so a month's figures keep maturing as its deals close. Contact
 * figures count only what that person did: a lead reached or first called by someone else before
 * it was handed over is not reached or first contacted by the person who holds it now.
 *
 * People are compared only within a segment: the lead's source (the one that delivered it first)
 * x its client type tag (`tags.clientType`; untagged leads are a segment of their own). The source
 * rather than the campaign's UTM channel, because every lead has one while many have no UTM.
 */

/** Fewer leads than this in a segment's month is too small a sample to call anyone best, worst or a record. */
export const MIN_LEADS_TO_COMPARE = 5;

/** What the board needs of a lead; `reachedWithinRule` comes from its attempts (reachedWithinRule below). */
export type ResultLead = Pick<LeadItem, "id" | "sourceId" | "cohortDay" | "createdAt" | "stage" | "furthestStage" | "amountKopecks" | "firstAttemptAt" | "firstAttemptBy"> & {
  assigneeId: string;
  clientType: ClientType | null;
  reachedWithinRule: boolean;
};

/** won / assigned, with its 95% interval (Beta posterior under a flat prior, stats/rate.ts). A row always has leads. */
export type Conversion = { rate: number; interval: Interval };

/** One person's month in one segment. */
export type PersonResult = {
  personId: string;
  name: string;
  role: Person["role"];
  assigned: number;
  /** Leads the person reached by a `reached` attempt among their own first five (the rule counts per assignee). */
  reachedWithinRule: number;
  /** Median minutes from arrival to the lead's first attempt, over leads whose first attempt was the person's own; null when none. */
  firstContact: { medianMinutes: number | null; leadsWithAttempt: number };
  /** Leads whose furthest stage is qualified or beyond. */
  qualified: number;
  won: number;
  /** Roubles of the won deals, a decimal string. */
  revenue: string;
  conversion: Conversion;
  /** The month's best and worst conversion of the segment (see markBestAndWorst). */
  best: boolean;
  worst: boolean;
  /** Their best month so far in this segment (up to the board's month) with enough leads; null when none had enough. */
  recordMonth: { month: string; rate: number } | null;
  /** This month beat every earlier month of theirs in the segment (a first month is no record yet). */
  isRecord: boolean;
};

export type Segment = { sourceId: string; sourceName: string; clientType: ClientType | null; people: PersonResult[] };
export type ResultsBoard = { month: string; minLeadsToCompare: number; segments: Segment[] };

/**
 * Did `personId` reach the lead within the contact rule? The rule counts per assignee and loses an
 * open lead at its assignee's fifth unanswered attempt in a row; before any `reached` attempt every
 * attempt is unanswered: so the person reached it within the rule when one of their own first five
 * attempts (in the order recorded) reached someone. Others' attempts, before or after a hand-over, do not count.
 * @example reachedWithinRule([{result: "no_answer", recordedAt: "…1", personId: "P1"}, {result: "reached", recordedAt: "…2", personId: "P1"}], "P1") // true
 */
export function reachedWithinRule(attempts: Array<{ result: string; recordedAt: string; personId: string | null }>, personId: string): boolean {
  const inOrder = attempts
    .filter((a) => a.personId === personId)
    .sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  return inOrder.slice(0, UNANSWERED_LIMIT).some((a) => a.result === "reached");
}

const MINUTE_MS = 60_000;
const monthOf = (lead: ResultLead) => lead.cohortDay.slice(0, 7);
const segmentKey = (lead: ResultLead) => `${lead.sourceId}\u0000${lead.clientType ?? ""}`;

/** The figures of one person's leads (of one segment and month). */
function figures(leads: ResultLead[]) {
  // A first attempt someone else made (before a hand-over, or a head of sales' call) is not this person's first contact.
  const withAttempt = leads.filter((l) => l.firstAttemptAt && l.firstAttemptBy?.personId === l.assigneeId);
  const minutes = withAttempt.map((l) => (Date.parse(l.firstAttemptAt!) - Date.parse(l.createdAt)) / MINUTE_MS);
  const medianMinutes = median(minutes);
  const wonLeads = leads.filter((l) => l.stage === "won");
  const assigned = leads.length;
  return {
    assigned,
    reachedWithinRule: leads.filter((l) => l.reachedWithinRule).length,
    firstContact: { medianMinutes: medianMinutes === null ? null : Math.round(medianMinutes), leadsWithAttempt: withAttempt.length },
    qualified: leads.filter((l) => rank(l.furthestStage) >= rank("qualified")).length,
    won: wonLeads.length,
    revenue: formatKopecks(wonLeads.reduce((sum, l) => sum + (l.amountKopecks ?? 0), 0)),
    conversion: { rate: wonLeads.length / assigned, interval: conversionInterval(wonLeads.length, assigned) },
  };
}

/**
 * Their best month so far: the highest conversion among months up to `month` with at least
 * MIN_LEADS_TO_COMPARE leads; on a tie the earlier month keeps the record (a record is beaten, not matched).
 */
function recordOf(byMonth: Map<string, ResultLead[]>, month: string): { recordMonth: PersonResult["recordMonth"]; isRecord: boolean } {
  const eligible = [...byMonth.entries()]
    .filter(([m, leads]) => m <= month && leads.length >= MIN_LEADS_TO_COMPARE)
    .map(([m, leads]) => ({ month: m, rate: leads.filter((l) => l.stage === "won").length / leads.length }))
    .sort((a, b) => (a.month < b.month ? -1 : 1));
  let record: { month: string; rate: number } | null = null;
  for (const m of eligible) if (!record || m.rate > record.rate) record = m;
  const isRecord = record !== null && record.month === month && eligible.length > 1;
  return { recordMonth: record, isRecord };
}

/**
 * Marks the best and worst conversion among the people with at least MIN_LEADS_TO_COMPARE leads,
 * when there are two such people and their rates differ: everyone tied at the top is best, everyone
 * tied at the bottom worst. Smaller samples are shown but never marked.
 */
export function markBestAndWorst(people: PersonResult[]): void {
  const compared = people.filter((p) => p.assigned >= MIN_LEADS_TO_COMPARE);
  if (compared.length < 2) return;
  const rates = compared.map((p) => p.conversion.rate);
  const top = Math.max(...rates);
  const bottom = Math.min(...rates);
  if (top === bottom) return;
  for (const p of compared) {
    p.best = p.conversion.rate === top;
    p.worst = p.conversion.rate === bottom;
  }
}

const clientTypeOrder = (t: ClientType | null) => (t === null ? clientTypes.length : clientTypes.indexOf(t));

/**
 * The board of `month` from every lead of the people's history up to that month (earlier months
 * only decide record months). Segments come by source name then client type (untagged last);
 * people by name.
 */
export function resultsBoard(input: { month: string; leads: ResultLead[]; people: Person[]; sourceNames: Map<string, string> }): ResultsBoard {
  const people = new Map(input.people.map((p) => [p.id, p]));
  // segment -> person -> month -> leads
  const grouped = new Map<string, Map<string, Map<string, ResultLead[]>>>();
  for (const lead of input.leads) {
    if (!people.has(lead.assigneeId) || monthOf(lead) > input.month) continue;
    const bySegment = grouped.get(segmentKey(lead)) ?? new Map<string, Map<string, ResultLead[]>>();
    grouped.set(segmentKey(lead), bySegment);
    const byMonth = bySegment.get(lead.assigneeId) ?? new Map<string, ResultLead[]>();
    bySegment.set(lead.assigneeId, byMonth);
    byMonth.set(monthOf(lead), [...(byMonth.get(monthOf(lead)) ?? []), lead]);
  }
  const segments: Segment[] = [];
  for (const byPerson of grouped.values()) {
    const rows: PersonResult[] = [];
    let sample: ResultLead | undefined;
    for (const [personId, byMonth] of byPerson) {
      const leads = byMonth.get(input.month);
      if (!leads) continue;
      sample = leads[0];
      const person = people.get(personId)!;
      rows.push({ personId, name: person.name, role: person.role, ...figures(leads), best: false, worst: false, ...recordOf(byMonth, input.month) });
    }
    if (!sample) continue;
    markBestAndWorst(rows);
    rows.sort((a, b) => a.name.localeCompare(b.name, "ru"));
    segments.push({ sourceId: sample.sourceId, sourceName: input.sourceNames.get(sample.sourceId) ?? sample.sourceId, clientType: sample.clientType, people: rows });
  }
  segments.sort((a, b) => a.sourceName.localeCompare(b.sourceName, "ru") || a.sourceId.localeCompare(b.sourceId) || clientTypeOrder(a.clientType) - clientTypeOrder(b.clientType));
  return { month: input.month, minLeadsToCompare: MIN_LEADS_TO_COMPARE, segments };
}

/** The segments a viewer may see: all, or only those where `personId` has leads this month. */
export function segmentsOf(board: ResultsBoard, personId: string | null): ResultsBoard {
  if (personId === null) return board;
  return { ...board, segments: board.segments.filter((s) => s.people.some((p) => p.personId === personId)) };
}

/**
 * The 95% interval of a conversion (flat Beta prior). At 0 won, or all won, the equal-tailed interval
 * would exclude the rate shown beside it ("0 %, 0,6 %-60,2 %"), so it is one-sided there: from 0, or up to 1.
 * @example conversionInterval(0, 3) // [0, 0.527]
 */
export function conversionInterval(won: number, assigned: number): Interval {
  const { a, b, interval } = betaPosterior(won, assigned);
  if (won === 0) return [0, betaIncInv(0.95, a, b)];
  if (won === assigned) return [betaIncInv(0.05, a, b), 1];
  return interval;
}
