import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../packages/core/src/time.js";
import { createHarness, type Harness } from "../support/harness.js";
import { importCohorts, importSpend, kpiOf, newCampaign, newHypothesis, type Cohort } from "../support/decisions.js";

// Today is 1 June 2026 in Moscow; maturity is the default 15 days, so cohorts up to 17 May are mature.
let h: Harness;
let marketerKey: string;
let contractorKey: string;
beforeAll(async () => {
  h = await createHarness({ now: "2026-06-01T09:00:00Z" });
  marketerKey = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
  const contractor = (await h.call("POST", "/api/contractors", { name: "Агентство" })).body.id;
  contractorKey = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor })).body.key;
});

/**
 * 10 leads a day from 1 March to 31 May. Until 14 April 3 reach qualified and 1 is won (10%); from
 * 15 April, when callers start phoning back within five minutes, 6 and 2 (20%). Deals close 7
 * days after arrival, so cohorts after 25 May have no win yet.
 */
function cohortsAroundProcessChange(): Cohort[] {
  const cohorts: Cohort[] = [];
  for (let day = "2026-03-01"; day <= "2026-05-31"; day = addDays(day, 1)) {
    const improved = day >= "2026-04-15";
    const closes = day <= "2026-05-25";
    const won = closes ? (improved ? 2 : 1) : 0;
    cohorts.push({ day, leads: 10, won, qualified: (improved ? 6 : 3) - won, wonAfter: 7 });
  }
  return cohorts;
}

let seeded: string;
beforeAll(async () => {
  seeded = await newHypothesis(h, { conversionMin: 0.12, qualifiedRateMin: 0.4 });
  const campaign = await newCampaign(h, seeded);
  await importCohorts(h, campaign.utm, cohortsAroundProcessChange());
  const costs: Record<string, number> = {};
  for (let day = "2026-03-01"; day <= "2026-05-31"; day = addDays(day, 1)) costs[day] = 2000;
  await importSpend(h, campaign.utm, costs);
}, 120_000);

