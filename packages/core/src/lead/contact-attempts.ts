import { z } from "zod";
import { isoInstantSchema } from "../dates.js";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { withRetry } from "../db/retry.js";
import { transact } from "../db/transact.js";
import { ConflictError, InvalidInputError } from "../errors.js";
import { newId } from "../ids.js";
import { dayIn } from "../time.js";
import { workingMinutesBetween } from "../working-hours.js";
import { readLeadItem } from "./read-lead.js";
import { LeadEntity, leadUpdate, type LeadItem } from "./keys.js";
import { Outcomes } from "./outcomes.js";
import { isLeadRace } from "./lead-race.js";
import type { LeadStage } from "../lead-stages.js";
import type { StageChange } from "./stages.js";
import { NO_CONTACT_REASON, timesOfDay, type TimeOfDay } from "./vocabulary.js";

/**
 * The contact rule: a lead nobody answers for five attempts in a row is lost with reason
 * `no_contact`, but only if those attempts were spread over at least two different days and two
 * different times of day; a fifth unanswered attempt that is not spread so is refused. A lost
 * lead that is reached again is restored to the furthest stage it had reached.
 *
 * Days and times of day are counted in the workspace time zone: morning 06:00-12:00, afternoon
 * 12:00-18:00, evening 18:00-24:00. An attempt at night (00:00-06:00) counts as an attempt and
 * its day counts, but it is no time of day: nobody should be judged unreachable by night calls.
 *
 * The run is counted per assignee: it remembers whose lead it was counted for, and a lead handed
 * to someone else starts a fresh run, so a manager is never judged by the attempts of the one before.
 * Unassigned leads keep one run as before (a run with no assignee).
 */
export const contactChannels = ["phone", "email", "messenger"] as const;
export const contactResults = ["no_answer", "reached"] as const;
export type { TimeOfDay };
export type ContactChannel = (typeof contactChannels)[number];
export type ContactResult = (typeof contactResults)[number];

export const UNANSWERED_LIMIT = 5;
export { NO_CONTACT_REASON };
export const MIN_DAYS = 2;
export const MIN_TIMES_OF_DAY = 2;

/** `POST /api/leads/{id}/contact-attempts`: when (ISO time with offset, not in the future), how, and whether anyone answered. */
export const ContactAttemptInput = z.strictObject({
  at: isoInstantSchema("must be an ISO time with its offset"),
  channel: z.enum(contactChannels),
  result: z.enum(contactResults),
});
export type ContactAttemptInput = z.infer<typeof ContactAttemptInput>;

/** One kept attempt; `at` in UTC, `day` and `timeOfDay` in the workspace zone. */
export type ContactAttempt = {
  id: string;
  at: string;
  channel: ContactChannel;
  result: ContactResult;
  day: string;
  timeOfDay: TimeOfDay | null;
  recordedAt: string;
  actor: string;
  /** The person who made it (a key bound to a person), null for other keys. */
  personId: string | null;
  /** Who made it in words: the person's or the key's name, null for a key without one. */
  by: string | null;
};

/** Who records an attempt: the principal's person and name. */
export type AttemptMaker = { personId: string | null; name: string | null };

/** The maker of an attempt recorded with `principal`'s key. */
export const attemptMaker = (principal: { personId?: string; name?: string }): AttemptMaker => ({ personId: principal.personId ?? null, name: principal.name ?? null });

/** The sort key prefix of attempts under their lead. */
export const ATTEMPT_PREFIX = "ATTEMPT#";

/** Attempts are kept under their lead, sorted by when they happened. */
export const ContactAttemptEntity = defineEntity({
  type: "contactAttempt",
  schema: z.object({
    leadId: z.string(),
    id: z.string(),
    at: z.string(),
    channel: z.enum(contactChannels),
    result: z.enum(contactResults),
    day: z.string(),
    timeOfDay: z.enum(timesOfDay).nullable().default(null),
    recordedAt: z.string(),
    actor: z.string(),
    personId: z.string().nullable().default(null),
    by: z.string().nullable().default(null),
  }),
  key: ({ leadId, at, id }: { leadId: string; at: string; id: string }) => ({ pk: LeadEntity.key({ id: leadId }).pk, sk: `${ATTEMPT_PREFIX}${at}#${id}` }),
  partition: { of: ({ leadId }: { leadId: string }) => LeadEntity.key({ id: leadId }).pk, sortPrefix: ATTEMPT_PREFIX },
});

/**
 * The unanswered attempts since the lead was last reached (in the order recorded): how many, on
 * which days, at which times of day, and for which assignee (absent: unassigned).
 */
