import type { Ctx } from "../context.js";
import { withRetry } from "../db/retry.js";
import { ConflictError } from "../errors.js";
import { RulesEntity } from "./entities.js";
import type { Actor } from "./history.js";
import { commitChange, Hypotheses, VersionConflictError } from "./hypothesis.js";
import type { RulesInput } from "./input.js";

/** One version of a hypothesis' written rules: who runs it, how leads are handled, the checklist. */
export type WrittenRules = RulesInput & { version: number; at: string; actor: Actor };

/** A save that loses a race to another change of the hypothesis is re-read and retried: attempts in all. */
const ATTEMPTS = 5;

export const Rules = {
  /**
   * Saves a new version of the rules (earlier versions are kept) and points the hypothesis at it,
   * with a history entry, in one transaction. Returns the rules and the hypothesis' new version.
   */
  async write(ctx: Ctx, hypothesisId: string, input: RulesInput, actor: Actor): Promise<WrittenRules & { hypothesisVersion: number }> {
    return withRetry(
      async () => {
        const hypothesis = await Hypotheses.get(ctx, hypothesisId);
        if (hypothesis.stage === "closed") {
          throw new ConflictError("hypothesis_closed", `hypothesis ${hypothesisId} is closed; its rules can no longer change`);
        }
        const rules: WrittenRules = { ...input, version: (hypothesis.rulesVersion ?? 0) + 1, at: ctx.now().toISOString(), actor };
        const hypothesisVersion = await commitChange(ctx, hypothesis, {
          set: { rulesVersion: rules.version },
          entry: { actor, type: "rules", rulesVersion: rules.version },
          extra: [RulesEntity.putItem(ctx, { hypothesisId, ...rules }, "new", "rules")],
        });
        return { ...rules, hypothesisVersion };
      },
      // Rules carry no expected version: another change in between is no reason to refuse them.
      { attempts: ATTEMPTS, retryable: (error) => error instanceof VersionConflictError },
    );
  },

  /** Every version of the rules, oldest first. */
  async versions(ctx: Ctx, hypothesisId: string): Promise<WrittenRules[]> {
    await Hypotheses.get(ctx, hypothesisId);
    return (await RulesEntity.inPartition(ctx, { hypothesisId })).map(toWrittenRules);
  },
};

/** The rules as the API shows them (the hypothesis id is the one asked about). */
export function toWrittenRules({ hypothesisId: _hypothesisId, ...rules }: ReturnType<typeof RulesEntity.parse>): WrittenRules {
  return rules;
}
