import { expect } from "vitest";
import { arrive } from "./discipline.js";
import type { Harness } from "./harness.js";
import { addSalesPerson, type SalesPerson } from "./sales.js";

/*
 * A seeded month of the results board (March 2026, Moscow time): leads arrive through json
 * sources' webhooks, the owner assigns and tags them and moves their stages, their assignees record
 * attempts. The harness must stand at discipline.ts NOW (10 March), after every attempt.
 *
 * Сайт x buyer: Анна 5 leads (2 reached within the rule, first attempts after 10, 30 and 60 min,
 *   3 qualified, 2 won for 15 000,50 ₽) after a February of 1 won of 5: her record month, and the
 *   segment's best. Борис 5 leads (one reached only at the sixth attempt, after the rule lost it;
 *   1 won for 7 000 ₽): the worst. Глеб, the head of sales, 1 qualified lead: too few to judge.
 * Сайт x untagged: Вера 1 lead reached after 15 minutes.
 * Авито x retail: Борис 1 lead won for 1 000 ₽.
 * Not on the board: an unassigned lead, and Анна's lead arriving at 00:30 on 1 April Moscow time.
 */

type Step = { assignee: SalesPerson; source: { key: string }; at: string; clientType?: "buyer" | "retail"; attempts?: Array<[string, "no_answer" | "reached"]>; stages?: Array<Record<string, string>> };

export const RESULTS_MONTH = "2026-03";

export async function seedResultsMonth(h: Pick<Harness, "call" | "setNow">) {
  const source = async (name: string) => {
    const res = await h.call("POST", "/api/sources", { name, format: "json" });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; key: string };
  };
  const [site, avito] = [await source("Сайт"), await source("Авито")];
  const anna = await addSalesPerson(h as Harness, "manager", { name: "Анна Соколова" });
  const boris = await addSalesPerson(h as Harness, "manager", { name: "Борис Крылов" });
  const vera = await addSalesPerson(h as Harness, "manager", { name: "Вера Ланина" });
  const head = await addSalesPerson(h as Harness, "sales_head", { name: "Глеб Орлов" });

  const won = (amount: string) => [{ stage: "won", amount }];
  const annaFebruary: Step[] = ["02", "03", "04", "05", "06"].map((day, i) => ({
    assignee: anna,
    source: site,
    at: `2026-02-${day}T10:00:00+03:00`,
    clientType: "buyer",
    ...(i === 0 ? { stages: won("3000") } : {}),
  }));
  const steps: Step[] = [
    ...annaFebruary,
    { assignee: anna, source: site, at: "2026-03-02T08:00:00+03:00", clientType: "buyer", attempts: [["2026-03-02T08:10:00+03:00", "reached"]], stages: won("10000.50") },
    {
      assignee: anna,
      source: site,
      at: "2026-03-02T09:00:00+03:00",
      clientType: "buyer",
      attempts: [
        ["2026-03-02T09:30:00+03:00", "no_answer"],
        ["2026-03-03T10:00:00+03:00", "reached"],
      ],
      stages: [{ stage: "qualified" }],
    },
    { assignee: anna, source: site, at: "2026-03-03T10:00:00+03:00", clientType: "buyer", attempts: [["2026-03-03T11:00:00+03:00", "no_answer"]] },
    { assignee: anna, source: site, at: "2026-03-04T12:00:00+03:00", clientType: "buyer", stages: won("5000") },
    // 21:30 on 28 February in UTC: March in Moscow.
    { assignee: anna, source: site, at: "2026-03-01T00:30:00+03:00", clientType: "buyer" },
    // 21:30 on 31 March in UTC: April in Moscow.
    { assignee: anna, source: site, at: "2026-04-01T00:30:00+03:00", clientType: "buyer" },
    {
      assignee: boris,
      source: site,
      at: "2026-03-02T08:00:00+03:00",
      clientType: "buyer",
      // The fifth unanswered attempt loses the lead as no_contact; the sixth reaches it and restores it.
      attempts: [
        ["2026-03-02T09:00:00+03:00", "no_answer"],
        ["2026-03-02T13:00:00+03:00", "no_answer"],
        ["2026-03-03T09:00:00+03:00", "no_answer"],
        ["2026-03-03T13:00:00+03:00", "no_answer"],
        ["2026-03-03T19:00:00+03:00", "no_answer"],
        ["2026-03-04T09:00:00+03:00", "reached"],
      ],
    },
    { assignee: boris, source: site, at: "2026-03-05T10:00:00+03:00", clientType: "buyer", stages: won("7000") },
    ...["11", "12", "13"].map((hour): Step => ({ assignee: boris, source: site, at: `2026-03-05T${hour}:00:00+03:00`, clientType: "buyer" })),
    { assignee: boris, source: avito, at: "2026-03-06T10:00:00+03:00", clientType: "retail", stages: won("1000") },
    { assignee: head, source: site, at: "2026-03-06T11:00:00+03:00", clientType: "buyer", stages: [{ stage: "qualified" }] },
    { assignee: vera, source: site, at: "2026-03-06T12:00:00+03:00", attempts: [["2026-03-06T12:15:00+03:00", "reached"]], stages: [{ stage: "contacted" }] },
  ];
  for (const step of steps) await seedLead(h, step);
  await arrive(h as Harness, site, "2026-03-06T13:00:00+03:00");
  return { site, avito, anna, boris, vera, head };
}

async function seedLead(h: Pick<Harness, "call" | "setNow">, step: Step) {
  const id = await arrive(h as Harness, step.source, step.at);
  const assigned = await h.call("PATCH", `/api/leads/${id}`, { assigneeId: step.assignee.id });
  expect(assigned.status, assigned.text).toBe(200);
  if (step.clientType) {
    const tagged = await h.call("PUT", `/api/leads/${id}/tags`, { clientType: step.clientType });
    expect(tagged.status, tagged.text).toBe(200);
  }
  for (const [at, result] of step.attempts ?? []) {
    const res = await h.call("POST", `/api/leads/${id}/contact-attempts`, { at, channel: "phone", result }, { key: step.assignee.key });
    expect(res.status, res.text).toBe(201);
  }
  for (const change of step.stages ?? []) {
    const moved = await h.call("PATCH", `/api/leads/${id}`, change);
    expect(moved.status, moved.text).toBe(200);
  }
}
