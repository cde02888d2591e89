import { z } from "zod";
import type { Ctx } from "../context.js";
import { ContactAttemptEntity } from "../lead/contact-attempts.js";
import { LeadEntity, type LeadItem } from "../lead/keys.js";
import { Sources } from "../source/source.js";
import { SANE_YEARS, zonedInstant } from "../time.js";
import { People } from "../people/person.js";
import { reachedWithinRule, resultsBoard, segmentsOf, type ResultLead, type ResultsBoard } from "./board.js";

const MONTH_RULE = `must be a month written YYYY-MM, in the years ${SANE_YEARS.from}-${SANE_YEARS.to}`;

/** `GET /api/people/results?month=YYYY-MM`: the month is required (no default: a board is always of a named month). */
export const ResultsQuery = z.strictObject({
  month: z
    .string({ error: `required: ${MONTH_RULE}` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, MONTH_RULE)
    .refine((m) => Number(m.slice(0, 4)) >= SANE_YEARS.from && Number(m.slice(0, 4)) <= SANE_YEARS.to, MONTH_RULE),
});
export type ResultsQuery = z.infer<typeof ResultsQuery>;

/** Whose board: everyone's, or only the segments a person has leads in (a manager's own view). */
export type ResultsViewer = { onlySegmentsOf: string | null };

/** Attempts are read for this many leads at a time. */
const ATTEMPT_READS_IN_FLIGHT = 16;

/**
 * The board of `month`. Per person of the sales department, one query of their listing (`byAssignee`,
 * sorted by arrival) up to the month's end in the workspace time zone: the month itself and the
 * earlier months their record is judged against. Then one query of attempts per lead of the month
 * that has any, to tell whether its assignee reached it within the rule. Never a Scan.
 */
export async function readResults(ctx: Ctx, query: ResultsQuery, viewer: ResultsViewer): Promise<ResultsBoard> {
  const [people, sources] = await Promise.all([People.list(ctx), Sources.list(ctx)]);
  const end = zonedInstant(`${nextMonth(query.month)}-01T00:00`, ctx.timeZone)!.toISOString();
  const listed = await Promise.all(people.map((p) => LeadEntity.all(ctx, "byAssignee", { assigneeId: p.id }, { sort: { to: end } })));
  const items = listed.flat().filter((lead) => lead.cohortDay.slice(0, 7) <= query.month);

  const needAttempts = items.filter((lead) => lead.cohortDay.startsWith(query.month) && (lead.attemptCount ?? 0) > 0);
  const reached = new Set<string>();
  for (let i = 0; i < needAttempts.length; i += ATTEMPT_READS_IN_FLIGHT) {
    const batch = needAttempts.slice(i, i + ATTEMPT_READS_IN_FLIGHT);
    const attempts = await Promise.all(batch.map((lead) => ContactAttemptEntity.inPartition(ctx, { leadId: lead.id })));
    batch.forEach((lead, j) => reachedWithinRule(attempts[j]!, lead.assigneeId!) && reached.add(lead.id));
  }

  const board = resultsBoard({
    month: query.month,
    leads: items.map((item) => resultLead(item, reached.has(item.id))),
    people,
    sourceNames: new Map(sources.map((s) => [s.id, s.name])),
  });
  return segmentsOf(board, viewer.onlySegmentsOf);
}

function resultLead(item: LeadItem, reachedWithinRule: boolean): ResultLead {
  return {
    id: item.id,
    assigneeId: item.assigneeId!,
    sourceId: item.sourceId,
    clientType: item.tags?.clientType ?? null,
    cohortDay: item.cohortDay,
    createdAt: item.createdAt,
    stage: item.stage,
    furthestStage: item.furthestStage,
    amountKopecks: item.amountKopecks,
    firstAttemptAt: item.firstAttemptAt,
    firstAttemptBy: item.firstAttemptBy,
    reachedWithinRule,
  };
}

/** "2026-12" -> "2027-01". */
function nextMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
}
