import { pipeline, type Stage } from "@parom/core/hypothesis";
import { missingSpendDays } from "@parom/core/kpi";
import { Csrf, emptyForm, Field, Problems, TextArea } from "../../components/form.js";
import { StatusBadge } from "../../components/status.js";
import { hypothesisStatus } from "../../status.js";
import { decisionData } from "./decisions/data.js";
import type { Section } from "./section.js";

/** The header's facts: the stage and, unless closed, the status as the board's card shows it. */
export const Overview: Section = async ({ v, ctx, data }) => {
  const h = data.hypothesis;
  const { gate, days, unpaidCampaignIds } = await decisionData(ctx, data);
  return (
    <section aria-labelledby="overview">
      <h2 id="overview" class="visually-hidden">
        {h.title}
      </h2>
      <p class="statement">{h.statement}</p>
      <dl class="facts wide">
        <dt>{v.t.hypothesis.stage}</dt>
        <dd>
          <span class="badge neutral">{v.t.stage[h.stage]}</span>
        </dd>
        {h.stage !== "closed" && (
          <>
            <dt>{v.t.status.label}</dt>
            <dd>
              <StatusBadge v={v} status={hypothesisStatus(gate, missingSpendDays(days, unpaidCampaignIds), h.stage)} />
            </dd>
          </>
        )}
        <dt>{v.t.hypothesis.channel}</dt>
        <dd>{v.t.words.channel(h.channel)}</dd>
        <dt>{v.t.hypothesis.responsible}</dt>
        <dd>{h.responsible}</dd>
        <dt>{v.t.hypothesis.budget}</dt>
        <dd>{v.fmt.amount(h.budget, h.currency)}</dd>
        <dt>{v.t.hypothesis.probe}</dt>
        <dd>
          {v.fmt.day(h.probe.start)} – {v.fmt.day(h.probe.end)}
        </dd>
        <dt>{v.t.hypothesis.maturityDays}</dt>
        <dd>{v.fmt.number(h.maturityDays)}</dd>
        <dt>{v.t.hypothesis.confidence}</dt>
        <dd>{v.fmt.percent(h.confidence)}</dd>
      </dl>
      {h.closedReason && <p>{v.t.hypothesis.closedBecause(h.closedReason)}</p>}
      <p>
        <a href={`/leads?hypothesisId=${h.id}`}>{v.t.hypothesis.leadsLink} →</a>
      </p>
    </section>
  );
};

export const TargetsSection: Section = ({ v, data: { hypothesis: h } }) => {
  const t = v.t.hypothesis;
  const { cplMax, cacMax, qualifiedRateMin, conversionMin, romiMin, minLeads, minClients } = h.targets;
  const rows: [string, string | undefined][] = [
    [t.cplMax, cplMax === undefined ? undefined : v.fmt.amount(cplMax, h.currency)],
    [t.cacMax, cacMax === undefined ? undefined : v.fmt.amount(cacMax, h.currency)],
    [t.qualifiedRateMin, qualifiedRateMin === undefined ? undefined : v.fmt.percent(qualifiedRateMin)],
    [t.conversionMin, conversionMin === undefined ? undefined : v.fmt.percent(conversionMin)],
    [t.romiMin, romiMin === undefined ? undefined : v.fmt.percent(romiMin)],
    [t.minLeads, minLeads === undefined ? undefined : v.fmt.number(minLeads)],
    [t.minClients, minClients === undefined ? undefined : v.fmt.number(minClients)],
  ];
  return (
    <section aria-labelledby="targets">
      <h2 id="targets">{t.targets}</h2>
      <dl class="facts wide">
        {rows
          .filter(([, value]) => value !== undefined)
          .map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </>
          ))}
      </dl>
    </section>
  );
};

/** The stages a person may ask for from `stage`: the next on the path (scale-out only by approval) and closing. */
export function offeredMoves(stage: Stage): Stage[] {
  if (stage === "closed") return [];
  const next = pipeline[pipeline.indexOf(stage as (typeof pipeline)[number]) + 1];
  return next && next !== "scale" ? [next, "closed"] : ["closed"];
}

export const StageSection: Section = ({ v, data: { hypothesis: h }, forms }) => {
  const moves = offeredMoves(h.stage);
  if (moves.length === 0) return null;
  const state = forms.transition ?? emptyForm;
  return (
    <section aria-labelledby="moves">
      <h2 id="moves">{v.t.hypothesis.transitions}</h2>
      {/* Named: the problems are worded for the reader (the lesson's among them), no field codes. */}
      <Problems v={v} state={state} named />
      {h.stage === "optimization" && <p class="muted">{v.t.hypothesis.scaleByApproval}</p>}
      <div class="moves">
        {moves
          .filter((to) => to !== "closed")
          .map((to) => (
            <form method="post" action={`/hypotheses/${h.id}/transitions`} class={to === "rules" ? "close-form" : "inline"}>
              <Csrf v={v} />
              <input type="hidden" name="to" value={to} />
              <input type="hidden" name="expectedVersion" value={String(h.version)} />
              {/* Its own name: the close form's `reason` field sits on the same page. */}
              {to === "rules" && <Field state={state} name="moveReason" label={v.t.hypothesis.moveReason} hint={v.t.hypothesis.moveReasonHint} />}
              <button type="submit">{v.t.hypothesis.moveTo(v.t.stage[to])} →</button>
            </form>
          ))}
        <form method="post" action={`/hypotheses/${h.id}/transitions`} class="close-form">
          <Csrf v={v} />
          <input type="hidden" name="to" value="closed" />
          <input type="hidden" name="expectedVersion" value={String(h.version)} />
          <Field state={state} name="reason" label={v.t.hypothesis.closeReason} required />
          <TextArea state={state} name="lesson" label={v.t.backlog.close.lesson} hint={v.t.backlog.close.lessonHint} required rows={3} />
          <button type="submit" class="danger">
            ✕ {v.t.hypothesis.close}
          </button>
        </form>
      </div>
    </section>
  );
};
