import { z } from "zod";
import { Campaigns } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { readDays } from "../counters/cohort-counters.js";
import { ConflictError, DomainError } from "../errors.js";
import { formatKopecks } from "../money.js";
import type { Actor, FieldChange } from "./history.js";
import { commitChange, Hypotheses, VersionConflictError } from "./hypothesis.js";
import { CreateHypothesisInput } from "./input.js";
import type { Hypothesis } from "./model.js";
import type { Targets } from "../kpi/targets.js";

const fields = CreateHypothesisInput.shape;

/**
 * PATCH /api/hypotheses/{id}: the fields to change, the version the caller saw and why. Each field
 * is read as at creation (money as a number or "600000.50", the channel as a code or as typed);
 * `targets` replaces the whole set.
 */
export const EditHypothesisInput = z
  .strictObject({
    expectedVersion: z.number().int().min(1),
    reason: z.string().trim().min(1, "must not be empty").max(2000),
    title: fields.title.optional(),
    statement: fields.statement.optional(),
    // The channel names what the hypothesis tests; its campaigns keep their own UTM sources, so a
    // hypothesis with campaigns may be renamed to another channel, and the history keeps the move.
    channel: fields.channel.optional(),
    responsible: fields.responsible.optional(),
    budget: fields.budget.optional(),
    probe: fields.probe.optional(),
    targets: fields.targets.optional(),
    maturityDays: fields.maturityDays.unwrap().optional(),
    confidence: fields.confidence.unwrap().optional(),
  })
  .refine((input) => editable.some((name) => input[name] !== undefined), "name at least one field to change");
export type EditHypothesisInput = z.output<typeof EditHypothesisInput>;

const editable = ["title", "statement", "channel", "responsible", "budget", "probe", "targets", "maturityDays", "confidence"] as const;
const moneyTargets: readonly string[] = ["cplMax", "cacMax"];

type Value = string | number | null;
const money = (kopecks: number | undefined) => (kopecks === undefined ? null : formatKopecks(kopecks));

/** Every field `input` changes, before and after, in the API's units (money as decimal strings). */
export function changesOf(h: Hypothesis, input: Omit<Partial<EditHypothesisInput>, "expectedVersion" | "reason">): FieldChange[] {
  const changes: FieldChange[] = [];
  const note = (field: string, before: Value, after: Value) => {
    if (before !== after) changes.push({ field, before, after });
  };
  if (input.title !== undefined) note("title", h.title, input.title);
  if (input.statement !== undefined) note("statement", h.statement, input.statement);
  if (input.channel !== undefined) note("channel", h.channel, input.channel);
  if (input.responsible !== undefined) note("responsible", h.responsible, input.responsible);
  if (input.budget !== undefined) note("budget", money(h.budget), money(input.budget));
  if (input.probe) {
    note("probe.start", h.probe.start, input.probe.start);
    note("probe.end", h.probe.end, input.probe.end);
  }
  if (input.targets) {
    for (const name of targetNames(h.targets, input.targets)) {
      const show = (targets: Targets) => {
        const value = targets[name];
        return moneyTargets.includes(name) ? money(value) : (value ?? null);
      };
      note(`targets.${name}`, show(h.targets), show(input.targets));
    }
  }
  if (input.maturityDays !== undefined) note("maturityDays", h.maturityDays, input.maturityDays);
  if (input.confidence !== undefined) note("confidence", h.confidence, input.confidence);
  return changes;
}

const targetNames = (a: Targets, b: Targets) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort() as (keyof Targets)[];

/** True once any lead is attributed to the hypothesis' campaigns (counters only, leads are never read). */
async function leadsArrived(ctx: Ctx, hypothesisId: string): Promise<boolean> {
  const campaigns = await Campaigns.listByHypothesis(ctx, hypothesisId);
  const days = await Promise.all(campaigns.map((campaign) => readDays(ctx, campaign.id)));
  return days.flat().some((day) => day.leads > 0);
}

/**
 * The hypothesis' target-change marks after `targets` replaced its targets: a target changed once
 * leads had arrived is marked with when and the value it replaced, because its verdict now judges
 * data gathered under another target. A change before any lead leaves no mark.
 */
async function targetMarks(ctx: Ctx, h: Hypothesis, targets: Targets | undefined): Promise<Hypothesis["targetChanges"] | undefined> {
  if (!targets) return undefined;
  const changed = targetNames(h.targets, targets).filter((name) => h.targets[name] !== targets[name]);
  if (changed.length === 0 || !(await leadsArrived(ctx, h.id))) return undefined;
  const at = ctx.now().toISOString();
  return { ...h.targetChanges, ...Object.fromEntries(changed.map((name) => [name, { at, before: h.targets[name] ?? null }])) };
}

/** An edit of a closed hypothesis: its record is final. */
export class HypothesisClosedError extends ConflictError {
  constructor(id: string) {
    super("hypothesis_closed", `hypothesis ${id} is closed; it can no longer be edited`);
  }
}

const stale = (id: string, expected: number, current: number) =>
  new VersionConflictError(`hypothesis ${id} is at version ${current}, not ${expected}: someone changed it meanwhile; reload it and edit again`, {
    expectedVersion: expected,
    currentVersion: current,
  });

export const HypothesisEdits = {
  /**
   * Changes the fields `input` names, if the hypothesis is still at `expectedVersion` and open: one
   * transaction writes the fields, the next version and a history entry with who, why and each
   * field's before and after. Returns the hypothesis as it now is.
   */
  async edit(ctx: Ctx, id: string, input: EditHypothesisInput, actor: Actor): Promise<Hypothesis> {
    const h = await Hypotheses.get(ctx, id);
    if (h.stage === "closed") throw new HypothesisClosedError(id);
    if (h.version !== input.expectedVersion) throw stale(id, input.expectedVersion, h.version);
    const { expectedVersion: _version, reason, ...patch } = input;
    const changes = changesOf(h, patch);
    if (changes.length === 0) throw new DomainError("nothing_changed", "every field given already holds that value; nothing to change", "invalid");
    const targetChanges = await targetMarks(ctx, h, patch.targets);
    const set = { ...patch, ...(targetChanges ? { targetChanges } : {}) };
    try {
      const version = await commitChange(ctx, h, { set, entry: { actor, type: "edit", reason, changes } });
      return { ...h, ...set, version, updatedAt: ctx.now().toISOString() };
    } catch (error) {
      // Changed between this read and the write: say by whom it was overtaken, as a stale version is.
      if (error instanceof VersionConflictError) throw stale(id, input.expectedVersion, (await Hypotheses.get(ctx, id)).version);
      throw error;
    }
  },
};
