import type { Ctx } from "../context.js";
import { queryAll } from "../db/query-all.js";
import { ConflictError } from "../errors.js";
import type { Actor } from "./history.js";
import { commitChange, Hypotheses, VersionConflictError } from "./hypothesis.js";
import type { RulesInput } from "./input.js";
import { hypothesisKeys } from "./keys.js";

/** One version of a hypothesis' written rules: who runs it, how leads are handled, the checklist. */
export type WrittenRules = RulesInput & { version: number; at: string; actor: Actor };

/** A save that loses a race to another change of the hypothesis is re-read and retried this often. */
const ATTEMPTS = 5;

export const Rules = {
  /**
   * Saves a new version of the rules (earlier versions are kept) and points the hypothesis at it,
   * with a history entry, in one transaction. Returns the rules and the hypothesis' new version.
   */
  async write(ctx: Ctx, hypothesisId: string, input: RulesInput, actor: Actor): Promise<WrittenRules & { hypothesisVersion: number }> {
    for (let attempt = 1; ; attempt++) {
      const hypothesis = await Hypotheses.get(ctx, hypothesisId);
      if (hypothesis.stage === "closed") {
        throw new ConflictError("hypothesis_closed", `hypothesis ${hypothesisId} is closed; its rules can no longer change`);
      }
      const rules: WrittenRules = { ...input, version: (hypothesis.rulesVersion ?? 0) + 1, at: ctx.now().toISOString(), actor };
      try {
        const hypothesisVersion = await commitChange(ctx, hypothesis, {
          set: { rulesVersion: rules.version },
          entry: { actor, type: "rules", rulesVersion: rules.version },
          extra: [
            {
              Put: {
                TableName: ctx.table,
                Item: { ...hypothesisKeys.rules(hypothesisId, rules.version), type: "hypothesisRules", hypothesisId, ...rules },
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
          ],
        });
        return { ...rules, hypothesisVersion };
      } catch (error) {
        // Rules carry no expected version: another change in between is no reason to refuse them.
        if (!(error instanceof VersionConflictError) || attempt === ATTEMPTS) throw error;
      }
    }
  },

  /** Every version of the rules, oldest first. */
  async versions(ctx: Ctx, hypothesisId: string): Promise<WrittenRules[]> {
    await Hypotheses.get(ctx, hypothesisId);
    const items = await queryAll(ctx, {
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: { ":pk": hypothesisKeys.item(hypothesisId).pk, ":prefix": hypothesisKeys.rulesPrefix },
    });
    return items.map(toWrittenRules);
  },
};

export function toWrittenRules(item: Record<string, any>): WrittenRules {
  return {
    version: item.version,
    responsible: item.responsible,
    leadHandling: item.leadHandling,
    checklist: item.checklist,
    at: item.at,
    actor: { keyId: item.actor.keyId, role: item.actor.role },
  };
}