export type UnansweredRun = { count: number; days: string[]; timesOfDay: TimeOfDay[]; assigneeId?: string };

/** What an attempt does: the new run and the stage change it causes, if any. */
export type AttemptPlan = { run: UnansweredRun; stageChange: "lose" | "restore" | null };

const emptyRun: UnansweredRun = { count: 0, days: [], timesOfDay: [] };

/** The run the lead's current assignee is judged by: a run counted for someone else does not carry over. */
export function currentRun(item: Pick<LeadItem, "unansweredRun" | "assigneeId">): UnansweredRun {
  const run = item.unansweredRun;
  if (!run || (run.assigneeId ?? null) !== (item.assigneeId ?? null)) return emptyRun;
  return run;
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** The time of day `at` falls in, in `timeZone`; null at night (00:00-06:00). */
export function timeOfDay(at: Date, timeZone: string): TimeOfDay | null {
  let formatter = hourFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" });
    hourFormatters.set(timeZone, formatter);
  }
  const hour = Number(formatter.format(at));
  return hour < 6 ? null : hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening";
}

/**
 * Applies the contact rule to one more attempt. Throws ConflictError `contact_attempts_not_spread`
 * when the attempt would be the fifth unanswered one of an open lead without the spread the rule asks for.
 * A won or lost lead only keeps counting: it has nothing left to lose.
 * @example planContactAttempt({stage: "new", run: {count: 4, days: ["2026-03-02", "2026-03-03"], timesOfDay: ["morning"]}},
 *   {day: "2026-03-03", timeOfDay: "evening", result: "no_answer"}) // -> {run: {count: 5, ...}, stageChange: "lose"}
 */
export function planContactAttempt(
  lead: { stage: LeadStage; run: UnansweredRun },
  attempt: { day: string; timeOfDay: TimeOfDay | null; result: ContactResult },
): AttemptPlan {
  if (attempt.result === "reached") return { run: emptyRun, stageChange: lead.stage === "lost" ? "restore" : null };

  const run: UnansweredRun = {
    count: lead.run.count + 1,
    days: [...new Set([...lead.run.days, attempt.day])].sort(),
    timesOfDay: timesOfDay.filter((t) => lead.run.timesOfDay.includes(t) || attempt.timeOfDay === t),
  };
  if (lead.stage === "lost" || lead.stage === "won" || run.count < UNANSWERED_LIMIT) return { run, stageChange: null };

  const missing: Array<"days" | "timesOfDay"> = [];
  const explained: string[] = [];
  if (run.days.length < MIN_DAYS) {
    missing.push("days");
    explained.push(`attempts on ${MIN_DAYS} different days (all fell on ${run.days[0]})`);
  }
  if (run.timesOfDay.length < MIN_TIMES_OF_DAY) {
    missing.push("timesOfDay");
    const seen = run.timesOfDay.length > 0 ? `all were in the ${run.timesOfDay[0]}` : "all were at night, which is no time of day";
    explained.push(`attempts at ${MIN_TIMES_OF_DAY} different times of day (${seen})`);
  }
  if (missing.length > 0) {
    throw new ConflictError(
      "contact_attempts_not_spread",
      `this would be unanswered attempt ${run.count}, which loses the lead as ${NO_CONTACT_REASON} only after attempts on at least ${MIN_DAYS} days ` +
        `and at ${MIN_TIMES_OF_DAY} times of day (morning 06-12, afternoon 12-18, evening 18-24); missing: ${explained.join("; ")}. ` +
        "Nothing was recorded: try again on another day or at another time of day.",
      { missing, days: run.days, timesOfDay: run.timesOfDay },
    );
  }
  return { run, stageChange: "lose" };
}

/**
 * The attempts as the lead detail shows them: the unanswered run of the current assignee, and the
 * first contact: when, by whom, and how long after the lead arrived (in minutes, and in working
 * minutes: Mon-Fri 09:00-18:00 Moscow time, working-hours.ts).
 */
export type ContactAttemptSummary = {
  count: number;
  firstAt: string | null;
  unansweredInARow: number;
  firstBy: { personId: string | null; name: string | null } | null;
  firstContactMinutes: number | null;
  firstContactWorkingMinutes: number | null;
};

