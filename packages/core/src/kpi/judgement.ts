import type { Targets } from "./targets.js";
import { costMeetsProbability, rateMeetsProbability } from "../stats/skeptical.js";
import { verdict as verdictFor, type Verdict } from "../stats/verdict.js";

/**
 * The evidence behind one target, in a form that can be projected forward: what the probability of
 * meeting the target would be after `more` leads arriving at the rates seen so far. Counts may
 * become fractional in a projection; the probabilities accept that.
 */
export type Evidence = {
  target: number;
  direction: "min" | "max";
  /** Leads and won deals in the KPI's sample (mature cohorts for conversion, CAC and ROMI). */
  leads: number;
  won: number;
  /** Won deals per lead in the sample, to project minClients. */
  wonPerLead: number;
  /** Whether the figure in the sample meets the target; null when it is undefined (no lead, no spend). */
  observedMeets: boolean | null;
  /** P(true value meets the target) after `more` leads like those seen; undefined without evidence. */
  probabilityAfter(more: number): number | undefined;
};

const sampleSize = (leads: number, won: number) => ({ leads, won, wonPerLead: leads > 0 ? won / leads : 0 });

/** A rate (qualified rate, conversion): `successes` of `leads` against a minimum. */
export function rateEvidence(successes: number, leads: number, won: number, targetMin: number): Evidence {
  const rate = leads > 0 ? successes / leads : null;
  return {
    target: targetMin,
    direction: "min",
    ...sampleSize(leads, won),
    observedMeets: rate === null ? null : rate >= targetMin,
    probabilityAfter: (more) => (rate === null ? undefined : rateMeetsProbability(successes + rate * more, leads + more, targetMin)),
  };
}

/**
 * A cost per event (CPL: events are leads; CAC: won deals) against a maximum, money in kopecks.
 * ROMI is judged as the CAC that would just reach it (stats/cost.ts, romiPosterior).
 */
export function costEvidence(events: number, spend: number, leads: number, won: number, costMax: number): Evidence {
  const perLead = leads > 0 ? { events: events / leads, spend: spend / leads } : null;
  return {
    target: costMax,
    direction: "max",
    ...sampleSize(leads, won),
    observedMeets: events > 0 ? spend / events <= costMax : spend > 0 ? false : null,
    probabilityAfter: (more) => {
      // A cost recorded as nothing (organic leads, an explicit 0): the events were free.
      if (spend === 0) return events > 0 ? 1 : undefined;
      if (more > 0 && !perLead) return undefined;
      const per = perLead ?? { events: 0, spend: 0 };
      return costMeetsProbability(events + per.events * more, spend + per.spend * more, costMax);
    },
  };
}

/**
 * The verdict on one target. From P(target met) under the skeptical prior against `confidence`
 * (stats/verdict.ts), then `insufficient_data` below the sample minimums the hypothesis asks for,
 * and never `met` while the figure in the sample itself misses the target.
 */
export function judge(evidence: Evidence, targets: Targets, confidence: number): { probability: number | undefined; verdict: Verdict } {
  const probability = evidence.probabilityAfter(0);
  if (!enoughSample(evidence, targets, 0)) return { probability, verdict: "insufficient_data" };
  const result = verdictFor(probability, confidence);
  return { probability, verdict: result === "met" && evidence.observedMeets !== true ? "insufficient_data" : result };
}

const enoughSample = (e: Evidence, targets: Targets, more: number) =>
  (targets.minLeads === undefined || e.leads + more >= targets.minLeads) &&
  (targets.minClients === undefined || e.won + e.wonPerLead * more >= targets.minClients);

/**
 * How far a target still undecided is from a verdict, if leads keep coming as they have: the verdict
 * it is heading for, about how many more leads its sample needs (mature leads for conversion, CAC and
 * ROMI), about how many days that takes at the current daily rate, and whether the leads still to
 * arrive fit in what is left of the probe window. `likely` is null when no verdict is in sight
 * (nothing observed yet, or the figure sits on the target).
 */
export type Decision = { likely: "met" | "not_met" | null; moreLeads: number | null; days: number | null; withinProbe: boolean | null };

export type Pace = {
  /** Leads a day over the days since the first lead; null before the first lead. */
  leadsPerDay: number | null;
  /** Leads already in that will join a mature sample without new arrivals. */
  maturingLeads: number;
  /** Days left in the probe window after today (0 once it ended); null when unknown. */
  probeDaysLeft: number | null;
};

/** Beyond this many more leads a verdict is out of sight. */
const HORIZON = 1_000_000;

export function decide(evidence: Evidence, targets: Targets, confidence: number, pace: Pace): Decision {
  const none: Decision = { likely: null, moreLeads: null, days: null, withinProbe: null };
  if (evidence.observedMeets === null) return none;
  const likely = evidence.observedMeets ? "met" : "not_met";
  const reached = (more: number) => {
    const p = evidence.probabilityAfter(more);
    if (p === undefined || !enoughSample(evidence, targets, more)) return false;
    return likely === "met" ? p >= confidence : 1 - p >= confidence;
  };
  // Doubling, then bisection to about 3%: the answer is "about", and each look is a special function.
  let hi = 1;
  while (!reached(hi)) {
    hi *= 2;
    if (hi > HORIZON) return none;
  }
  let lo = hi / 2;
  while (hi - lo > Math.max(1, 0.03 * hi)) {
    const mid = (lo + hi) / 2;
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  const moreLeads = Math.ceil(hi);
  const days = pace.leadsPerDay ? Math.ceil(moreLeads / pace.leadsPerDay) : null;
  const toArrive = Math.max(0, moreLeads - pace.maturingLeads);
  const withinProbe =
    pace.probeDaysLeft === null ? null : toArrive === 0 || (pace.leadsPerDay !== null && toArrive <= pace.leadsPerDay * pace.probeDaysLeft);
  return { likely, moreLeads, days, withinProbe };
}
