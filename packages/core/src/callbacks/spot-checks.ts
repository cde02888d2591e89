import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { transact, TransactionCancelledError } from "../db/transact.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import { LeadEntity } from "../lead/keys.js";
import type { Lead } from "../lead/lead.js";
import { toLead } from "../lead/query.js";
import { People, type Person } from "../people/person.js";
import { dayIn } from "../time.js";
import type { Caller } from "./callbacks.js";

/**
 * The monthly spot checks: each month the head of sales calls up to SPOT_CHECKS_PER_MANAGER
 * clients (won leads) of every account manager, picked at random the first time the month's list
 * is read and kept from then on, so every read shows the same list. An account manager who has no
 * list yet that month (new, or without clients before) gets one on a later read; nobody else's
 * list changes.
 */

export const SPOT_CHECKS_PER_MANAGER = 10;
export const spotCheckResults = ["satisfied", "complaint", "no_answer", "not_a_client"] as const;
export type SpotCheckResult = (typeof spotCheckResults)[number];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthSchema = z.string().regex(MONTH, "must be a month written YYYY-MM");

/** `GET /api/spot-checks?month=YYYY-MM` (default: this month in the workspace zone). */
export const SpotCheckQuery = z.strictObject({ month: monthSchema.optional() });
/** `POST /api/spot-checks/{month}/{leadId}`. */
export const SpotCheckOutcomeInput = z.strictObject({ result: z.enum(spotCheckResults), note: z.string().trim().min(1).max(2000).optional() });
export type SpotCheckOutcomeInput = z.infer<typeof SpotCheckOutcomeInput>;

const partitionOf = (month: string) => `SPOTCHECK#${month}`;
const outcomeSchema = z.object({ result: z.enum(spotCheckResults), note: z.string().nullable(), at: z.string(), personId: z.string().nullable(), by: z.string().nullable() });
export type SpotCheckOutcome = z.infer<typeof outcomeSchema>;

/** One client picked for a month's spot check, with the call's outcome once recorded. */
const PickEntity = defineEntity({
  type: "spotCheckPick",
  schema: z.object({ month: z.string(), leadId: z.string(), personId: z.string(), outcome: outcomeSchema.optional() }),
  key: ({ month, leadId }: { month: string; leadId: string }) => ({ pk: partitionOf(month), sk: `PICK#${leadId}` }),
  partition: { of: ({ month }: { month: string }) => partitionOf(month), sortPrefix: "PICK#" },
});

/** That an account manager's clients were picked for the month (even none): written with the picks, once. */
const PickedEntity = defineEntity({
  type: "spotCheckPicked",
  schema: z.object({ month: z.string(), personId: z.string(), pickedAt: z.string(), clients: z.number() }),
  key: ({ month, personId }: { month: string; personId: string }) => ({ pk: partitionOf(month), sk: `PICKED#${personId}` }),
  partition: { of: ({ month }: { month: string }) => partitionOf(month), sortPrefix: "PICKED#" },
});

export type SpotCheckList = {
  month: string;
  managers: Array<{ person: { id: string; name: string }; pickedAt: string; clientsAtPick: number; checks: Array<{ lead: Lead; outcome: SpotCheckOutcome | null }> }>;
};

export const SpotChecks = {
  /** The month's list, picking it for account managers who have none yet (only up to the current month). */
  async list(ctx: Ctx, query: z.infer<typeof SpotCheckQuery>): Promise<SpotCheckList> {
    const thisMonth = dayIn(ctx.now(), ctx.timeZone).slice(0, 7);
    const month = query.month ?? thisMonth;
    const [people, picked] = await Promise.all([People.list(ctx), PickedEntity.inPartition(ctx, { month }, { consistent: true })]);
    const accountManagers = people.filter((p) => p.role === "manager" && p.duty === "accounts");
    if (month <= thisMonth) {
      const done = new Set(picked.map((p) => p.personId));
      await Promise.all(accountManagers.filter((p) => !done.has(p.id)).map((p) => pick(ctx, month, p)));
    }
    const [markers, picks] = await Promise.all([PickedEntity.inPartition(ctx, { month }, { consistent: true }), PickEntity.inPartition(ctx, { month }, { consistent: true })]);
    const leads = new Map((await LeadEntity.getMany(ctx, picks.map((p) => ({ id: p.leadId })))).map((l) => [l.id, toLead(l)]));
    const names = new Map(people.map((p) => [p.id, p.name]));
    return {
      month,
      managers: markers
        .map((marker) => ({
          person: { id: marker.personId, name: names.get(marker.personId) ?? marker.personId },
          pickedAt: marker.pickedAt,
          clientsAtPick: marker.clients,
          checks: picks
            .filter((p) => p.personId === marker.personId && leads.has(p.leadId))
            .map((p) => ({ lead: leads.get(p.leadId)!, outcome: p.outcome ?? null })),
        }))
        .sort((a, b) => a.person.name.localeCompare(b.person.name)),
    };
  },

  /** Records the call to a client on the month's list; 404 when the lead is not on it. */
  async record(ctx: Ctx, month: string, leadId: string, input: SpotCheckOutcomeInput, caller: Caller): Promise<SpotCheckOutcome> {
    if (!MONTH.test(month)) {
      const message = "must be a month written YYYY-MM";
      throw new InvalidInputError(`month: ${message}`, [{ path: "month", message }]);
    }
    const outcome: SpotCheckOutcome = { result: input.result, note: input.note ?? null, at: ctx.now().toISOString(), personId: caller.personId ?? null, by: caller.name ?? null };
    const updated = await PickEntity.update(ctx, { month, leadId }, { set: { outcome } });
    if (!updated) throw new NotFoundError(`spot check of ${month} for lead`, leadId);
    return outcome;
  },
};

/** Picks an account manager's clients for the month, once: a read that loses the race keeps the other's pick. */
async function pick(ctx: Ctx, month: string, person: Person): Promise<void> {
  const clients = (await LeadEntity.all(ctx, "byAssignee", { assigneeId: person.id })).filter((lead) => lead.stage === "won" && !lead.mergedInto);
  const chosen = shuffled(clients.map((c) => c.id)).slice(0, SPOT_CHECKS_PER_MANAGER);
  try {
    await transact(ctx, [
      PickedEntity.putItem(ctx, { month, personId: person.id, pickedAt: ctx.now().toISOString(), clients: clients.length }, "new", "picked"),
      // A lead is one account manager's client at a time: picked again (handed over meanwhile), it moves to the list of its new manager.
      ...chosen.map((leadId) => PickEntity.putItem(ctx, { month, leadId, personId: person.id }, "none", `pick:${leadId}`)),
    ]);
  } catch (error) {
    if (error instanceof TransactionCancelledError && error.failedCondition("picked")) return;
    throw error;
  }
}

/** Fisher-Yates with a cryptographic source: nobody can predict which clients the head will call. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
