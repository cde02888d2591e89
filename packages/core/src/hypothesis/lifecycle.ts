import type { GateVerdict, KpiName, KpiRow } from "../kpi/model.js";

/**
 * The ПАРОМ state machine, pure: no I/O, no clock. The caller gathers the facts a move needs
 * and asks `evaluate`; every guard that is not satisfied answers with a plain sentence.
 *
 * Guards are data. To add one, append a `Guard` to `guards` (and, if it reads a fact that is
 * costly to gather, declare it in `needs` and add that fact to `CostlyFacts` and its loader in
 * facts.ts). No other guard changes.
 */

/** The path a hypothesis walks, in order. */
export const pipeline = ["probe", "analysis", "rules", "optimization", "scale"] as const;
/**
 * `idea` comes before the path: a backlog entry with ICE scores and no budget, window or targets yet.
 * It is kept apart from hypotheses (backlog.ts) and becomes a probe only by promotion, which supplies them.
 */
export const stages = ["idea", ...pipeline, "closed"] as const;
export type Stage = (typeof stages)[number];

export type Move = { from: Stage; to: Stage };

/** Facts that cost reads to gather; the caller loads only those the applicable guards name in `needs`. */
export type CostlyFacts = {
  /** The hypothesis' campaigns and the leads attributed to them (from the cohort counters). */
  attribution: { campaigns: number; leads: number };
  /** The scale-out gate on all the hypothesis' data as of today: one row per target. */
  gate: GateVerdict;
};

/** What the guards judge by. Costly facts are present when a guard that applies declared them. */
export type Facts = {
  /** Today in the workspace time zone (YYYY-MM-DD). */
  today: string;
  timeZone: string;
  probe: { start: string; end: string };
  /** The current written rules' version, null before any are written. */
  rulesVersion: number | null;
  /** The reason given with the request, trimmed; null when none. */
  reason: string | null;
} & Partial<CostlyFacts>;

/**
 * A refusal a page translates: a stable code and the KPIs it names, beside the API's sentence.
 * Guards whose refusals are not translated yet answer with the sentence alone.
 */
export type Refusal = {
  sentence: string;
  code?: "targets_not_met" | "targets_undecided" | "reason_missing" | "probe_not_started" | "no_leads" | "rules_missing";
  kpis?: KpiName[];
  /** The day the probe starts, with `probe_not_started`. */
  start?: string;
};

export type Guard = {
  /** The moves it watches: a stage, or "*" for any. */
  from: Stage | "*";
  to: Stage | "*";
  needs?: (keyof CostlyFacts)[];
  /** null when satisfied, else a sentence (or a coded refusal) saying what is missing. */
  check: (facts: Facts, move: Move) => string | Refusal | null;
};

const position = (stage: Stage) => (pipeline as readonly Stage[]).indexOf(stage);

/** Stages move one step forward at a time, and any stage but `closed` may close. */
function stepRule(_facts: Facts, { from, to }: Move): string | null {
  if (from === "closed") return "The hypothesis is closed; a closed hypothesis does not move again.";
  if (from === to) return `The hypothesis is already in ${to}.`;
  if (to === "closed") return null;
  const next = pipeline[position(from) + 1];
  if (to === next) return null;
  if (!next) return `${from} is the last stage; from it a hypothesis can only be closed.`;
  return position(to) < position(from)
    ? `A hypothesis does not go back: from ${from} the next stage is ${next}, not ${to}.`
    : `Stages cannot be skipped: from ${from} the next stage is ${next}, not ${to}.`;
}

