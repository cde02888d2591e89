import { beforeAll, describe, expect, it } from "vitest";
import { importCohorts, importSpend, newCampaign, newHypothesis, toOptimization, type Cohort } from "../support/decisions.js";
import { createHarness, type Harness } from "../support/harness.js";
import { addDays } from "../../packages/core/src/time.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-05-10T09:00:00Z" });
});

const close = (id: string, body: Record<string, unknown>) => h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "closed", ...body });
const learningOf = async (harness: Harness, id: string) => (await harness.call("GET", "/api/learnings")).body.items.find((l: any) => l.hypothesisId === id);

describe("closing a hypothesis", () => {
  it("refuses a close without a lesson, naming the field, and leaves the hypothesis where it was", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });

    const res = await close(id, { reason: "бюджет урезали" });
    const blank = await close(id, { reason: "бюджет урезали", lesson: "   " });

    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "lesson", message: expect.stringMatching(/closing a hypothesis needs a lesson/) }]);
    expect(blank.status).toBe(400);
    expect(blank.body.issues.map((issue: any) => issue.path)).toEqual(["lesson"]);
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body.stage).toBe("probe");
    expect(await learningOf(h, id)).toBeUndefined();
  });

  it("keeps the result, the figures at closing and the lesson; later leads and spend change the KPIs but not them", async () => {
    const id = await newHypothesis(h, { cplMax: "1500", conversionMin: 0.05 }, { title: "Директ для оптовиков", channel: "yandex_direct" });
    const campaign = await newCampaign(h, id);
    await importCohorts(h, campaign.utm, [{ day: "2026-03-02", leads: 40, won: 4, amount: "50000" }]);
    await importSpend(h, campaign.utm, { "2026-03-02": 20000 });
    const gate = (await h.call("GET", `/api/hypotheses/${id}/gate`)).body;

    const res = await close(id, { reason: "канал дорогой для розницы", lesson: "Оптовики ищут по артикулу, а не по бренду" });

    expect(res.status, res.text).toBe(200);
    const archived = await learningOf(h, id);
    expect(archived).toEqual({
      hypothesisId: id,
      title: "Директ для оптовиков",
      statement: expect.any(String),
      channel: "yandex_direct",
      result: "stopped",
      closedFrom: "probe",
      gatePassed: gate.passed,
      figures: { leads: 40, clients: 4, revenue: "200000.00", spend: "20000.00", cpl: 500, cac: 5000, romi: 9, conversion: 0.1, asOf: "2026-05-10" },
      lesson: "Оптовики ищут по артикулу, а не по бренду",
      reason: "канал дорогой для розницы",
      closedAt: "2026-05-10T09:00:00.000Z",
      closedBy: expect.objectContaining({ role: "owner" }),
    });

    // Deals and spend that arrive after closing (the CRM keeps working) move the KPIs only.
    await importCohorts(h, campaign.utm, [{ day: "2026-03-03", leads: 60, won: 1, amount: "10000" }]);
    await importSpend(h, campaign.utm, { "2026-03-03": 90000 });
    h.setNow("2026-06-01T09:00:00Z");
    const kpis = (await h.call("GET", `/api/hypotheses/${id}/kpis`)).body;
    expect(kpis.kpis.find((row: any) => row.kpi === "leads").observed).toBe(100);
    expect(await learningOf(h, id)).toEqual(archived);
    h.setNow("2026-05-10T09:00:00Z");
  });

  it("says a hypothesis closed after scale-out was scaled, with its gate passed", async () => {
    const id = await newHypothesis(h, { cplMax: "800", conversionMin: 0.05, minLeads: 200 });
    const campaign = await newCampaign(h, id);
    const days = Array.from({ length: 20 }, (_, i) => addDays("2026-03-02", i));
    await importCohorts(h, campaign.utm, days.map((day): Cohort => ({ day, leads: 20, won: 2, amount: "60000" })));
    await importSpend(h, campaign.utm, Object.fromEntries(days.map((day) => [day, 10400])));
    await toOptimization(h, id);
    const approval = await h.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "approve", comment: "масштабируем" });
    expect(approval.status, approval.text).toBe(201);

    expect((await close(id, { reason: "сезон закончился", lesson: "Масштаб держался три месяца" })).status).toBe(200);

    expect(await learningOf(h, id)).toMatchObject({ result: "scaled", closedFrom: "scale", gatePassed: true, figures: { leads: 400, clients: 40, cpl: 520 } });
  });
});

describe("the learnings archive", () => {
  it("finds closed hypotheses by channel and by text in the title, statement or lesson, in any case", async () => {
    const local = await createHarness({ now: "2026-04-01T09:00:00Z" });
    const closed = async (title: string, channel: string, lesson: string, statement = "Проверяем канал") => {
      const id = await newHypothesis(local, { cplMax: "1500" }, { title, channel, statement });
      expect((await local.call("POST", `/api/hypotheses/${id}/transitions`, { to: "closed", reason: "стоп", lesson })).status).toBe(200);
      return id;
    };
    const vk = await closed("ВК сообщества", "vk_ads", "Оптовики не сидят в сообществах");
    const direct = await closed("Директ поиск", "yandex_direct", "Нужен отдельный лендинг для опта");
    const calls = await closed("Холодные звонки", "cold_calls", "База устарела", "Купленная база ОПТОВИКОВ отвечает");
    await newHypothesis(local, { cplMax: "1500" }, { title: "Открытая гипотеза про оптовиков" });

    const ids = async (query: string) => (await local.call("GET", `/api/learnings${query}`)).body.items.map((l: any) => l.hypothesisId);

    expect(await ids("")).toEqual([calls, direct, vk]);
    expect(await ids("?channel=vk_ads")).toEqual([vk]);
    expect(await ids(`?q=${encodeURIComponent("оптовик")}`)).toEqual([calls, vk]);
    expect(await ids(`?q=${encodeURIComponent("ЛЕНДИНГ")}`)).toEqual([direct]);
    expect(await ids(`?q=${encodeURIComponent("директ")}&channel=vk_ads`)).toEqual([]);
    expect(await ids(`?q=${encodeURIComponent("директ")}&channel=yandex_direct`)).toEqual([direct]);
    const tooLong = await local.call("GET", `/api/learnings?q=${"я".repeat(201)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.issues.map((issue: any) => issue.path)).toEqual(["q"]);
  });
});
