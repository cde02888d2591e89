import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { IdSchema } from "../db/key-limits.js";
import { InvalidInputError } from "../errors.js";
import { namedPeople } from "../people/managers.js";
import { SourceEntity, Sources } from "../source/source.js";

/*
 * Who gets a source's new leads that the CRM did not give to anyone we know: the lead managers in
 * turn (round robin), one fixed lead manager, or nobody (the head of sales assigns by hand).
 */

export const assignmentModes = ["round_robin", "fixed", "none"] as const;

const unique = (ids: string[]) => new Set(ids).size === ids.length;

/** `PUT /api/sources/{id}/assignment`. */
export const AssignmentRuleInput = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("round_robin"), personIds: z.array(IdSchema).min(1).max(50).refine(unique, { message: "each person once" }) }),
  z.strictObject({ mode: z.literal("fixed"), personId: IdSchema }),
  z.strictObject({ mode: z.literal("none") }),
]);
export type AssignmentRuleInput = z.infer<typeof AssignmentRuleInput>;

/** A source's rule as the API shows it; `none` when it never had one. */
export type AssignmentRule = { sourceId: string; mode: (typeof assignmentModes)[number]; personIds: string[]; updatedAt: string | null };

const RuleSchema = z.object({
  sourceId: z.string(),
  mode: z.enum(assignmentModes),
  /** round_robin: the managers in turn; fixed: the one manager. */
  personIds: z.array(z.string()),
  updatedAt: z.string(),
  /** How many leads the round robin has handed out: taken with an atomic ADD, so concurrent leads each get their own turn. */
  turns: z.number().optional(),
});

const AssignmentRuleEntity = defineEntity({
  type: "assignmentRule",
  schema: RuleSchema,
  key: ({ sourceId }: { sourceId: string }) => ({ pk: SourceEntity.key({ id: sourceId }).pk, sk: "ASSIGNMENT" }),
});

const shown = (rule: z.infer<typeof RuleSchema>): AssignmentRule => ({ sourceId: rule.sourceId, mode: rule.mode, personIds: rule.personIds, updatedAt: rule.updatedAt });

export const AssignmentRules = {
  async get(ctx: Ctx, sourceId: string): Promise<AssignmentRule> {
    await Sources.get(ctx, sourceId);
    const rule = await AssignmentRuleEntity.get(ctx, { sourceId });
    return rule ? shown(rule) : { sourceId, mode: "none", personIds: [], updatedAt: null };
  },

  /** Replaces the rule (a new round robin starts with its first manager). */
  async set(ctx: Ctx, sourceId: string, input: AssignmentRuleInput): Promise<AssignmentRule> {
    await Sources.get(ctx, sourceId);
    const named =
      input.mode === "round_robin" ? input.personIds.map((id, i) => ({ id, path: `personIds.${i}` })) : input.mode === "fixed" ? [{ id: input.personId, path: "personId" }] : [];
    const people = await namedPeople(ctx, named, { managersOnly: true });
    // New leads need someone who reaches them: an account manager keeps clients and would let them wait.
    // A manager stored without a duty is a lead manager, the duty's default.
    const notLeads = named.filter((_, i) => people[i]!.duty === "accounts").map(({ id, path }) => ({ path, message: `person ${id} is not a lead manager` }));
    if (notLeads.length) throw new InvalidInputError(`new leads go to lead managers: ${notLeads.map((i) => i.path).join(", ")}`, notLeads);
    const rule = { sourceId, mode: input.mode, personIds: named.map(({ id }) => id), updatedAt: ctx.now().toISOString() };
    await AssignmentRuleEntity.put(ctx, rule);
    return shown(rule);
  },

  /**
   * The person the source's rule gives its next new lead to, or null. A round robin takes its turn
   * with one atomic ADD: concurrent leads each get a different turn, so nobody is skipped; a
   * delivery `redelivered` says was captured before takes no turn (asked only for a round robin).
   */
  async nextAssignee(ctx: Ctx, sourceId: string, redelivered: () => Promise<boolean>): Promise<string | null> {
    const rule = await AssignmentRuleEntity.get(ctx, { sourceId }, { consistent: true });
    if (!rule || rule.mode === "none" || rule.personIds.length === 0) return null;
    if (rule.mode === "fixed") return rule.personIds[0]!;
    if (await redelivered()) return null;
    const taken = await AssignmentRuleEntity.update(ctx, { sourceId }, { add: { turns: 1 } });
    if (!taken || taken.mode !== "round_robin" || taken.personIds.length === 0) return taken?.personIds[0] ?? null;
    return taken.personIds[(taken.turns! - 1) % taken.personIds.length]!;
  },
};
