import { describe, expect, it } from "vitest";
import type { GateVerdict, KpiRow } from "../../packages/core/src/kpi/model.js";
import type { Stage } from "../../packages/core/src/hypothesis/lifecycle.js";
import { hypothesisStatus, statusKinds } from "../../packages/web/src/status.js";

const sample = { leads: 100, qualified: 40, won: 10, spend: "1000.00", revenue: "5000.00" };
/** A judged target row; `days` is how far an undecided one is from its verdict (null: unknown). */
function row(verdict: "met" | "not_met" | "insufficient_data", extra: Partial<KpiRow> = {}): KpiRow {
  return { kpi: "conversion", target: 0.05, direction: "min", observed: 0.1, estimate: 0.1, interval: [0.05, 0.15], verdict, sample, ...extra };
}
const undecided = (days: number | null, withinProbe: boolean | null = true) => row("insufficient_data", { decision: { likely: "met", moreLeads: 10, days, withinProbe } });
function gate(kpis: KpiRow[]): GateVerdict {
  return { passed: kpis.length > 0 && kpis.every((r) => r.verdict === "met"), confidence: 0.9, kpis, maturing: { leads: 0 }, asOf: "2026-04-20" };
}

// Every verdict mix a gate can hold, with and without missing spend.
const mixes: Record<string, KpiRow[]> = {
  none: [],
  met: [row("met")],
  notMet: [row("not_met")],
  undecided: [undecided(5)],
  metAndUndecided: [row("met"), undecided(3)],
  metAndNotMet: [row("met"), row("not_met")],
  notMetAndUndecided: [row("not_met"), undecided(3)],
  all: [row("met"), row("not_met"), undecided(3)],
};

describe("a hypothesis' status (precedence: failing, spend missing, no targets, maturing, ready)", () => {
  it("lists its kinds in the order of precedence", () => {
    expect(statusKinds).toEqual(["failing", "spendMissing", "noTargets", "maturing", "ready"]);
  });

  it.each(Object.entries(mixes))("is decided for the mix %s with and without missing spend, in every open stage", (_mix, kpis) => {
    const stages: Stage[] = ["probe", "analysis", "rules", "optimization", "scale"];
    for (const stage of stages) {
      for (const missing of [[], ["2026-03-02", "2026-03-03"]]) {
        const status = hypothesisStatus(gate(kpis), missing, stage);
        const failing = kpis.filter((r) => r.verdict === "not_met").length;
        if (failing > 0) expect(status).toEqual({ kind: "failing", missed: failing, targets: kpis.length });
        else if (missing.length > 0) expect(status).toEqual({ kind: "spendMissing", days: 2 });
        else if (kpis.length === 0) expect(status).toEqual({ kind: "noTargets" });
        else if (kpis.some((r) => r.verdict === "insufficient_data")) expect(status.kind).toBe("maturing");
        else expect(status).toEqual({ kind: "ready", next: stage === "optimization" ? "ownerDecides" : stage === "scale" ? "scaling" : "pathFirst" });
        // Missing data never reads as good news or as a calm wait.
        if (missing.length > 0) expect(["failing", "spendMissing"]).toContain(status.kind);
      }
    }
  });

  it("is ready for the owner only in optimization, with every target met and all spend recorded", () => {
    expect(hypothesisStatus(gate([row("met")]), [], "optimization")).toEqual({ kind: "ready", next: "ownerDecides" });
    expect(hypothesisStatus(gate([row("met")]), [], "probe")).toEqual({ kind: "ready", next: "pathFirst" });
    expect(hypothesisStatus(gate([row("met")]), [], "scale")).toEqual({ kind: "ready", next: "scaling" });
    expect(hypothesisStatus(gate([row("met")]), ["2026-03-02"], "optimization")).toEqual({ kind: "spendMissing", days: 1 });
  });

  it("counts the missed targets of a failing one", () => {
    expect(hypothesisStatus(gate([row("not_met"), row("not_met"), row("met")]), [], "probe")).toEqual({ kind: "failing", missed: 2, targets: 3 });
  });

  it("is amber when only a cost row of the gate names missing days, and counts each day once", () => {
    const cpl = row("insufficient_data", { kpi: "cpl", spendMissing: { days: ["2026-03-02", "2026-03-04"] } });
    expect(hypothesisStatus(gate([cpl]), [], "probe")).toEqual({ kind: "spendMissing", days: 2 });
    expect(hypothesisStatus(gate([cpl]), ["2026-03-02", "2026-03-05"], "probe")).toEqual({ kind: "spendMissing", days: 3 });
  });

  it("gives a maturing one the days its slowest undecided target needs, when each can say", () => {
    expect(hypothesisStatus(gate([undecided(3), undecided(12), row("met")]), [], "probe")).toEqual({ kind: "maturing", days: 12, beyondProbe: false });
    expect(hypothesisStatus(gate([undecided(3), undecided(null)]), [], "probe")).toEqual({ kind: "maturing", days: null, beyondProbe: false });
    expect(hypothesisStatus(gate([row("insufficient_data")]), [], "probe")).toEqual({ kind: "maturing", days: null, beyondProbe: false });
    expect(hypothesisStatus(gate([undecided(40, false)]), [], "probe")).toEqual({ kind: "maturing", days: 40, beyondProbe: true });
  });
});
