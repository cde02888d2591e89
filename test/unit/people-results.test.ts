import { describe, expect, it } from "vitest";
import type { Person } from "../../packages/core/src/people/person.js";
import { markBestAndWorst, reachedWithinRule, resultsBoard, segmentsOf, type ResultLead } from "../../packages/core/src/people-results/board.js";
import { betaPosterior } from "../../packages/core/src/stats/rate.js";

const person = (id: string, name: string, role: Person["role"] = "manager"): Person => ({ id, name, role, duty: "leads", email: null, crmUserIds: [], createdAt: "2026-01-01T00:00:00.000Z" });
const anna = person("P-ANNA", "Анна");
const boris = person("P-BORIS", "Борис");
const vera = person("P-VERA", "Вера");
const head = person("P-HEAD", "Глава", "sales_head");
const people = [anna, boris, vera, head];
const sourceNames = new Map([
  ["S-SITE", "Сайт"],
  ["S-AVITO", "Авито"],
]);

let n = 0;
/**
 * A lead of March 2026 from the site, tagged buyer, assigned to Anna, new and untouched unless told
 * otherwise; a first attempt is its assignee's own unless `firstAttemptBy` says whose.
 */
const lead = (over: Partial<ResultLead> = {}): ResultLead => ({
  id: `L${++n}`,
  firstAttemptBy: over.firstAttemptAt ? { personId: over.assigneeId ?? anna.id, name: null } : undefined,
  assigneeId: anna.id,
  sourceId: "S-SITE",
  clientType: "buyer",
  cohortDay: "2026-03-02",
  createdAt: "2026-03-02T06:00:00.000Z",
  stage: "new",
  furthestStage: "new",
  amountKopecks: null,
  firstAttemptAt: undefined,
  reachedWithinRule: false,
  ...over,
});
const won = (kopecks: number, over: Partial<ResultLead> = {}) => lead({ stage: "won", furthestStage: "won", amountKopecks: kopecks, ...over });
const times = (count: number, make: () => ResultLead) => Array.from({ length: count }, make);
const board = (leads: ResultLead[], month = "2026-03") => resultsBoard({ month, leads, people, sourceNames });

describe("a person's figures in a segment", () => {
  it("counts assigned, reached, qualified, won and revenue, and takes the median minutes to a first attempt", () => {
    const leads = [
      lead({ firstAttemptAt: "2026-03-02T06:10:00.000Z", reachedWithinRule: true }),
      lead({ firstAttemptAt: "2026-03-02T07:00:00.000Z", stage: "qualified", furthestStage: "qualified" }),
      lead({ firstAttemptAt: "2026-03-02T06:30:00.000Z", stage: "lost", furthestStage: "proposal", reachedWithinRule: true }),
      won(1_500_050, { firstAttemptAt: "2026-03-02T08:00:00.000Z", reachedWithinRule: true }),
      won(250_000),
      lead(),
    ];
    const [row] = board(leads).segments[0]!.people;
    expect(row).toMatchObject({
      personId: anna.id,
      name: "Анна",
      assigned: 6,
      reachedWithinRule: 3,
      // 10, 30, 60 and 120 minutes: the mean of the middle two.
      firstContact: { medianMinutes: 45, leadsWithAttempt: 4 },
      qualified: 4,
      won: 2,
      revenue: "17500.50",
      conversion: { rate: 2 / 6, interval: betaPosterior(2, 6).interval },
    });
  });

  it("has no median when no lead had an attempt, and an odd count takes the middle one", () => {
    expect(board([lead(), lead()]).segments[0]!.people[0]!.firstContact).toEqual({ medianMinutes: null, leadsWithAttempt: 0 });
    const odd = [5, 95, 20].map((m) => lead({ firstAttemptAt: new Date(Date.parse("2026-03-02T06:00:00.000Z") + m * 60_000).toISOString() }));
    expect(board(odd).segments[0]!.people[0]!.firstContact).toEqual({ medianMinutes: 20, leadsWithAttempt: 3 });
  });
});

