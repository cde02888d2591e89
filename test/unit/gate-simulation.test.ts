import { describe, expect, it } from "vitest";
import { simulationTable, VOLUMES, type TargetKind } from "../support/gate-simulation.js";

const RUNS = 300;

/**
 * The bar, with only the target a marketer types: at 80% of a rate target (1.25x a cost
 * target) the gate passes in at most 10% of 60-day runs at every volume; at 130% (target / 1.3)
 * in at least 80% at 20 and 50 leads a day. The flat-prior rule this replaced passed a conversion
 * at 80% of target in about 40% of runs at 5 leads a day.
 */
describe("scale-out gate looked at every day for 60 days, defaults only", () => {
  const kinds: TargetKind[] = ["conversion", "qualifiedRate", "cpl", "cac"];
  it.each(kinds)("rarely passes a channel short of its %s target and passes one well past it", { timeout: 180_000 }, (kind) => {
    const table = simulationTable(kind, RUNS);
    console.log(table.text);
    for (const volume of VOLUMES) expect(table.falsePass.get(volume), `false pass at ${volume} leads a day`).toBeLessThanOrEqual(0.1);
    for (const volume of [20, 50]) expect(table.power.get(volume), `power at ${volume} leads a day`).toBeGreaterThanOrEqual(0.8);
  });
});
