import { describe, expect, it } from "vitest";
import { evaluate, factsNeeded, guards, guardsFor, type Facts, type Guard, type Stage } from "../../packages/core/src/hypothesis/lifecycle.js";

/** Facts under which every guard of this issue is satisfied. */
const ready: Facts = {
  today: "2026-03-10",
  timeZone: "Europe/Moscow",
  probe: { start: "2026-03-01", end: "2026-03-31" },
  rulesVersion: 1,
  reason: null,
  attribution: { campaigns: 1, leads: 3 },
  gate: { passed: true, confidence: 0.9, kpis: [], maturing: { leads: 0 }, asOf: "2026-03-10" },
};
const move = (from: Stage, to: Stage) => ({ from, to });

describe("the ПАРОМ path", () => {
  it("lets each stage move to the next one when its guards are met", () => {
    expect(evaluate(move("probe", "analysis"), ready)).toEqual([]);
    expect(evaluate(move("analysis", "rules"), ready)).toEqual([]);
    expect(evaluate(move("rules", "optimization"), ready)).toEqual([]);
  });

  it("refuses skipping a stage, naming the next one", () => {
    expect(evaluate(move("probe", "rules"), ready)).toEqual(["Stages cannot be skipped: from probe the next stage is analysis, not rules."]);
    expect(evaluate(move("analysis", "optimization"), ready)).toHaveLength(1);
  });

  it("refuses going back", () => {
    expect(evaluate(move("rules", "probe"), ready)).toEqual(["A hypothesis does not go back: from rules the next stage is optimization, not probe."]);
  });

  it("refuses moving to the stage the hypothesis is already in", () => {
    expect(evaluate(move("analysis", "analysis"), ready)).toEqual(["The hypothesis is already in analysis."]);
  });

  it("keeps scale unreachable, saying it needs the KPI gate and the owner's approval", () => {
    const unmet = evaluate(move("optimization", "scale"), ready);
    expect(unmet).toHaveLength(1);
    expect(unmet[0]).toMatch(/KPI gate/);
    expect(unmet[0]).toMatch(/owner's approval/);
  });

  it("lets a hypothesis in scale only close", () => {
    expect(evaluate(move("scale", "closed"), { ...ready, reason: "channel saturated" })).toEqual([]);
    expect(evaluate(move("scale", "probe"), ready)[0]).toMatch(/only be closed/);
  });
});

describe("closing", () => {
  it("closes from every open stage when a reason is given", () => {
    for (const from of ["probe", "analysis", "rules", "optimization", "scale"] as const) {
      expect(evaluate(move(from, "closed"), { ...ready, reason: "CPL three times the target" })).toEqual([]);
    }
  });

  it("needs a reason", () => {
    expect(evaluate(move("probe", "closed"), ready)).toEqual(["Closing a hypothesis needs a reason."]);
  });

  it("never moves a closed hypothesis again", () => {
    expect(evaluate(move("closed", "probe"), ready)[0]).toMatch(/closed hypothesis does not move again/);
    expect(evaluate(move("closed", "closed"), { ...ready, reason: "again" })).toHaveLength(1);
  });
});

describe("probe -> analysis", () => {
  it("waits for the probe window to start", () => {
    const unmet = evaluate(move("probe", "analysis"), { ...ready, today: "2026-02-28" });
    expect(unmet).toEqual(["The probe has not started yet: it starts on 2026-03-01, and today is 2026-02-28 (Europe/Moscow)."]);
  });

  it("counts the start day itself as started", () => {
    expect(evaluate(move("probe", "analysis"), { ...ready, today: "2026-03-01" })).toEqual([]);
  });

  it("needs at least one attributed lead, and says when there are no campaigns at all", () => {
    const noLeads = evaluate(move("probe", "analysis"), { ...ready, attribution: { campaigns: 2, leads: 0 } });
    expect(noLeads).toEqual([expect.stringMatching(/No lead has been attributed.*2 campaign/)]);
    const noCampaigns = evaluate(move("probe", "analysis"), { ...ready, attribution: { campaigns: 0, leads: 0 } });
    expect(noCampaigns).toEqual([expect.stringMatching(/no campaigns/)]);
  });

  it("lists every unmet guard at once", () => {
    const unmet = evaluate(move("probe", "analysis"), { ...ready, today: "2026-02-01", attribution: { campaigns: 0, leads: 0 } });
    expect(unmet).toHaveLength(2);
  });

  it("refuses rather than assume when the attribution fact was not gathered", () => {
    const { attribution: _, ...withoutAttribution } = ready;
    expect(evaluate(move("probe", "analysis"), withoutAttribution)).toHaveLength(1);
  });

  it("is the only move that asks for the costly attribution fact", () => {
    expect(factsNeeded(move("probe", "analysis"))).toEqual(["attribution"]);
    expect(factsNeeded(move("analysis", "rules"))).toEqual(["gate"]);
    expect(factsNeeded(move("probe", "closed"))).toEqual([]);
  });
});

describe("rules -> optimization", () => {
  it("needs written rules", () => {
    expect(evaluate(move("rules", "optimization"), { ...ready, rulesVersion: null })).toEqual([
      "The rules are not written yet: record who is responsible, how leads are handled and a checklist.",
    ]);
  });
});

describe("guards as data", () => {
  it("takes a new guard for one move without touching the others", () => {
    const gate: Guard = { from: "analysis", to: "rules", check: () => "conversion is not_met: 1.2% observed, 3% targeted" };
    const extended = [...guards, gate];
    expect(evaluate(move("analysis", "rules"), ready, extended)).toEqual(["conversion is not_met: 1.2% observed, 3% targeted"]);
    expect(evaluate(move("probe", "analysis"), ready, extended)).toEqual([]);
    expect(guardsFor(move("analysis", "rules"), extended)).toContain(gate);
  });
});
