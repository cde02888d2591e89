import { describe, expect, it } from "vitest";
import type { DayCounters } from "../../packages/core/src/counters/cohort-counters.js";
import { evaluateKpis } from "../../packages/core/src/kpi/evaluate.js";
import { missingSpendDays } from "../../packages/core/src/kpi/spend-coverage.js";

/** A day of counters; money in kopecks. */
function day(date: string, counts: Partial<DayCounters> = {}, campaignId = "camp-a"): DayCounters {
  return { campaignId, day: date, leads: 0, contacted: 0, qualified: 0, proposal: 0, won: 0, lost: 0, revenue: 0, spend: 0, ...counts };
}

describe("missingSpendDays", () => {
  it("names days with leads and no recorded spend, once each and oldest first", () => {
    const days = [
      day("2026-03-03", { leads: 4 }, "a"),
      day("2026-03-02", { leads: 2 }, "b"),
      day("2026-03-03", { leads: 1 }, "b"),
      day("2026-03-04", { leads: 0 }, "a"), // no leads: nothing to cost
      day("2026-03-05", { leads: 3, spendRecorded: true }, "a"), // an explicit 0
    ];
    expect(missingSpendDays(days)).toEqual(["2026-03-02", "2026-03-03"]);
  });

  it("reads a day counter written before the marker as recorded when it holds a cost", () => {
    expect(missingSpendDays([day("2026-03-02", { leads: 5, spend: 10_000 }), day("2026-03-03", { leads: 5 })])).toEqual(["2026-03-03"]);
  });

  it("skips unpaid campaigns, and keeps a day missing while another paid campaign lacks spend", () => {
    const days = [day("2026-03-02", { leads: 5 }, "organic"), day("2026-03-03", { leads: 5 }, "organic"), day("2026-03-03", { leads: 1 }, "ads")];
    expect(missingSpendDays(days, ["organic"])).toEqual(["2026-03-03"]);
  });
});

describe("evaluateKpis with missing spend", () => {
  it("judges no cost target on a sample with missing days, and leaves other KPIs alone", () => {
    const report = evaluateKpis({
      days: [day("2025-01-01", { leads: 100, won: 10, revenue: 5_000_000, spend: 100_000 }), day("2025-01-02", { leads: 100, won: 10, revenue: 5_000_000 })],
      wins: [],
      targets: { cplMax: 150_000, conversionMin: 0.05, romiMin: 0 },
      maturityDays: 15,
      asOf: "2025-03-01",
    });
    const row = (name: string) => report.kpis.find((r) => r.kpi === name)!;
    expect(row("cpl")).toMatchObject({ verdict: "insufficient_data", spendMissing: { days: ["2025-01-02"] } });
    expect(row("cpl").probability).toBeUndefined();
    expect(row("romi")).toMatchObject({ verdict: "insufficient_data", spendMissing: { days: ["2025-01-02"] } });
    expect(row("conversion")).toMatchObject({ verdict: "met" });
    expect(row("conversion").spendMissing).toBeUndefined();
  });
});
