import { beforeAll, describe, expect, it } from "vitest";
import { bookSpend, createChannel, importPastLeads, times, type Channel, type PastLead } from "../support/analytics.js";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ now: "2026-04-20T09:00:00Z" });
});

const forecast = (hypothesisId: string, budget: string) => h.call("GET", `/api/hypotheses/${hypothesisId}/forecast?budget=${budget}`);

/** `total` leads of one day of which `qualified` reached qualification and `won` of those were won at `amount`. */
function day(createdAt: string, total: number, qualified: number, won: number, amount: string): PastLead[] {
  return [
    ...times(won, { createdAt, stage: "won", amount }),
    ...times(qualified - won, { createdAt, stage: "qualified" }),
    ...times(total - qualified, { createdAt, stage: "contacted" }),
  ];
}

/**
 * February, mature on Apr 20 (maturityDays 15): 60 leads for 30 000.00 (CPL 500), 24 qualified,
 * 6 won for 300 000.00 (average deal 50 000). April: 10 young leads for 100 000.00, which the
 * forecast must leave out.
 */
async function channelWithHistory(): Promise<Channel> {
  const channel = await createChannel(h, { maturityDays: 15 });
  await importPastLeads(h, channel, [
    ...day("2026-02-02T10:00:00+03:00", 30, 12, 3, "40000"),
    ...day("2026-02-16T10:00:00+03:00", 30, 12, 3, "60000"),
    ...times(10, { createdAt: "2026-04-10T10:00:00+03:00" }),
  ]);
  await bookSpend(h, channel, { "2026-02-02": 15000, "2026-02-16": 15000, "2026-04-10": 100000 });
  return channel;
}

describe("the waterfall forecast", () => {
  let channel: Channel;
  beforeAll(async () => {
    channel = await channelWithHistory();
  });

  it("forecasts leads, qualified leads, won deals, revenue and ROMI for a budget from the mature cohorts, with 80% intervals", async () => {
    const res = await forecast(channel.hypothesisId, "1000000");

    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ hypothesisId: channel.hypothesisId, status: "ok", budget: "1000000.00", level: 0.8, maturing: { leads: 10 }, asOf: "2026-04-20" });
    expect(body.basis).toEqual({
      leads: 60,
      qualified: 24,
      won: 6,
      spend: "30000.00",
      revenue: "300000.00",
      cpl: "500.00",
      qualifiedRate: 0.4,
      winRate: 0.25,
      averageDeal: "50000.00",
    });
    // 1 000 000 at a CPL near 500 buys about 2 000 leads; 40% qualify; about a quarter of those are won.
    expect(body.leads.expected).toBeGreaterThan(1800);
    expect(body.leads.expected).toBeLessThan(2300);
    expect(body.qualified.expected / body.leads.expected).toBeCloseTo(25 / 62, 1);
    expect(body.won.expected / body.qualified.expected).toBeCloseTo(7 / 26, 1);
    expect(Number(body.revenue.expected) / body.won.expected).toBeCloseTo(50_000, -2);
    expect(body.romi.expected).toBeCloseTo((Number(body.revenue.expected) - 1_000_000) / 1_000_000, 1);

    for (const band of [body.leads, body.qualified, body.won, body.romi]) {
      expect(band.interval[0]).toBeLessThan(band.expected);
      expect(band.expected).toBeLessThan(band.interval[1]);
    }
    const revenue = body.revenue.interval.map(Number);
    expect(revenue[0]).toBeLessThan(Number(body.revenue.expected));
    expect(Number(body.revenue.expected)).toBeLessThan(revenue[1]);
    expect(body.leads.interval[0]).toBeGreaterThan(body.qualified.interval[1]);
    expect(body.qualified.interval[0]).toBeGreaterThan(body.won.interval[1]);
    expect(body.romi.interval[0]).toBeGreaterThan(-1);
  });

  it("gives the same answer for the same data, and moves when the data change", async () => {
    const channel = await channelWithHistory();

    const first = await forecast(channel.hypothesisId, "1000000");
    const again = await forecast(channel.hypothesisId, "1000000.00");
    expect(again.body).toEqual(first.body);

    const more = await importPastLeads(h, channel, [{ createdAt: "2026-02-20T10:00:00+03:00" }]);
    expect(more).toHaveLength(1);
    await bookSpend(h, channel, { "2026-02-20": 500 }); // a day of leads without its spend would leave the cost of a lead unknown
    const changed = await forecast(channel.hypothesisId, "1000000");
    expect(changed.body.basis.leads).toBe(61);
    expect(changed.body.simulation.seed).not.toBe(first.body.simulation.seed);
    expect(changed.body.leads).not.toEqual(first.body.leads);
  });

  it("scales with the budget", async () => {
    const small = (await forecast(channel.hypothesisId, "100000")).body;
    const large = (await forecast(channel.hypothesisId, "1000000")).body;

    expect(large.leads.expected / small.leads.expected).toBeCloseTo(10, 0);
    expect(small.budget).toBe("100000.00");
  });
});

describe("when the data cannot carry a forecast", () => {
  it("says no mature leads while every cohort is younger than maturityDays", async () => {
    const channel = await createChannel(h, { maturityDays: 15 });
    await importPastLeads(h, channel, day("2026-04-12T10:00:00+03:00", 10, 4, 1, "50000"));
    await bookSpend(h, channel, { "2026-04-12": 5000 });

    const res = await forecast(channel.hypothesisId, "1000000");

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "insufficient_data", reason: expect.stringContaining("no mature leads"), maturing: { leads: 10 } });
  });

  it("says no deal won when the mature leads have not closed one, and no spend when nothing was booked", async () => {
    const noWin = await createChannel(h);
    await importPastLeads(h, noWin, day("2026-02-02T10:00:00+03:00", 12, 4, 0, "1"));
    await bookSpend(h, noWin, { "2026-02-02": 6000 });
    expect((await forecast(noWin.hypothesisId, "500000")).body).toMatchObject({
      status: "insufficient_data",
      reason: expect.stringContaining("no deal won"),
      basis: { leads: 12, won: 0, cpl: "500.00" },
    });

    const noSpend = await createChannel(h);
    await importPastLeads(h, noSpend, day("2026-02-02T10:00:00+03:00", 12, 4, 2, "30000"));
    expect((await forecast(noSpend.hypothesisId, "500000")).body).toMatchObject({ status: "insufficient_data", reason: expect.stringContaining("no spend") });

    const empty = await createChannel(h);
    expect((await forecast(empty.hypothesisId, "500000")).body).toMatchObject({ status: "insufficient_data", reason: "no leads yet" });
  });
});

describe("forecast requests", () => {
  it("refuses a budget that is not a positive amount, naming it", async () => {
    const channel = await createChannel(h);
    for (const query of ["?budget=0", "?budget=-5000", "?budget=abc", "?budget=10.555", "?budget=", ""]) {
      const res = await h.call("GET", `/api/hypotheses/${channel.hypothesisId}/forecast${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.issues.map((issue: any) => issue.path), query).toEqual(["budget"]);
    }
  });

  it("answers 404 for an unknown hypothesis", async () => {
    const res = await forecast("01JNOSUCHHYPOTHESIS0000000", "1000000");
    expect(res.status).toBe(404);
    expect(res.body.error).toBe("not_found");
  });
});
