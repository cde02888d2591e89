import { actorLabel } from "../../../actor-label.js";
import { can } from "@parom/core/access";
import { Csrf, emptyForm, Field, Problems, TextArea } from "../../../components/form.js";
import { moneyInputValue } from "../../../money-input.js";
import type { Section } from "../section.js";
import { decisionData } from "./data.js";

/**
 * The owner's decision on scale-out. In Optimization the owner sees Approve and Reject with a
 * comment (the same verb and rules as POST /api/hypotheses/{id}/approvals, so a refusal comes
 * back with its reason beside the form); a marketer sees who decides. Past decisions show for both.
 */
export const ApprovalSection: Section = async ({ v, ctx, data, forms }) => {
  const h = data.hypothesis;
  const { approvals, gate } = await decisionData(ctx, data);
  const deciding = h.stage === "optimization";
  if (!deciding && approvals.length === 0 && !forms.approval) return null;
  const t = v.t.decisions.approval;
  const state = forms.approval ?? emptyForm;
  const owner = v.principal ? can(v.principal, "scale.approve") : false;
  return (
    <section aria-labelledby="approval">
      <h2 id="approval">{t.title}</h2>
      {deciding && !owner && <p class="muted">{t.onlyOwner}</p>}
      {!deciding && <Problems v={v} state={state} named />}
      {deciding && owner && (
        <>
          <p>{t.intro}</p>
          {!gate.passed && <p class="muted">⚠ {t.gateShut}</p>}
          <Problems v={v} state={state} named />
          <form method="post" action={`/hypotheses/${h.id}/approvals`} class="card">
            <Csrf v={v} />
            <TextArea state={state} name="comment" label={t.comment} rows={3} />
            <Field state={state} name="scaleBudget" label={v.t.edit.approvalBudget} hint={v.t.edit.approvalBudgetHint} placeholder={moneyInputValue(h.budget, v.lang)} />
            <div class="moves">
              <button type="submit" name="decision" value="approve">
                ✓ {t.approve}
              </button>
              <button type="submit" name="decision" value="reject" class="secondary">
                ✕ {t.reject}
              </button>
            </div>
          </form>
        </>
      )}
      {approvals.length > 0 && (
        <>
          <h3>{t.history}</h3>
          <ol class="history" reversed>
            {[...approvals].reverse().map((approval) => (
              <li>
                <time datetime={approval.at}>{v.fmt.dateTime(approval.at)}</time> — <strong>{t.decision[approval.decision]}</strong>{" "}
                {t.by(actorLabel(v.t, approval.actor))} ({t.gateThen(approval.gate.passed)})
                {approval.budget !== null && <>, {t.budget(v.fmt.amount(approval.budget, h.currency))}</>}
                {approval.comment && <> <q>{approval.comment}</q></>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
};
