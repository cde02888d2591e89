import { beforeAll, describe, expect, it } from "vitest";
import { bookSpend, createChannel, importPastLeads, times, type Channel } from "../support/analytics.js";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;

/**
 * Three months of a channel, loaded the way an owner would: past CRM leads through the import,
 * costs through the spend import. Times are Moscow (the workspace zone).
 *   Jan 12 (Mon): 4 leads, won Jan 20 (30 000) and Feb 25 (50 000), one lost, one open; spend 6 000
 *   Jan 28 (Wed): 2 leads, won Mar 10 (20 000); spend 4 000
 *   Feb 1 01:30 Moscow (Jan 31 in UTC) and Feb 10 (Tue): 1 + 3 leads, won Feb 11 (10 000); spend 3 000
 *   Apr 14 (Tue): 2 leads; spend 1 000
 */
async function threeMonths(): Promise<{ channel: Channel; aprilLeads: string[] }> {
  const channel = await createChannel(h, { maturityDays: 15 });
  const ids = await importPastLeads(h, channel, [
    { createdAt: "2026-01-12T10:00:00+03:00", stage: "won", amount: "30000", closedAt: "2026-01-20T12:00:00+03:00" },
    { createdAt: "2026-01-12T11:00:00+03:00", stage: "won", amount: 50000, closedAt: "2026-02-25T12:00:00+03:00" },
    { createdAt: "2026-01-12T12:00:00+03:00", stage: "lost", lostReason: "дорого" },
    { createdAt: "2026-01-12T13:00:00+03:00", stage: "contacted" },
    { createdAt: "2026-01-28T10:00:00+03:00", stage: "won", amount: "20000.00", closedAt: "2026-03-10T12:00:00+03:00" },
    { createdAt: "2026-01-28T11:00:00+03:00", stage: "qualified" },
    { createdAt: "2026-01-31T22:30:00Z" },
    { createdAt: "2026-02-10T10:00:00+03:00", stage: "won", amount: "10000", closedAt: "2026-02-11T12:00:00+03:00" },
    ...times(2, { createdAt: "2026-02-10T11:00:00+03:00" }),
    ...times(2, { createdAt: "2026-04-14T10:00:00+03:00" }),
  ]);
  // Feb 1 cost nothing: booked as an explicit 0, since a day of leads without spend leaves CAC and ROMI unknown.
  await bookSpend(h, channel, { "2026-01-12": 6000, "2026-01-28": 4000, "2026-02-01": 0, "2026-02-10": 3000, "2026-04-14": 1000 });
  return { channel, aprilLeads: ids.slice(-2) };
}

const cohorts = (hypothesisId: string, by?: string) => h.call("GET", `/api/hypotheses/${hypothesisId}/cohorts${by ? `?by=${by}` : ""}`);

beforeAll(async () => {
  h = await createHarness({ now: "2026-04-20T09:00:00Z" });
});

