import { actorLabel } from "../../../actor-label.js";
import type { FC } from "hono/jsx";
import { type Hypothesis, type Optimization, optimizationAreas } from "@parom/core/hypothesis";
import type { KpiName } from "@parom/core/kpi";
import { type Effect, optimizationEffect } from "@parom/core/optimization";
import { BeforeAfterChart, type RateComparison } from "../../../charts/before-after.js";
import { Csrf, emptyForm, Field, Problems, Select, TextArea } from "../../../components/form.js";
import type { View } from "../../../view.js";
import type { Section } from "../section.js";
import { decisionData } from "./data.js";
import { kpiFormat } from "./format.js";

const tableKpis: KpiName[] = ["leads", "spend", "cpl", "qualifiedRate", "conversion", "cac", "romi"];

/** One optimization: what changed, the windows compared, the rates before and after, the other figures in a table. */
const OptimizationCard: FC<{ v: View; h: Hypothesis; item: Optimization & Effect; asOf: string }> = ({ v, h, item, asOf }) => {
  const t = v.t.decisions.optimizations;
  const names = v.t.decisions.kpi.names;
  const { windows, before, after, improved } = item;
  const range = (w: { from: string; to: string }) => `${v.fmt.day(w.from)} – ${v.fmt.day(w.to)}`;
  const row = (side: typeof before, kpi: KpiName) => side!.kpis.find((r) => r.kpi === kpi)!;
  const rates: RateComparison[] =
    before && after && improved
      ? (["qualifiedRate", "conversion"] as const).map((kpi) => ({
          name: names[kpi],
          before: { observed: row(before, kpi).observed, interval: row(before, kpi).interval },
          after: { observed: row(after, kpi).observed, interval: row(after, kpi).interval },
          verdict: t.rateChange(names[kpi], t.improved[improved[kpi].verdict], improved[kpi].probability === null ? "—" : v.fmt.percent(improved[kpi].probability!)),
        }))
      : [];
  return (
    <article class="card" id={`optimization-${item.id}`}>
      <h3>
        {t.areas[item.area]}: {item.change}
      </h3>
      <p class="muted">
        {t.startedOn}: {v.fmt.day(item.startedOn)} · {v.fmt.dateTime(item.createdAt)} {v.t.hypothesis.by(actorLabel(v.t, item.actor))}
      </p>
      {windows ? (
        <p>{t.windows(v.fmt.number(windows.days), range(windows.before), range(windows.after))}</p>
      ) : (
        <p class="muted">{item.startedOn > asOf ? t.startsLater(v.fmt.day(item.startedOn)) : t.sameDay}</p>
      )}
      {rates.length > 0 && (
        <>
          <BeforeAfterChart v={v} id={`before-after-${item.id}`} title={t.chartTitle(item.change)} rates={rates} />
          <table>
            <thead>
              <tr>
                <th scope="col">{t.figure}</th>
                <th scope="col" class="num">{t.before}</th>
                <th scope="col" class="num">{t.after}</th>
              </tr>
            </thead>
            <tbody>
              {tableKpis.map((kpi) => {
                const format = kpiFormat(v, kpi, h.currency);
                const cell = (side: typeof before) => (row(side, kpi).observed === null ? "—" : format(row(side, kpi).observed!));
                return (
                  <tr>
                    <th scope="row">{names[kpi]}</th>
                    <td class="num">{cell(before)}</td>
                    <td class="num">{cell(after)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </article>
  );
};

/** Optimizations with their before/after, and the form to record one (not on a closed hypothesis). */
export const OptimizationsSection: Section = async ({ v, ctx, data, forms }) => {
  const h = data.hypothesis;
  const { optimizations, days, wins, asOf } = await decisionData(ctx, data);
  const t = v.t.decisions.optimizations;
  const starts = optimizations.map((o) => o.startedOn);
  const items = optimizations.map((o) => ({
    ...o,
    ...optimizationEffect({ starts, startedOn: o.startedOn, days, wins, targets: h.targets, maturityDays: h.maturityDays, confidence: h.confidence, today: asOf }),
  }));
  const state = forms.optimization ?? emptyForm;
  return (
    <section aria-labelledby="optimizations">
      <h2 id="optimizations">{t.title}</h2>
      {items.length === 0 && <p class="muted">{t.none}</p>}
      {[...items].reverse().map((item) => (
        <OptimizationCard v={v} h={h} item={item} asOf={asOf} />
      ))}
      {h.stage !== "closed" && (
        <details open={state.problem !== undefined}>
          <summary>+ {t.record}</summary>
          <Problems v={v} state={state} />
          <form method="post" action={`/hypotheses/${h.id}/optimizations`} class="card">
            <Csrf v={v} />
            <div class="row">
              <Select state={state} name="area" label={t.area} options={optimizationAreas.map((area) => ({ value: area, label: t.areas[area] }))} />
              <Field state={state} name="startedOn" label={t.startedOn} type="date" required value={asOf} />
            </div>
            <TextArea state={state} name="change" label={t.change} required rows={2} />
            <button type="submit">{t.record}</button>
          </form>
        </details>
      )}
    </section>
  );
};
