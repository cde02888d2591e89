import { z } from "zod";
import type { Ctx } from "../context.js";
import { addToDay, addWin, moveLostReason } from "../counters/cohort-counters.js";
import { withRetry } from "../db/retry.js";
import { transact, type TransactItem } from "../db/transact.js";
import { ConflictError, InvalidInputError } from "../errors.js";
import { formatKopecks, toKopecks } from "../money.js";
import { countedLostReason } from "./quality-review.js";
import { dayIn } from "../time.js";
import { keyNamesOf } from "../access/actor.js";
import { enterQueue, leaveQueue } from "./callback-queue.js";
import { isLeadRace } from "./lead-race.js";
import { readLeadItem } from "./read-lead.js";
import { leadUpdate, StageChangeEntity, stageChangeItem, type LeadItem, type StageChangeItem } from "./keys.js";
import { checkRequiredTags } from "./tags.js";
import { NO_CONTACT_REASON } from "./vocabulary.js";
import { WonLeads } from "./won-leads.js";
import { leadStages, type LeadStage } from "../lead-stages.js";
import { planStageChange, type OutcomeState, type StageChange, type StagePlan } from "./stages.js";

/** `PATCH /api/leads/{id}`: the deal's new stage, its amount when won, the reason when lost. */
export const ChangeStageInput = z.strictObject({
  stage: z.enum(leadStages),
  amount: z.union([z.number(), z.string()]).optional(),
  lostReason: z.string().max(1000).optional(),
});
export type ChangeStageInput = z.infer<typeof ChangeStageInput>;

/**
 * One kept stage change. `actor` is `key:<api key id>` for people, `crm:<source id>` for CRM webhooks;
 * `actorName` says who in words (the key's or its person's name, "owner" for the owner's key), null
 * for a CRM or a key without a name.
 */
export type StageHistoryEntry = {
  at: string;
  from: LeadStage;
  to: LeadStage;
  amount?: string;
  lostReason?: string;
  actor: string;
  actorName: string | null;
};

/** Who changes a stage: the key (`key:<id>`) or CRM (`crm:<source id>`), and the key's name when it has one (access/actor.ts actorOf). */
export type StageActor = { actor: string; actorName?: string };

/** The lead item as stored after the change, and whether the change did anything (false for a repeat). */
export type StageChangeResult = { changed: boolean; item: LeadItem };

/** What the caller writes with a stage change it caused (a contact attempt): lead attributes to set and more items. */
export type AlongWith = { set: Record<string, unknown>; items: TransactItem[] };


/** Concurrent changes of one lead re-read and re-plan; each round lets at least one through. */
const MAX_ATTEMPTS = 8;

export const Outcomes = {
  /**
   * Validates a person's request (the API's PATCH, the lead page's form) and applies it; a move to a
   * stage whose required tags are missing is refused (lead/tags.ts checkRequiredTags).
   */
  async changeStage(ctx: Ctx, leadId: string, input: ChangeStageInput, actor: StageActor): Promise<StageChangeResult> {
    let amountKopecks: number | undefined;
    if (input.amount !== undefined) {
      const parsed = toKopecks(input.amount);
      if (parsed === null) {
        const issues = [{ path: "amount", message: "not a money amount: use a number or a decimal string with at most two decimals" }];
        throw new InvalidInputError(`amount: ${issues[0]!.message}`, issues);
      }
      amountKopecks = parsed;
    }
    const change: StageChange = { to: input.stage, amountKopecks, lostReason: input.lostReason };
    return withRetry(
      async () => {
        const item = await readLead(ctx, leadId);
        if (planStageChange(outcomeState(item), change) !== null) await checkRequiredTags(ctx, item, change.to);
        return Outcomes.applyTo(ctx, item, change, actor);
      },
      { attempts: MAX_ATTEMPTS, retryable: isLeadRace, maxDelayMs: 200, exhausted: () => new ConflictError("version_conflict", "the lead kept changing while this change was applied; try again") },
    );
  },

  /**
   * Moves a lead to a stage in one transaction: the lead (guarded by its version), the history
   * entry and the counter deltas of its campaign and cohort day. A lost race re-reads and re-plans.
   * `alongIfChanged` is written in the same transaction when the change does something.
   */
  async apply(ctx: Ctx, leadId: string, change: StageChange, actor: StageActor, alongIfChanged?: AlongWith): Promise<StageChangeResult> {
    return withRetry(
      async () => {
        const item = await readLead(ctx, leadId);
        // What is written along (a CRM's unmapped loss reason count) belongs to a change that happens, not to a repeat.
        const along = alongIfChanged && planStageChange(outcomeState(item), change) !== null ? alongIfChanged : undefined;
        return Outcomes.applyTo(ctx, item, change, actor, along);
      },
      { attempts: MAX_ATTEMPTS, retryable: isLeadRace, maxDelayMs: 200, exhausted: () => new ConflictError("version_conflict", "the lead kept changing while this change was applied; try again") },
    );
  },

  /**
   * One try at a stage change of the lead as read (`item`), with whatever the caller writes
   * `along` in the same transaction. A lost race throws (see isLeadRace); the caller re-reads.
   */
  async applyTo(ctx: Ctx, item: LeadItem, change: StageChange, actor: StageActor, along?: AlongWith): Promise<StageChangeResult> {
    const plan = planStageChange(outcomeState(item), change);
    if (plan === null) {
      if (along) throw new Error(`applyTo with writes along needs a change that does something; lead ${item.id} is already ${item.stage}`);
      return { changed: false, item };
    }
    const at = ctx.now().toISOString();
    const winDay = plan.win && item.stage !== "won" ? dayIn(ctx.now(), ctx.timeZone) : undefined;
    await transact(ctx, changeItems(ctx, item, plan, { at, ...actor, winDay }, along));
    const { counterDelta: _counters, win: _win, ...state } = plan;
    const { lostReasonCategory: _category, qualityReview: _review, ...kept } = item;
    return {
      changed: true,
      item: { ...kept, ...along?.set, ...state, updatedAt: at, version: item.version + 1, ...(winDay ? { wonDay: winDay } : {}) },
    };
  },

  /**
   * Every stage change of a lead, oldest first, each naming who acted: changes stored before names
   * were kept are named from the keys list (read only when a stored key acted without a name kept).
   */
  async history(ctx: Ctx, leadId: string): Promise<StageHistoryEntry[]> {
    const lead = await readLead(ctx, leadId);
    const entries = (await StageChangeEntity.inPartition(ctx, { leadId: lead.id })).map(toStageHistoryEntry);
    const names = await keyNamesOf(ctx, entries.filter((entry) => entry.actorName === null).map((entry) => entry.actor));
    return entries.map((entry) => (entry.actorName === null ? { ...entry, actorName: names.get(entry.actor) ?? null } : entry));
  },
};

