import { beforeAll, describe, expect, it } from "vitest";
import { conversionInterval } from "../../packages/core/src/people-results/board.js";
import { arrive, NOW } from "../support/discipline.js";
import { createHarness, type Harness } from "../support/harness.js";
import { RESULTS_MONTH, seedResultsMonth } from "../support/results.js";
import { addSalesPerson } from "../support/sales.js";

let h: Harness;
let seeded: Awaited<ReturnType<typeof seedResultsMonth>>;
beforeAll(async () => {
  h = await createHarness({ now: NOW });
  seeded = await seedResultsMonth(h);
}, 120_000);

const board = (key?: string, month = RESULTS_MONTH) => h.call("GET", `/api/people/results?month=${month}`, undefined, key ? { key } : {});
const interval = conversionInterval;

describe("the results board of a seeded month", () => {
  it("gives every figure per segment and person, with the best, the worst and the record month marked", async () => {
    const { site, avito, anna, boris, vera, head } = seeded;
    const res = await board();
    expect(res.status, res.text).toBe(200);
    const row = (p: typeof anna) => ({ personId: p.id, name: p.name });
    expect(res.body).toEqual({
      month: "2026-03",
      minLeadsToCompare: 5,
      segments: [
        {
          sourceId: avito.id,
          sourceName: "Авито",
          clientType: "retail",
          people: [
            {
              ...row(boris), role: "manager", assigned: 1, reachedWithinRule: 0, firstContact: { medianMinutes: null, leadsWithAttempt: 0 },
              qualified: 1, won: 1, revenue: "1000.00", conversion: { rate: 1, interval: interval(1, 1) },
              best: false, worst: false, recordMonth: null, isRecord: false,
            },
          ],
        },
        {
          sourceId: site.id,
          sourceName: "Сайт",
          clientType: "buyer",
          people: [
            {
              ...row(anna), role: "manager", assigned: 5, reachedWithinRule: 2, firstContact: { medianMinutes: 30, leadsWithAttempt: 3 },
              qualified: 3, won: 2, revenue: "15000.50", conversion: { rate: 0.4, interval: interval(2, 5) },
              best: true, worst: false, recordMonth: { month: "2026-03", rate: 0.4 }, isRecord: true,
            },
            {
              ...row(boris), role: "manager", assigned: 5, reachedWithinRule: 0, firstContact: { medianMinutes: 60, leadsWithAttempt: 1 },
              qualified: 1, won: 1, revenue: "7000.00", conversion: { rate: 0.2, interval: interval(1, 5) },
              best: false, worst: true, recordMonth: { month: "2026-03", rate: 0.2 }, isRecord: false,
            },
            {
              ...row(head), role: "sales_head", assigned: 1, reachedWithinRule: 0, firstContact: { medianMinutes: null, leadsWithAttempt: 0 },
              qualified: 1, won: 0, revenue: "0.00", conversion: { rate: 0, interval: interval(0, 1) },
              best: false, worst: false, recordMonth: null, isRecord: false,
            },
          ],
        },
        {
          sourceId: site.id,
          sourceName: "Сайт",
          clientType: null,
          people: [
            {
              ...row(vera), role: "manager", assigned: 1, reachedWithinRule: 1, firstContact: { medianMinutes: 15, leadsWithAttempt: 1 },
              qualified: 0, won: 0, revenue: "0.00", conversion: { rate: 0, interval: interval(0, 1) },
              best: false, worst: false, recordMonth: null, isRecord: false,
            },
          ],
        },
      ],
    });
  });

  it("counts February's leads in February, where Анна's one win of five is her record so far but beats no earlier month", async () => {
    const res = await board(undefined, "2026-02");
    expect(res.status).toBe(200);
    expect(res.body.segments).toHaveLength(1);
    expect(res.body.segments[0].people).toMatchObject([{ name: "Анна Соколова", assigned: 5, won: 1, revenue: "3000.00", recordMonth: { month: "2026-02", rate: 0.2 }, isRecord: false }]);
  });

  it("shows the head of sales every segment and a manager only the segments they have leads in", async () => {
    const { anna, boris, vera, head } = seeded;
    const segments = async (key: string) => {
      const res = await board(key);
      expect(res.status, res.text).toBe(200);
      return res.body.segments.map((s: { sourceName: string; clientType: string | null }) => `${s.sourceName}/${s.clientType}`);
    };
    expect(await segments(head.key)).toEqual(["Авито/retail", "Сайт/buyer", "Сайт/null"]);
    expect(await segments(anna.key)).toEqual(["Сайт/buyer"]);
    expect(await segments(boris.key)).toEqual(["Авито/retail", "Сайт/buyer"]);
    expect(await segments(vera.key)).toEqual(["Сайт/null"]);
    // Within her segment Анна sees everyone she is compared with.
    expect((await board(anna.key)).body.segments[0].people.map((p: { name: string }) => p.name)).toEqual(["Анна Соколова", "Борис Крылов", "Глеб Орлов"]);
  });

  it("refuses marketers and contractors", async () => {
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
    const contractorId = (await h.call("POST", "/api/contractors", { name: "Агентство" })).body.id;
    const contractor = (await h.call("POST", "/api/keys", { role: "contractor", contractorId })).body.key;
    expect((await board(marketer)).status).toBe(403);
    expect((await board(contractor)).status).toBe(403);
  });

  it("needs a month written YYYY-MM, naming the field", async () => {
    for (const query of ["", "?month=2026-13", "?month=2026-3", "?month=1999-12", "?month=2026-03&x=1"]) {
      const res = await h.call("GET", `/api/people/results${query}`);
      expect(res.status, query).toBe(400);
      expect(res.text, query).toContain(query.includes("x=1") ? "x" : "month");
    }
    const missing = await h.call("GET", "/api/people/results");
    expect(missing.body.message).toContain("YYYY-MM");
  });

  it("counts for the person who holds a lead only what they did themselves, not what was done before it was handed over", async () => {
    // January, a source of its own: the seeded month stays as it is.
    const calls = (await h.call("POST", "/api/sources", { name: "Звонки", format: "json" })).body as { id: string; key: string };
    const [dina, egor] = [await addSalesPerson(h, "manager", { name: "Дина Рябова" }), await addSalesPerson(h, "manager", { name: "Егор Зуев" })];
    const call = async (leadId: string, at: string, result: string, key: string) => {
      const res = await h.call("POST", `/api/leads/${leadId}/contact-attempts`, { at, channel: "phone", result }, { key });
      expect(res.status, res.text).toBe(201);
    };
    const handOver = async (leadId: string) => {
      const res = await h.call("POST", `/api/leads/${leadId}/handovers`, { to: egor.id, reason: "перераспределение" });
      expect(res.status, res.text).toBe(201);
    };
    // Дина reached this one 5 minutes after it arrived, then it went to Егор, who has not got through yet.
    const reachedByDina = await arrive(h, calls, "2026-01-12T10:00:00+03:00");
    await h.call("PATCH", `/api/leads/${reachedByDina}`, { assigneeId: dina.id });
    await call(reachedByDina, "2026-01-12T10:05:00+03:00", "reached", dina.key);
    await handOver(reachedByDina);
    await call(reachedByDina, "2026-01-13T11:00:00+03:00", "no_answer", egor.key);
    // Nobody called this one before the hand-over; Егор reached it 30 minutes after it arrived.
    const reachedByEgor = await arrive(h, calls, "2026-01-12T11:00:00+03:00");
    await h.call("PATCH", `/api/leads/${reachedByEgor}`, { assigneeId: dina.id });
    await handOver(reachedByEgor);
    await call(reachedByEgor, "2026-01-12T11:30:00+03:00", "reached", egor.key);

    const res = await board(undefined, "2026-01");
    expect(res.status, res.text).toBe(200);
    const segment = res.body.segments.find((s: { sourceId: string }) => s.sourceId === calls.id);
    expect(segment.people).toEqual([
      expect.objectContaining({ personId: egor.id, assigned: 2, reachedWithinRule: 1, firstContact: { medianMinutes: 30, leadsWithAttempt: 1 } }),
    ]);
  });

  it("is an empty board for a month without leads", async () => {
    const res = await board(undefined, "2025-11");
    expect(res.body).toEqual({ month: "2025-11", minLeadsToCompare: 5, segments: [] });
  });
});
