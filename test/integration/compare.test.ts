import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../packages/core/src/time.js";
import { createHarness, type Harness } from "../support/harness.js";
import { importCohorts, importSpend, kpiOf, newCampaign, newHypothesis, type Cohort } from "../support/decisions.js";

// Today is 1 June 2026 in Moscow. Cohorts at least 30 days old arrived by 2 May, 60 by 2 April, 90 by 3 March.
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-06-01T09:00:00Z" });
});

/** A channel with daily cohorts from `from` to `to` and the same outcome and cost every day. */
async function channel(days: { from: string; to: string }, outcome: { leads: number; won: number; wonAfter: number; amount: string; lastWonCohort: string }, costPerDay: number) {
  const id = await newHypothesis(h, { conversionMin: 0.05 });
  const campaign = await newCampaign(h, id);
  const cohorts: Cohort[] = [];
  const costs: Record<string, number> = {};
  for (let day = days.from; day <= days.to; day = addDays(day, 1)) {
    cohorts.push({ day, leads: outcome.leads, won: day <= outcome.lastWonCohort ? outcome.won : 0, wonAfter: outcome.wonAfter, amount: outcome.amount });
    costs[day] = costPerDay;
  }
  await importCohorts(h, campaign.utm, cohorts);
  await importSpend(h, campaign.utm, costs);
  return id;
}

let ads: string, calls: string, young: string;
beforeAll(async () => {
  [ads, calls, young] = await Promise.all([
    // Incoming ads: 5 leads a day from 1 February, one closes 5 days after arrival for 50 000.
    channel({ from: "2026-02-01", to: "2026-05-31" }, { leads: 5, won: 1, wonAfter: 5, amount: "50000", lastWonCohort: "2026-05-20" }, 2000),
    // Cold calls on a bought base: as many leads, but a deal takes 45 days and brings 150 000; the callers' hours are its spend.
    channel({ from: "2026-02-01", to: "2026-05-31" }, { leads: 5, won: 1, wonAfter: 45, amount: "150000", lastWonCohort: "2026-04-15" }, 1500),
    // A channel started on 15 May: quick, flattering wins, but no cohort old enough to compare.
    channel({ from: "2026-05-15", to: "2026-05-31" }, { leads: 20, won: 2, wonAfter: 3, amount: "50000", lastWonCohort: "2026-05-29" }, 1000),
  ]);
}, 180_000);

const at = (item: any, age: number) => item.ages.find((a: any) => a.age === age);

describe("GET /api/hypotheses/compare", () => {
  it("puts channels on the same footing: what each cohort brought within 30, 60 and 90 days of arrival", async () => {
    const res = await h.call("GET", `/api/hypotheses/compare?ids=${ads},${calls}`);

    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ asOf: "2026-06-01", ages: [30, 60, 90], minLeads: 30, minClients: 5 });
    const [a, c] = res.body.items;
    expect([a.hypothesisId, c.hypothesisId]).toEqual([ads, calls]);

    // 91 cohort days (1 February to 2 May) are 30 days old.
    expect(at(a, 30)).toMatchObject({
      cohorts: { first: "2026-02-01", last: "2026-05-02", days: 91 },
      sample: { leads: 455, won: 91, spend: "182000.00", revenue: "4550000.00" },
      revenuePerLead: { value: 10000, status: "ok" },
      revenuePerClient: { value: 50000, status: "ok" },
      cac: { value: 2000, status: "ok" },
    });
    // At 30 days the calls have closed nothing yet: no revenue per lead, and nothing per client.
    expect(at(c, 30)).toMatchObject({
      sample: { leads: 455, won: 0, revenue: "0.00" },
      revenuePerLead: { value: 0, status: "ok" },
      revenuePerClient: { value: null, status: "insufficient_data" },
      cac: { value: null, status: "insufficient_data" },
    });
    // At 60 days (61 cohort days, 1 February to 2 April) the calls bring three times as much per lead.
    expect(at(a, 60)).toMatchObject({ sample: { leads: 305, won: 61 }, revenuePerLead: { value: 10000 } });
    expect(at(c, 60)).toMatchObject({
      sample: { leads: 305, won: 61, spend: "91500.00", revenue: "9150000.00" },
      revenuePerLead: { value: 30000, status: "ok" },
      revenuePerClient: { value: 150000, status: "ok" },
      cac: { value: 1500, status: "ok" },
    });
    expect(at(c, 90)).toMatchObject({ cohorts: { first: "2026-02-01", last: "2026-03-03", days: 31 }, sample: { leads: 155, won: 31 }, revenuePerLead: { value: 30000 } });
  });

  it("shows a young channel as insufficient_data at every age, however good its early KPIs look", async () => {
    const kpis = (await h.call("GET", `/api/hypotheses/${young}/kpis`)).body;
    expect(kpiOf(kpis, "conversion").observed).toBeGreaterThan(0.05);

    const { body } = await h.call("GET", `/api/hypotheses/compare?ids=${young},${ads}`);

    const [y] = body.items;
    for (const age of [30, 60, 90]) {
      expect(at(y, age)).toEqual({
        age,
        cohorts: null,
        sample: { leads: 0, won: 0, spend: "0.00", revenue: "0.00" },
        revenuePerLead: { value: null, status: "insufficient_data" },
        revenuePerClient: { value: null, status: "insufficient_data" },
        cac: { value: null, status: "insufficient_data" },
      });
    }
  });

  it("applies the caller's thresholds to every channel alike", async () => {
    const { body } = await h.call("GET", `/api/hypotheses/compare?ids=${ads},${calls}&minLeads=400&minClients=80`);
    expect(body).toMatchObject({ minLeads: 400, minClients: 80 });
    const [a, c] = body.items;
    expect(at(a, 30)).toMatchObject({ revenuePerLead: { status: "ok" }, revenuePerClient: { status: "ok" } });
    expect(at(a, 60)).toMatchObject({ revenuePerLead: { value: null, status: "insufficient_data" } });
    expect(at(c, 60).revenuePerLead.status).toBe("insufficient_data");
  });

  it("answers 400 without ids, 404 for an unknown hypothesis, 403 for a contractor", async () => {
    const missing = await h.call("GET", "/api/hypotheses/compare");
    expect(missing.status).toBe(400);
    expect(missing.body.issues.map((i: any) => i.path)).toEqual(["ids"]);
    expect((await h.call("GET", "/api/hypotheses/compare?ids=,")).status).toBe(400);
    expect((await h.call("GET", `/api/hypotheses/compare?ids=${ads}&minLeads=0`)).status).toBe(400);
    expect((await h.call("GET", `/api/hypotheses/compare?ids=${ads},01NOSUCHHYPOTHESIS`)).status).toBe(404);

    const contractor = (await h.call("POST", "/api/contractors", { name: "Колл-центр" })).body.id;
    const key = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor })).body.key;
    expect((await h.call("GET", `/api/hypotheses/compare?ids=${ads}`, undefined, { key })).status).toBe(403);
  });
});