describe("monthly cohorts", () => {
  it("shows each arrival month with its leads, spend, CAC, ROMI and cumulative wins by month of age", async () => {
    const { channel } = await threeMonths();

    const res = await cohorts(channel.hypothesisId, "month");

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ hypothesisId: channel.hypothesisId, by: "month", maturityDays: 15, asOf: "2026-04-20" });
    expect(res.body.cohorts.map((row: any) => row.cohort)).toEqual(["2026-01", "2026-02", "2026-04"]);
    const [january, february, april] = res.body.cohorts;
    expect(january).toMatchObject({ start: "2026-01-01", end: "2026-01-31", leads: 6, spend: "10000.00", won: 3, revenue: "100000.00", cac: "3333.33", romi: 9, immature: false });
    // Won Jan 20 is month 0 of a Jan 12 lead; Feb 25 and (for Jan 28) Mar 10 are month 1. The Jan 28 leads are
    // two whole months old on Apr 20: months 0 and 1 are over for every lead, month 2 not yet.
    expect(january.periods).toEqual([
      { period: 0, won: 1, revenue: "30000.00", immature: false },
      { period: 1, won: 3, revenue: "100000.00", immature: false },
      { period: 2, won: 3, revenue: "100000.00", immature: true },
      { period: 3, won: 3, revenue: "100000.00", immature: true },
    ]);
    // The lead of Jan 31 22:30 UTC arrived on Feb 1 in Moscow.
    expect(february).toMatchObject({ start: "2026-02-01", end: "2026-02-28", leads: 4, spend: "3000.00", won: 1, cac: "3000.00", romi: 2.3333, immature: false });
    expect(february.periods.map((cell: any) => [cell.period, cell.won, cell.immature])).toEqual([
      [0, 1, false],
      [1, 1, false],
      [2, 1, true],
    ]);
    // April is still running: its CAC and ROMI are immature and so is every cell.
    expect(april).toMatchObject({ leads: 2, spend: "1000.00", won: 0, cac: null, romi: -1, immature: true });
    expect(april.periods).toEqual([{ period: 0, won: 0, revenue: "0.00", immature: true }]);
  });

  it("matures cells as time passes and places a later win in the month of age it came in", async () => {
    const { channel, aprilLeads } = await threeMonths();
    h.setNow("2026-05-20T09:00:00Z");
    try {
      const won = await h.call("PATCH", `/api/leads/${aprilLeads[0]}`, { stage: "won", amount: "45000" });
      expect(won.status).toBe(200);

      const april = (await cohorts(channel.hypothesisId)).body.cohorts.find((row: any) => row.cohort === "2026-04");

      expect(april).toMatchObject({ leads: 2, won: 1, revenue: "45000.00", cac: "1000.00", romi: 44, immature: false });
      expect(april.periods).toEqual([
        { period: 0, won: 0, revenue: "0.00", immature: false },
        { period: 1, won: 1, revenue: "45000.00", immature: true },
      ]);
    } finally {
      h.setNow("2026-04-20T09:00:00Z");
    }
  });
});

describe("weekly cohorts", () => {
  it("shows each ISO week of arrival, Monday to Sunday, with wins by week of age", async () => {
    const { channel } = await threeMonths();

    const res = await cohorts(channel.hypothesisId, "week");

    expect(res.status).toBe(200);
    const rows = res.body.cohorts;
    expect(rows.map((row: any) => [row.cohort, row.start, row.end, row.leads])).toEqual([
      ["2026-W03", "2026-01-12", "2026-01-18", 4],
      ["2026-W05", "2026-01-26", "2026-02-01", 3],
      ["2026-W07", "2026-02-09", "2026-02-15", 3],
      ["2026-W16", "2026-04-13", "2026-04-19", 2],
    ]);
    const w03 = rows[0];
    expect(w03).toMatchObject({ spend: "6000.00", won: 2, revenue: "80000.00", cac: "3000.00", immature: false });
    // Jan 12 -> Jan 20 is 8 days (week 1), -> Feb 25 is 44 days (week 6); 98 days have passed (weeks 0-13 are over).
    expect(w03.periods).toHaveLength(15);
    expect(w03.periods[0]).toEqual({ period: 0, won: 0, revenue: "0.00", immature: false });
    expect(w03.periods[1]).toEqual({ period: 1, won: 1, revenue: "30000.00", immature: false });
    expect(w03.periods[5].won).toBe(1);
    expect(w03.periods[6]).toEqual({ period: 6, won: 2, revenue: "80000.00", immature: false });
    expect(w03.periods[13].immature).toBe(false);
    expect(w03.periods[14].immature).toBe(true);
    // The week of Apr 13 is over, but its leads are 6 days old: under maturityDays and short of a week.
    expect(rows[3]).toMatchObject({ immature: true, periods: [{ period: 0, won: 0, revenue: "0.00", immature: true }] });
  });
});

describe("cohort requests", () => {
  it("answers an empty table for a hypothesis without leads, and groups by month by default", async () => {
    const channel = await createChannel(h);
    const res = await cohorts(channel.hypothesisId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ by: "month", cohorts: [] });
  });

  it("refuses an unknown grouping by name, and answers 404 for an unknown hypothesis", async () => {
    const channel = await createChannel(h);
    const bad = await cohorts(channel.hypothesisId, "day");
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((issue: any) => issue.path)).toEqual(["by"]);

    const missing = await cohorts("01JNOSUCHHYPOTHESIS0000000", "month");
    expect(missing.status).toBe(404);
  });
});
