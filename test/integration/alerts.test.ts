import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../packages/core/src/time.js";
import { createHarness, type Harness } from "../support/harness.js";
import { importCohorts, newCampaign, newHypothesis, toOptimization, type Cohort } from "../support/decisions.js";

// Scale-out is approved on 20 April 2026 (Moscow); maturity is the default 15 days.
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-04-20T09:00:00Z" });
});

/** Daily cohorts of `leads` from `from` to `to`, `won` of them closing 5 days after arrival. */
function daily(from: string, to: string, leads: number, won: (index: number) => number): Cohort[] {
  const cohorts: Cohort[] = [];
  for (let day = from, i = 0; day <= to; day = addDays(day, 1), i++) cohorts.push({ day, leads, won: won(i), wonAfter: 5 });
  return cohorts;
}

/** A hypothesis that met its 5% conversion target in March (10%) and was approved for scale-out today. */
async function scaledOut() {
  h.setNow("2026-04-20T09:00:00Z");
  const id = await newHypothesis(h, { conversionMin: 0.05 });
  const campaign = await newCampaign(h, id);
  await importCohorts(h, campaign.utm, daily("2026-03-02", "2026-03-31", 10, () => 1));
  await toOptimization(h, id);
  const approval = await h.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "approve", comment: "Масштабируем" });
  expect(approval.status, approval.text).toBe(201);
  expect((await h.call("GET", `/api/hypotheses/${id}`)).body.stage).toBe("scale");
  return { id, utm: campaign.utm };
}

const alertFor = async (id: string) => (await h.call("GET", "/api/alerts")).body.items.find((item: any) => item.hypothesisId === id);

describe("GET /api/alerts", () => {
  let falling: string;
  let keeping: string;
  let notScaled: string;
  let since: string;
  beforeAll(async () => {
    const fallingOne = await scaledOut();
    const keepingOne = await scaledOut();
    falling = fallingOne.id;
    keeping = keepingOne.id;
    notScaled = await newHypothesis(h, { conversionMin: 0.05 });
    const notScaledCampaign = await newCampaign(h, notScaled);
    h.setNow("2026-05-30T09:00:00Z");
    await Promise.all([
      // After scale-out the audience widens: one deal in 40 leads (2.5%).
      importCohorts(h, fallingOne.utm, daily("2026-04-21", "2026-05-10", 20, (i) => (i % 2 === 0 ? 1 : 0))),
      importCohorts(h, keepingOne.utm, daily("2026-04-21", "2026-05-10", 20, () => 2)),
      importCohorts(h, notScaledCampaign.utm, daily("2026-04-21", "2026-05-10", 20, () => 0)),
    ]);
  }, 300_000);

  it("flags a scaled-out hypothesis whose mature post-scale cohorts miss a target, with the figures", async () => {
    h.setNow("2026-05-30T09:00:00Z");
    const res = await h.call("GET", "/api/alerts");

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: "2026-05-30", checked: 2 });
    const alert = res.body.items.find((item: any) => item.hypothesisId === falling);
    expect(alert).toMatchObject({
      scaledOn: "2026-04-20",
      scaledAt: "2026-04-20T09:00:00.000Z",
      // Only cohorts after the approval day count; all 20 are mature by 30 May.
      cohorts: { from: "2026-04-21", to: "2026-05-10", leads: 400 },
    });
    expect(alert.missed).toHaveLength(1);
    expect(alert.missed[0]).toMatchObject({ kpi: "conversion", verdict: "not_met", target: 0.05, direction: "min", observed: 0.025, sample: { leads: 400, won: 10 } });
    expect(alert.missed[0].probability).toBeLessThan(0.1);
    since = alert.missed[0].since;
    expect(since > "2026-05-06" && since <= "2026-05-25").toBe(true);
  });

  it("dates the alert from the day the miss began: not flagged the day before", async () => {
    h.setNow(`${since}T09:00:00Z`);
    const onTheDay = await alertFor(falling);
    expect(onTheDay.missed[0]).toMatchObject({ kpi: "conversion", since });

    h.setNow(`${addDays(since, -1)}T09:00:00Z`);
    expect(await alertFor(falling)).toBeUndefined();
  });

  it("stays quiet until a post-scale cohort is mature", async () => {
    h.setNow("2026-05-05T09:00:00Z"); // mature up to 20 April: the day of the approval, not after it
    expect(await alertFor(falling)).toBeUndefined();
  });

  it("does not flag a scaled-out hypothesis that keeps its targets, nor one not in scale", async () => {
    h.setNow("2026-05-30T09:00:00Z");
    const { body } = await h.call("GET", "/api/alerts");
    const flagged = body.items.map((item: any) => item.hypothesisId);
    expect(flagged).toContain(falling);
    expect(flagged).not.toContain(keeping);
    expect(flagged).not.toContain(notScaled);
  });

  it("is for owners and marketers only", async () => {
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
    expect((await h.call("GET", "/api/alerts", undefined, { key: marketer })).status).toBe(200);
    const contractor = (await h.call("POST", "/api/contractors", { name: "Агентство" })).body.id;
    const key = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor })).body.key;
    expect((await h.call("GET", "/api/alerts", undefined, { key })).status).toBe(403);
  });
});