export const guards: Guard[] = [
  { from: "*", to: "*", check: stepRule },
  {
    from: "*",
    to: "closed",
    check: (facts) => (facts.reason ? null : { code: "reason_missing", sentence: "Closing a hypothesis needs a reason." }),
  },
  {
    from: "probe",
    to: "analysis",
    check: ({ today, probe, timeZone }) =>
      today >= probe.start
        ? null
        : { code: "probe_not_started", start: probe.start, sentence: `The probe has not started yet: it starts on ${probe.start}, and today is ${today} (${timeZone}).` },
  },
  {
    from: "probe",
    to: "analysis",
    needs: ["attribution"],
    check: ({ attribution }) => {
      if (attribution && attribution.leads > 0) return null;
      const sentence = attribution?.campaigns
        ? `No lead has been attributed to this hypothesis yet (it has ${attribution.campaigns} campaign(s)); analysis needs at least one.`
        : "No lead has been attributed to this hypothesis yet: it has no campaigns, and analysis needs at least one lead.";
      return { code: "no_leads", sentence };
    },
  },
  {
    from: "rules",
    to: "optimization",
    check: ({ rulesVersion }) =>
      rulesVersion ? null : { code: "rules_missing", sentence: "The rules are not written yet: record who is responsible, how leads are handled and a checklist." },
  },
  {
    from: "optimization",
    to: "scale",
    check: () =>
      "Scale-out is not a transition: once the KPI gate passes, scale-out happens only through the owner's approval (POST /api/hypotheses/{id}/approvals).",
  },
  {
    from: "analysis",
    to: "rules",
    needs: ["gate"],
    check: ({ gate }) => {
      if (!gate) return "The KPI gate was not gathered, so the targets cannot be checked.";
      const missed = gate.kpis.filter((row) => row.verdict === "not_met");
      if (missed.length === 0) return null;
      return {
        code: "targets_not_met",
        kpis: missed.map((row) => row.kpi),
        sentence: `Targets not met (confidence ${gate.confidence}, as of ${gate.asOf}): ${missed.map(describeMiss).join("; ")}.`,
      };
    },
  },
  {
    // Analysis is where the data is gathered: leaving it on targets that are still undecided is a
    // judgement call, allowed only when someone writes down why (the reason stays in the history).
    from: "analysis",
    to: "rules",
    needs: ["gate"],
    check: ({ gate, reason }) => {
      const undecided = gate?.kpis.filter((row) => row.verdict === "insufficient_data") ?? [];
      if (undecided.length === 0 || reason) return null;
      const names = undecided.map((row) => row.kpi);
      return {
        code: "targets_undecided",
        kpis: names,
        sentence:
          `Targets still undecided for lack of data (as of ${gate!.asOf}): ${names.join(", ")}. ` +
          "Leaving analysis before they are decided needs a reason: say why in `reason`; it is kept in the history.",
      };
    },
  },
];

const percentKpis: readonly string[] = ["qualifiedRate", "conversion", "romi"];

/** "conversion 0.8% against at least 2% (probability of meeting it 0.031)": the figures behind a not_met. */
function describeMiss(row: KpiRow): string {
  const figure = (x: number | null | undefined) =>
    x === null || x === undefined ? "n/a" : percentKpis.includes(row.kpi) ? `${+(x * 100).toFixed(2)}%` : x.toFixed(2);
  const bound = row.direction === "max" ? "at most" : "at least";
  const probability = row.probability === undefined ? "n/a" : row.probability.toPrecision(3);
  return `${row.kpi} ${figure(row.observed)} against ${bound} ${figure(row.target)} (probability of meeting it ${probability})`;
}

const watches = (guard: Guard, { from, to }: Move) => (guard.from === "*" || guard.from === from) && (guard.to === "*" || guard.to === to);

/** The guards that judge `move`, in their order. */
export function guardsFor(move: Move, all: readonly Guard[] = guards): Guard[] {
  return all.filter((guard) => watches(guard, move));
}

/** The costly facts the caller must gather before evaluating `move`. */
export function factsNeeded(move: Move, all: readonly Guard[] = guards): (keyof CostlyFacts)[] {
  return [...new Set(guardsFor(move, all).flatMap((guard) => guard.needs ?? []))];
}

/** Every unmet guard of `move`, in guard order, each with its code where it has one; empty when the move may happen. */
export function refusals(move: Move, facts: Facts, all: readonly Guard[] = guards): Refusal[] {
  return guardsFor(move, all)
    .map((guard) => guard.check(facts, move))
    .filter((answer) => answer !== null)
    .map((answer) => (typeof answer === "string" ? { sentence: answer } : answer));
}

/**
 * Every unmet guard of `move`, as sentences, in guard order; an empty list means the move may happen.
 * @example evaluate({ from: "probe", to: "rules" }, facts) // ["Stages cannot be skipped: ..."]
 */
export function evaluate(move: Move, facts: Facts, all: readonly Guard[] = guards): string[] {
  return refusals(move, facts, all).map((refusal) => refusal.sentence);
}