export function contactAttemptSummary(
  item: Pick<LeadItem, "attemptCount" | "firstAttemptAt" | "firstAttemptBy" | "unansweredRun" | "assigneeId" | "createdAt">,
): ContactAttemptSummary {
  const firstAt = item.firstAttemptAt ?? null;
  const arrived = new Date(item.createdAt);
  return {
    count: item.attemptCount ?? 0,
    firstAt,
    unansweredInARow: currentRun(item).count,
    firstBy: item.firstAttemptBy ?? null,
    firstContactMinutes: firstAt === null ? null : Math.round((Date.parse(firstAt) - arrived.getTime()) / 60_000),
    firstContactWorkingMinutes: firstAt === null ? null : workingMinutesBetween(arrived, new Date(firstAt)),
  };
}

export type RecordedAttempt = { attempt: ContactAttempt; stageChange: "lost" | "restored" | null; lead: LeadItem };

const MAX_TRIES = 8;

export const ContactAttempts = {
  /**
   * Records an attempt in one transaction with the lead, guarded by the lead's version: two
   * attempts at once are serialized, so only one of them can be the fifth. When the attempt loses
   * or restores the lead, it is written along with that stage change (history and counters
   * through Outcomes); when it is refused, nothing is written.
   */
  async record(ctx: Ctx, leadId: string, input: ContactAttemptInput, actor: string, maker: AttemptMaker = { personId: null, name: null }): Promise<RecordedAttempt> {
    const at = new Date(input.at);
    const now = ctx.now();
    if (at.getTime() > now.getTime()) {
      const message = `the attempt is in the future (now is ${now.toISOString()}): record attempts once they are made`;
      throw new InvalidInputError(`at: ${message}`, [{ path: "at", message }]);
    }
    const attempt: ContactAttempt = {
      id: newId(),
      at: at.toISOString(),
      channel: input.channel,
      result: input.result,
      day: dayIn(at, ctx.timeZone),
      timeOfDay: timeOfDay(at, ctx.timeZone),
      recordedAt: now.toISOString(),
      actor,
      personId: maker.personId,
      by: maker.name,
    };
    const once = async (): Promise<RecordedAttempt> => {
      const item = await readLead(ctx, leadId);
      if (attempt.at < item.createdAt) {
        const message = `the lead arrived at ${item.createdAt}; an attempt cannot come before it`;
        throw new InvalidInputError(`at: ${message}`, [{ path: "at", message }], "unprocessable");
      }
      const plan = planContactAttempt({ stage: item.stage, run: currentRun(item) }, attempt);
      const isFirst = !item.firstAttemptAt || attempt.at < item.firstAttemptAt;
      const set = {
        attemptCount: (item.attemptCount ?? 0) + 1,
        firstAttemptAt: isFirst ? attempt.at : item.firstAttemptAt,
        // Who made the first contact attempt: the time to first contact is measured per manager.
        ...(isFirst ? { firstAttemptBy: { personId: maker.personId, name: maker.name } } : {}),
        unansweredRun: { ...plan.run, ...(item.assigneeId ? { assigneeId: item.assigneeId } : {}) },
      };
      const put = ContactAttemptEntity.putItem(ctx, { leadId, ...attempt }, "new", "attempt");
      if (plan.stageChange === null) {
        const updatedAt = now.toISOString();
        await transact(ctx, [leadUpdate(ctx, item, { ...set, updatedAt, version: item.version + 1 }), put]);
        return { attempt, stageChange: null, lead: { ...item, ...set, updatedAt, version: item.version + 1 } };
      }
      const change: StageChange = plan.stageChange === "lose" ? { to: "lost", lostReason: NO_CONTACT_REASON } : { to: item.furthestStage };
      const by = { actor, ...(maker.name ? { actorName: maker.name } : {}) };
      const { item: lead } = await Outcomes.applyTo(ctx, item, change, by, { set, items: [put] });
      return { attempt, stageChange: plan.stageChange === "lose" ? "lost" : "restored", lead };
    };
    return withRetry(once, {
      attempts: MAX_TRIES,
      retryable: isLeadRace,
      maxDelayMs: 200,
      exhausted: () => new ConflictError("version_conflict", "the lead kept changing while the attempt was recorded; try again"),
    });
  },

  /** Every attempt on a lead, in the order they happened. */
  async list(ctx: Ctx, leadId: string): Promise<ContactAttempt[]> {
    const [, items] = await Promise.all([readLead(ctx, leadId), ContactAttemptEntity.inPartition(ctx, { leadId }, { consistent: true })]);
    return items.map(toContactAttempt);
  },
};

/** A stored attempt as the API shows it (the lead it belongs to left out). */
export function toContactAttempt({ leadId: _leadId, ...attempt }: z.infer<typeof ContactAttemptEntity.schema>): ContactAttempt {
  return attempt;
}

/** The lead, or the one it was merged into. */
const readLead = (ctx: Ctx, leadId: string) => readLeadItem(ctx, leadId);