/** A stored stage change as the API shows it (money as a decimal string). */
export function toStageHistoryEntry(item: StageChangeItem): StageHistoryEntry {
  return {
    at: item.at,
    from: item.from,
    to: item.to,
    ...(typeof item.amountKopecks === "number" ? { amount: formatKopecks(item.amountKopecks) } : {}),
    ...(item.lostReason ? { lostReason: item.lostReason } : {}),
    actor: item.actor,
    actorName: item.actorName ?? null,
  };
}

/** The lead, or the one it was merged into (a CRM's later moves of a merged deal move the surviving lead). */
const readLead = (ctx: Ctx, leadId: string) => readLeadItem(ctx, leadId);

function outcomeState(item: LeadItem): OutcomeState {
  return { stage: item.stage, furthestStage: item.furthestStage, amountKopecks: item.amountKopecks, lostReason: item.lostReason };
}

/**
 * The transaction; the lead's update is named "lead" so a lost race shows as its failed condition.
 * Any stage change ends a quality review's category (lead/quality-review.ts): the lead's loss it judged is over or re-told.
 */
function changeItems(
  ctx: Ctx,
  item: LeadItem,
  plan: StagePlan,
  change: { at: string; actor: string; actorName?: string; winDay?: string },
  along: AlongWith = { set: {}, items: [] },
): TransactItem[] {
  const leadId = item.id;
  const set = {
    ...along.set,
    stage: plan.stage,
    furthestStage: plan.furthestStage,
    amountKopecks: plan.amountKopecks,
    lostReason: plan.lostReason,
    updatedAt: change.at,
    version: item.version + 1,
    ...(change.winDay ? { wonDay: change.winDay } : {}),
  };
  const items: TransactItem[] = [
    leadUpdate(ctx, item, set, ["lostReasonCategory", "qualityReview"]),
    stageChangeItem(ctx, {
      leadId,
      at: change.at,
      from: item.stage,
      to: plan.stage,
      ...(plan.stage === "won" ? { amountKopecks: plan.amountKopecks } : {}),
      ...(plan.stage === "lost" ? { lostReason: plan.lostReason } : {}),
      actor: change.actor,
      ...(change.actorName ? { actorName: change.actorName } : {}),
    }),
  ];
  // A correction lands on the day the deal was won (every won lead keeps `wonDay`, imported ones too).
  const winDay: string | undefined = plan.win && (change.winDay ?? item.wonDay);
  const counted = plan.win?.won ? { winDay: winDay!, won: plan.win.won } : undefined;
  if (counted || Object.values(plan.counterDelta).some((v) => v !== 0)) items.push(addToDay(ctx, item.campaignId, item.cohortDay, plan.counterDelta, counted));
  // The funnel's lost reasons: losing, restoring or re-giving the reason moves the count in this same write.
  const reasonBefore = item.stage === "lost" ? countedLostReason(item) : null;
  items.push(...moveLostReason(ctx, item.campaignId, item.cohortDay, reasonBefore, plan.stage === "lost" ? plan.lostReason : null));
  if (plan.win) items.push(addWin(ctx, item.campaignId, item.cohortDay, winDay!, plan.win));
  if (change.winDay) items.push(WonLeads.reference(ctx, leadId, change.winDay));
  // The head of sales calls back a lead nobody reached; a lead no longer lost so leaves the queue.
  if (plan.stage === "lost" && plan.lostReason === NO_CONTACT_REASON) items.push(enterQueue(ctx, leadId, "no_contact", change.at));
  else if (item.stage === "lost") items.push(leaveQueue(ctx, leadId));
  return [...items, ...along.items];
}