describe("segments", () => {
  it("splits by source and client type, untagged apart, in source-name order with untagged last, and counts only the month", () => {
    const result = board([
      lead({ clientType: null }),
      lead(),
      lead({ clientType: "retail" }),
      lead({ sourceId: "S-AVITO" }),
      lead({ cohortDay: "2026-04-01", createdAt: "2026-03-31T21:00:00.000Z" }),
      lead({ cohortDay: "2026-02-27", createdAt: "2026-02-27T06:00:00.000Z", sourceId: "S-AVITO", clientType: "other" }),
    ]);
    expect(result.segments.map((s) => [s.sourceName, s.clientType, s.people.map((p) => p.assigned)])).toEqual([
      ["Авито", "buyer", [1]],
      ["Сайт", "buyer", [1]],
      ["Сайт", "retail", [1]],
      ["Сайт", null, [1]],
    ]);
  });

  it("lists the head of sales beside managers when leads are assigned to them, people in name order", () => {
    const result = board([lead({ assigneeId: head.id }), lead({ assigneeId: vera.id }), lead()]);
    expect(result.segments[0]!.people.map((p) => [p.name, p.role])).toEqual([
      ["Анна", "manager"],
      ["Вера", "manager"],
      ["Глава", "sales_head"],
    ]);
  });

  it("shows a manager only the segments they have leads in this month", () => {
    const result = board([lead(), lead({ assigneeId: boris.id }), lead({ assigneeId: boris.id, clientType: "retail" }), lead({ assigneeId: anna.id, cohortDay: "2026-02-02", clientType: "retail" })]);
    expect(segmentsOf(result, anna.id).segments.map((s) => s.clientType)).toEqual(["buyer"]);
    expect(segmentsOf(result, boris.id).segments.map((s) => s.clientType)).toEqual(["buyer", "retail"]);
    expect(segmentsOf(result, null).segments).toHaveLength(2);
  });
});

describe("best and worst of a segment", () => {
  it("marks the highest and lowest conversion among people with at least five leads; a smaller sample is never marked", () => {
    const result = board([
      ...times(3, () => won(100_00)),
      ...times(2, () => lead()),
      ...times(1, () => won(100_00, { assigneeId: boris.id })),
      ...times(4, () => lead({ assigneeId: boris.id })),
      // Vera: two of two, the best rate, but too few leads to judge.
      ...times(2, () => won(100_00, { assigneeId: vera.id })),
    ]);
    const marks = result.segments[0]!.people.map((p) => [p.name, p.best, p.worst]);
    expect(marks).toEqual([
      ["Анна", true, false],
      ["Борис", false, true],
      ["Вера", false, false],
    ]);
  });

  it("marks everyone tied at the top as best, and nobody when all rates are equal or only one person has enough leads", () => {
    const row = (id: string, rate: number, assigned = 5) => ({ personId: id, assigned, conversion: { rate, interval: [0, 1] as [number, number] }, best: false, worst: false });
    const tied = [row("a", 0.4), row("b", 0.4), row("c", 0.2)];
    markBestAndWorst(tied as never);
    expect(tied.map((p) => [p.best, p.worst])).toEqual([
      [true, false],
      [true, false],
      [false, true],
    ]);
    const equal = [row("a", 0.4), row("b", 0.4)];
    markBestAndWorst(equal as never);
    expect(equal.some((p) => p.best || p.worst)).toBe(false);
    const alone = [row("a", 0.8), row("b", 0.1, 4)];
    markBestAndWorst(alone as never);
    expect(alone.some((p) => p.best || p.worst)).toBe(false);
  });
});

describe("record months", () => {
  const inMonth = (month: string, over: Partial<ResultLead> = {}) => ({ cohortDay: `${month}-10`, createdAt: `${month}-10T06:00:00.000Z`, ...over });

  it("marks a month that beats every earlier month with enough leads; an earlier record stands against a worse month", () => {
    const result = board([
      // Anna: January 1 of 5, February 2 of 5, March 3 of 5: March is her record.
      ...times(1, () => won(100_00, inMonth("2026-01"))),
      ...times(4, () => lead(inMonth("2026-01"))),
      ...times(2, () => won(100_00, inMonth("2026-02"))),
      ...times(3, () => lead(inMonth("2026-02"))),
      ...times(3, () => won(100_00)),
      ...times(2, () => lead()),
      // Boris: January 4 of 5 stays his record; March 1 of 5.
      ...times(4, () => won(100_00, inMonth("2026-01", { assigneeId: boris.id }))),
      ...times(1, () => lead(inMonth("2026-01", { assigneeId: boris.id }))),
      ...times(1, () => won(100_00, { assigneeId: boris.id })),
      ...times(4, () => lead({ assigneeId: boris.id })),
      // Vera: March is her first month: her best so far, but no record beaten.
      ...times(5, () => won(100_00, { assigneeId: vera.id })),
      // Anna in April and in another segment in February: neither counts for March's buyer record.
      ...times(5, () => won(100_00, inMonth("2026-04"))),
      ...times(5, () => won(100_00, inMonth("2026-02", { clientType: "retail" }))),
    ]);
    const records = result.segments.find((s) => s.clientType === "buyer")!.people.map((p) => [p.name, p.recordMonth, p.isRecord]);
    expect(records).toEqual([
      ["Анна", { month: "2026-03", rate: 0.6 }, true],
      ["Борис", { month: "2026-01", rate: 0.8 }, false],
      ["Вера", { month: "2026-03", rate: 1 }, false],
    ]);
  });

  it("keeps the earlier month on a tie, and judges no month with fewer than five leads", () => {
    const result = board([
      ...times(2, () => won(100_00, inMonth("2026-01"))),
      ...times(3, () => lead(inMonth("2026-01"))),
      ...times(2, () => won(100_00)),
      ...times(3, () => lead()),
      // A tiny February at 100% does not count.
      ...times(2, () => won(100_00, inMonth("2026-02"))),
    ]);
    expect(result.segments[0]!.people[0]).toMatchObject({ recordMonth: { month: "2026-01", rate: 0.4 }, isRecord: false });
    expect(board([lead(), won(1)]).segments[0]!.people[0]).toMatchObject({ recordMonth: null, isRecord: false });
  });
});

