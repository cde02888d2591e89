import type { Ctx } from "../context.js";
import { addLostReason, addToDay, addWin, normalizeLostReason, type CounterField } from "../counters/cohort-counters.js";
import type { TransactItem } from "../db/transact.js";
import { countedLostReason } from "./quality-review.js";
import type { PathStage } from "../lead-stages.js";
import { reachedDelta } from "./stages.js";

/** What a lead adds to the counters: its campaign and cohort day, how far it went, and how it ended. */
export type CountedLead = {
  campaignId: string | null;
  cohortDay: string;
  stage: string;
  furthestStage: PathStage;
  amountKopecks?: number | null;
  wonDay?: string;
  lostReason?: string | null;
  lostReasonCategory?: string;
};

type DayEntry = { campaignId: string | null; day: string; delta: Partial<Record<CounterField, number>>; wins: Map<string, number> };
type WinEntry = { campaignId: string | null; cohortDay: string; winDay: string; won: number; revenue: number };
type ReasonEntry = { campaignId: string | null; cohortDay: string; reason: string; lost: number };

/**
 * Counter moves when leads change campaign or are merged: take back what each lead counted before,
 * add what the result counts, and write one update per counter item (a transaction may not touch an
 * item twice). Deltas that cancel out are not written.
 */
export class CounterLedger {
  private readonly days = new Map<string, DayEntry>();
  private readonly wins = new Map<string, WinEntry>();
  private readonly reasons = new Map<string, ReasonEntry>();

  /** Adds (sign 1) or takes back (sign -1) everything `lead` counts. */
  count(lead: CountedLead, sign: 1 | -1): this {
    const campaignId = lead.campaignId ?? null;
    const dayKey = `${campaignId}|${lead.cohortDay}`;
    const day: DayEntry = this.days.get(dayKey) ?? { campaignId, day: lead.cohortDay, delta: {}, wins: new Map() };
    this.days.set(dayKey, day);
    const add = (field: CounterField, value: number) => (day.delta[field] = (day.delta[field] ?? 0) + sign * value);
    for (const [field, value] of Object.entries(reachedDelta(null, lead.furthestStage))) add(field as CounterField, value!);
    if (lead.stage === "lost") add("lost", 1);
    if (lead.stage === "won" && lead.wonDay) {
      const revenue = lead.amountKopecks ?? 0;
      add("revenue", revenue);
      day.wins.set(lead.wonDay, (day.wins.get(lead.wonDay) ?? 0) + sign);
      const winKey = `${dayKey}|${lead.wonDay}`;
      const win = this.wins.get(winKey) ?? { campaignId, cohortDay: lead.cohortDay, winDay: lead.wonDay, won: 0, revenue: 0 };
      win.won += sign;
      win.revenue += sign * revenue;
      this.wins.set(winKey, win);
    }
    const reason = lead.stage === "lost" ? countedLostReason(lead) : null;
    if (reason && normalizeLostReason(reason)) {
      const reasonKey = `${dayKey}|${normalizeLostReason(reason)}`;
      const entry = this.reasons.get(reasonKey) ?? { campaignId, cohortDay: lead.cohortDay, reason, lost: 0 };
      entry.lost += sign;
      this.reasons.set(reasonKey, entry);
    }
    return this;
  }

  /** The counter updates, one per item that changes. */
  items(ctx: Ctx): TransactItem[] {
    const items: TransactItem[] = [];
    for (const day of this.days.values()) {
      const delta = Object.fromEntries(Object.entries(day.delta).filter(([, v]) => v !== 0));
      const wins = [...day.wins].filter(([, won]) => won !== 0).map(([winDay, won]) => ({ winDay, won }));
      if (Object.keys(delta).length > 0 || wins.length > 0) items.push(addToDay(ctx, day.campaignId, day.day, delta, wins));
    }
    for (const win of this.wins.values()) {
      if (win.won !== 0 || win.revenue !== 0) items.push(addWin(ctx, win.campaignId, win.cohortDay, win.winDay, { won: win.won, revenue: win.revenue }));
    }
    for (const entry of this.reasons.values()) {
      if (entry.lost !== 0) items.push(addLostReason(ctx, entry.campaignId, entry.cohortDay, entry.reason, entry.lost));
    }
    return items;
  }
}
