import { beforeAll, describe, expect, it } from "vitest";
import { countRequests } from "../support/dynamo-requests.js";
import { importCohorts, kpiOf, newCampaign, newHypothesis, type Cohort } from "../support/decisions.js";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
let requests: ReturnType<typeof countRequests>;
beforeAll(async () => {
  h = await createHarness({ now: "2026-06-01T09:00:00Z" });
  requests = countRequests(h.ctx.doc);
});

/** 5 leads a day in March, one of them won `wonAfter` days after arrival. */
const march = (wonAfter: (day: number) => number): Cohort[] =>
  Array.from({ length: 31 }, (_, d) => ({ day: `2026-03-${String(d + 1).padStart(2, "0")}`, leads: 5, won: 1, wonAfter: wonAfter(d) }));

describe("a KPI answer reads counters, not leads", () => {
  it("makes the same requests however many leads and wins there are: one query per campaign", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05 });
    const first = await newCampaign(h, id);
    await importCohorts(h, first.utm, march(() => 10));
    const kpis = () => h.call("GET", `/api/hypotheses/${id}/kpis`);
    const few = await requests.during(kpis);
    expect(kpiOf(few.result.body, "leads").observed).toBe(155);
    expect(kpiOf(few.result.body, "medianDaysToWin").observed).toBe(10);

    // Four times the leads, won after 1 to 31 days: wins spread over many more (cohort day, win day) pairs.
    for (let i = 0; i < 3; i++) await importCohorts(h, first.utm, march((d) => 1 + ((d * 7 + i * 11) % 31)));
    const many = await requests.during(kpis);
    expect(kpiOf(many.result.body, "leads").observed).toBe(620);
    expect(kpiOf(many.result.body, "medianDaysToWin").observed).toBeGreaterThan(10);
    expect(many.byOperation).toEqual(few.byOperation);

    await newCampaign(h, id);
    const twoCampaigns = await requests.during(kpis);
    expect(twoCampaigns.byOperation.Query).toBe(few.byOperation.Query! + 1);
    expect(twoCampaigns.total).toBe(few.total + 1);
  }, 90_000);
});