describe("reached within the contact rule", () => {
  const attempt = (result: string, second: number, personId: string | null = anna.id) => ({ result, recordedAt: `2026-03-02T06:00:${String(second).padStart(2, "0")}.000Z`, personId });
  it("needs a reached attempt among the first five recorded", () => {
    expect(reachedWithinRule([attempt("no_answer", 1), attempt("no_answer", 2), attempt("no_answer", 3), attempt("no_answer", 4), attempt("reached", 5)], anna.id)).toBe(true);
    // Reached at the sixth: the fifth unanswered had lost the lead as no_contact already.
    expect(reachedWithinRule([1, 2, 3, 4, 5].map((s) => attempt("no_answer", s)).concat(attempt("reached", 6)), anna.id)).toBe(false);
    expect(reachedWithinRule([attempt("no_answer", 1)], anna.id)).toBe(false);
    expect(reachedWithinRule([], anna.id)).toBe(false);
    // In the order recorded, whatever order they come in.
    expect(reachedWithinRule([attempt("reached", 9), ...[1, 2, 3, 4, 5].map((s) => attempt("no_answer", s))], anna.id)).toBe(false);
  });

  it("counts only the person's own attempts: a reach before a hand-over is not theirs, and others' misses use none of their five", () => {
    // Борис reached it, then handed it to Анна, who has not reached anyone yet.
    expect(reachedWithinRule([attempt("reached", 1, boris.id), attempt("no_answer", 2)], anna.id)).toBe(false);
    expect(reachedWithinRule([attempt("reached", 1, boris.id), attempt("no_answer", 2)], boris.id)).toBe(true);
    // Борис's five misses, then Анна reaches it at her first attempt.
    expect(reachedWithinRule([1, 2, 3, 4, 5].map((s) => attempt("no_answer", s, boris.id)).concat(attempt("reached", 6)), anna.id)).toBe(true);
    // A key bound to nobody is nobody's attempt.
    expect(reachedWithinRule([attempt("reached", 1, null)], anna.id)).toBe(false);
  });
});

describe("first contact after a hand-over", () => {
  it("measures only leads whose first attempt was the assignee's own", () => {
    const leads = [
      lead({ firstAttemptAt: "2026-03-02T06:10:00.000Z" }),
      // Борис called first, then handed the lead to Анна: no first contact of hers.
      lead({ firstAttemptAt: "2026-03-02T06:02:00.000Z", firstAttemptBy: { personId: boris.id, name: "Борис" } }),
      // A key bound to no person made the first attempt.
      lead({ firstAttemptAt: "2026-03-02T06:03:00.000Z", firstAttemptBy: { personId: null, name: null } }),
    ];
    expect(board(leads).segments[0]!.people[0]!.firstContact).toEqual({ medianMinutes: 10, leadsWithAttempt: 1 });
  });
});

describe("the conversion's interval", () => {
  it("starts at zero when nobody won and ends at one when everybody did, so it holds the rate shown", async () => {
    const { conversionInterval } = await import("../../packages/core/src/people-results/board.js");
    const none = conversionInterval(0, 3);
    expect(none[0]).toBe(0);
    expect(none[1]).toBeCloseTo(1 - 0.05 ** (1 / 4), 6);
    const all = conversionInterval(3, 3);
    expect(all[1]).toBe(1);
    expect(all[0]).toBeCloseTo(0.05 ** (1 / 4), 6);
    const some = conversionInterval(1, 3);
    expect(some[0]).toBeGreaterThan(0);
    expect(some[1]).toBeLessThan(1);
  });
});
