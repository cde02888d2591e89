import { describe, expect, it } from "vitest";
import type { GateVerdict, KpiRow } from "../../packages/core/src/kpi/model.js";
import { evaluate, factsNeeded, refusals, type Facts } from "../../packages/core/src/hypothesis/lifecycle.js";

const sample = { leads: 400, qualified: 120, won: 4, spend: "600000.00", revenue: "200000.00" };
const row = (over: Partial<KpiRow>): KpiRow => ({ kpi: "conversion", observed: 0.01, estimate: 0.012, interval: [0.004, 0.025], sample, ...over });
const gate = (kpis: KpiRow[]): GateVerdict => ({ passed: kpis.every((k) => k.verdict === "met"), confidence: 0.9, kpis, maturing: { leads: 35 }, asOf: "2026-04-20" });
const facts = (g?: GateVerdict): Facts => ({
  today: "2026-04-20",
  timeZone: "Europe/Moscow",
  probe: { start: "2026-03-01", end: "2026-03-31" },
  rulesVersion: null,
  reason: null,
  ...(g ? { gate: g } : {}),
});
const toRules = { from: "analysis", to: "rules" } as const;

describe("analysis -> rules", () => {
  it("asks for the KPI gate", () => {
    expect(factsNeeded(toRules)).toEqual(["gate"]);
  });

  it("is refused while a target is not_met, naming it with observed, target and probability", () => {
    const unmet = evaluate(
      toRules,
      facts(
        gate([
          row({ kpi: "conversion", observed: 0.0075, target: 0.02, direction: "min", probability: 0.000123456, verdict: "not_met" }),
          row({ kpi: "cpl", observed: 1500, target: 1800, direction: "max", probability: 0.97, verdict: "met" }),
          row({ kpi: "cac", observed: 200_000, target: 90_000, direction: "max", probability: 0.01, verdict: "not_met" }),
        ]),
      ),
    );
    expect(unmet).toEqual([
      "Targets not met (confidence 0.9, as of 2026-04-20): conversion 0.75% against at least 2% (probability of meeting it 0.000123); " +
        "cac 200000.00 against at most 90000.00 (probability of meeting it 0.0100).",
    ]);
  });

  it("asks for a reason while targets are only short of data, naming them, and goes ahead with one", () => {
    const g = gate([
      row({ target: 0.02, direction: "min", probability: 0.5, verdict: "insufficient_data" }),
      row({ kpi: "qualifiedRate", target: 0.2, direction: "min", probability: 0.95, verdict: "met" }),
      row({ kpi: "cpl", target: 1800, direction: "max", probability: 0.6, verdict: "insufficient_data" }),
    ]);
    expect(refusals(toRules, facts(g))).toEqual([
      {
        code: "targets_undecided",
        kpis: ["conversion", "cpl"],
        sentence:
          "Targets still undecided for lack of data (as of 2026-04-20): conversion, cpl. " +
          "Leaving analysis before they are decided needs a reason: say why in `reason`; it is kept in the history.",
      },
    ]);
    expect(evaluate(toRules, { ...facts(g), reason: "The contract ends in May" })).toEqual([]);
  });

  it("does not let a reason override a target that is not met", () => {
    const g = gate([row({ target: 0.02, direction: "min", probability: 0.01, verdict: "not_met" }), row({ kpi: "cpl", target: 1800, direction: "max", verdict: "insufficient_data" })]);
    const refused = refusals(toRules, { ...facts(g), reason: "We believe in it" });
    expect(refused.map((r) => [r.code, r.kpis])).toEqual([["targets_not_met", ["conversion"]]]);
  });

  it("refuses rather than assume when the gate was not gathered", () => {
    expect(evaluate(toRules, facts())).toEqual(["The KPI gate was not gathered, so the targets cannot be checked."]);
  });
});

describe("optimization -> scale", () => {
  it("points to the owner's approval instead of moving", () => {
    expect(evaluate({ from: "optimization", to: "scale" }, facts(gate([row({ verdict: "met" })])))).toEqual([
      "Scale-out is not a transition: once the KPI gate passes, scale-out happens only through the owner's approval (POST /api/hypotheses/{id}/approvals).",
    ]);
  });
});