describe("POST /api/hypotheses/{id}/optimizations", () => {
  it("records the change with who made it, and writes it into the hypothesis history", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05 });
    const res = await h.call("POST", `/api/hypotheses/${id}/optimizations`, { area: "placement", change: "Убрали РСЯ, оставили поиск", startedOn: "2026-05-20" }, { key: marketerKey });

    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ hypothesisId: id, area: "placement", change: "Убрали РСЯ, оставили поиск", startedOn: "2026-05-20", version: 2, actor: { role: "marketer" } });
    const history = (await h.call("GET", `/api/hypotheses/${id}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ version: 2, type: "optimization", actor: { role: "marketer" }, reason: "placement: Убрали РСЯ, оставили поиск (from 2026-05-20)" });
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ version: 2, stage: "probe" });
  });

  it("names every bad field, and rejects unknown ones", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05 });
    const res = await h.call("POST", `/api/hypotheses/${id}/optimizations`, { area: "tv", startedOn: "2026-02-30", budget: 1 });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: any) => i.path).sort()).toEqual(["area", "budget", "change", "startedOn"]);
  });

  it("is refused on a closed hypothesis, for contractors, and for an unknown hypothesis", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05 });
    expect((await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "closed", reason: "канал не окупился", lesson: "Дорогой клик" })).status).toBe(200);
    const body = { area: "audience", change: "Исключили студентов", startedOn: "2026-05-01" };

    const closed = await h.call("POST", `/api/hypotheses/${id}/optimizations`, body);
    expect(closed.status).toBe(409);
    expect(closed.body.error).toBe("hypothesis_closed");
    expect((await h.call("POST", `/api/hypotheses/${id}/optimizations`, body, { key: contractorKey })).status).toBe(403);
    expect((await h.call("GET", `/api/hypotheses/${id}/optimizations`, undefined, { key: contractorKey })).status).toBe(403);
    expect((await h.call("POST", "/api/hypotheses/01NOSUCHHYPOTHESIS/optimizations", body)).status).toBe(404);
    expect((await h.call("GET", "/api/hypotheses/01NOSUCHHYPOTHESIS/optimizations")).status).toBe(404);
  });
});

describe("GET /api/hypotheses/{id}/optimizations", () => {
  it("shows KPIs before and after a process change on equal windows, and how sure it is that rates improved", async () => {
    const recorded = await h.call("POST", `/api/hypotheses/${seeded}/optimizations`, { area: "process", change: "Перезвон в течение 5 минут", startedOn: "2026-04-15" });
    expect(recorded.status).toBe(201);

    const res = await h.call("GET", `/api/hypotheses/${seeded}/optimizations`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: "2026-06-01", confidence: 0.9, maturityDays: 15 });
    const [item] = res.body.items;
    // 48 days from 15 April to today, and the 48 days before.
    expect(item.windows).toEqual({ days: 48, before: { from: "2026-02-26", to: "2026-04-14" }, after: { from: "2026-04-15", to: "2026-06-01" } });
    // Conversion on mature cohorts only: before, 1 March to 14 April (45 days); after, 15 April to 17 May (33 days).
    expect(item.improved.conversion).toMatchObject({ before: { successes: 45, trials: 450 }, after: { successes: 66, trials: 330 }, verdict: "improved" });
    expect(item.improved.conversion.probability).toBeGreaterThan(0.999);
    expect(item.improved.qualifiedRate).toMatchObject({ before: { successes: 135, trials: 450 }, after: { successes: 282, trials: 470 }, verdict: "improved" });
    expect(kpiOf(item.after, "conversion")).toMatchObject({ observed: 0.2, target: 0.12, verdict: "met" });
    expect(kpiOf(item.before, "qualifiedRate")).toMatchObject({ observed: 0.3, target: 0.4, verdict: "not_met" });
    expect(kpiOf(item.after, "cpl")).toMatchObject({ observed: 200 });
    expect(item.after.maturing).toEqual({ leads: 140 });
    expect(item.before.maturing).toEqual({ leads: 0 });
  });

  it("bounds each optimization's windows by its neighbours, and finds no lift where nothing changed", async () => {
    const res0 = await h.call("POST", `/api/hypotheses/${seeded}/optimizations`, { area: "audience", change: "Добавили ретаргетинг", startedOn: "2026-05-10" });
    expect(res0.status).toBe(201);

    const { body } = await h.call("GET", `/api/hypotheses/${seeded}/optimizations`);

    expect(body.items.map((i: any) => i.startedOn)).toEqual(["2026-04-15", "2026-05-10"]);
    const [processChange, audienceChange] = body.items;
    expect(processChange.windows).toEqual({ days: 25, before: { from: "2026-03-21", to: "2026-04-14" }, after: { from: "2026-04-15", to: "2026-05-09" } });
    expect(processChange.improved.conversion).toMatchObject({ before: { successes: 25, trials: 250 }, after: { successes: 50, trials: 250 } });
    // 23 days from 10 May to today; before stops at 17 April so as not to reach back past the process change.
    expect(audienceChange.windows).toEqual({ days: 23, before: { from: "2026-04-17", to: "2026-05-09" }, after: { from: "2026-05-10", to: "2026-06-01" } });
    expect(audienceChange.improved.conversion).toMatchObject({ before: { successes: 46, trials: 230 }, after: { successes: 16, trials: 80 }, verdict: "unclear" });
    expect(audienceChange.improved.conversion.probability).toBeGreaterThan(0.3);
    expect(audienceChange.improved.conversion.probability).toBeLessThan(0.7);
  });

  it("lists nothing for a hypothesis without optimizations, and says why a same-day pair cannot be judged", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05 });
    expect((await h.call("GET", `/api/hypotheses/${id}/optimizations`)).body).toEqual({ items: [], asOf: "2026-06-01", confidence: 0.9, maturityDays: 15 });

    for (const change of ["Новый скрипт", "Новые креативы"]) {
      await h.call("POST", `/api/hypotheses/${id}/optimizations`, { area: "process", change, startedOn: "2026-05-01" });
    }
    const { body } = await h.call("GET", `/api/hypotheses/${id}/optimizations`);
    expect(body.items).toHaveLength(2);
    for (const item of body.items) {
      expect(item).toMatchObject({ windows: null, before: null, after: null, improved: null, reason: "another optimization started on 2026-05-01 too, so their effects cannot be told apart" });
    }
  });
});
