import { beforeAll, describe, expect, it } from "vitest";
import { ARRIVAL, arrive, leadDesk } from "../support/discipline.js";
import type { Harness } from "../support/harness.js";
import { addSalesPerson, type SalesPerson } from "../support/sales.js";

let h: Harness;
let source: { key: string; id: string };
let head: SalesPerson;

beforeAll(async () => {
  ({ h, source } = await leadDesk());
  head = await addSalesPerson(h, "sales_head");
});

/** `count` won deals assigned to `person`: their clients. */
async function clientsOf(person: SalesPerson, count: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const id = await arrive(h, source, ARRIVAL, { stages: [{ stage: "won", amount: "50000" }] });
      expect((await h.call("PATCH", `/api/leads/${id}`, { assigneeId: person.id })).status).toBe(200);
      return id;
    }),
  );
}

const spotChecks = async (month = "2026-03") => {
  const res = await h.call("GET", `/api/spot-checks?month=${month}`, undefined, { key: head.key });
  expect(res.status, res.text).toBe(200);
  return res.body as { month: string; managers: Array<{ person: { id: string; name: string }; clientsAtPick: number; checks: Array<{ lead: { id: string }; outcome: any }> }> };
};
const picksOf = (list: Awaited<ReturnType<typeof spotChecks>>, person: SalesPerson) => list.managers.find((m) => m.person.id === person.id)?.checks.map((c) => c.lead.id);

describe("monthly spot checks", () => {
  it("picks 10 random clients of each account manager (all of them when fewer), once a month, the same on every read", async () => {
    const [olga, pavel, leadManager] = await Promise.all([
      addSalesPerson(h, "manager", { duty: "accounts" }),
      addSalesPerson(h, "manager", { duty: "accounts" }),
      addSalesPerson(h, "manager", { duty: "leads" }),
    ]);
    const olgasClients = await clientsOf(olga, 12);
    const pavelsClients = await clientsOf(pavel, 3);
    await clientsOf(leadManager, 2);
    const notWon = await arrive(h, source, ARRIVAL, { stages: [{ stage: "contacted" }] });
    await h.call("PATCH", `/api/leads/${notWon}`, { assigneeId: pavel.id });

    const first = await spotChecks();

    const olgas = picksOf(first, olga)!;
    expect(olgas).toHaveLength(10);
    expect(new Set(olgas).size).toBe(10);
    expect(olgasClients).toEqual(expect.arrayContaining(olgas));
    expect(picksOf(first, pavel)!.sort()).toEqual([...pavelsClients].sort());
    expect(picksOf(first, leadManager)).toBeUndefined();
    expect(first.managers.find((m) => m.person.id === olga.id)).toMatchObject({ person: { name: olga.name }, clientsAtPick: 12 });

    // New clients and a new account manager later in the month reshuffle nobody's list.
    await clientsOf(olga, 2);
    const newcomer = await addSalesPerson(h, "manager", { duty: "accounts" });
    const newcomersClients = await clientsOf(newcomer, 2);
    const again = await spotChecks();

    expect(picksOf(again, olga)).toEqual(olgas);
    expect(picksOf(again, pavel)!.sort()).toEqual([...pavelsClients].sort());
    expect(picksOf(again, newcomer)!.sort()).toEqual([...newcomersClients].sort());
    // Another month is another pick.
    expect((await spotChecks("2026-02")).managers.find((m) => m.person.id === olga.id)?.checks).toHaveLength(10);
  });

  it("records each call's result, who and when, shown on later reads; a lead not on the list is 404", async () => {
    const rita = await addSalesPerson(h, "manager", { duty: "accounts" });
    const [client] = await clientsOf(rita, 1);
    await spotChecks();

    const res = await h.call("POST", `/api/spot-checks/2026-03/${client}`, { result: "complaint", note: "Долго везли заказ" }, { key: head.key });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ result: "complaint", note: "Долго везли заказ", personId: head.id, by: head.name });
    const check = (await spotChecks()).managers.find((m) => m.person.id === rita.id)!.checks[0]!;
    expect(check.outcome).toEqual(res.body);
    expect((await h.call("POST", `/api/spot-checks/2026-04/${client}`, { result: "satisfied" }, { key: head.key })).status).toBe(404);
    const bad = await h.call("POST", `/api/spot-checks/2026-13/${client}`, { result: "great" }, { key: head.key });
    expect(bad.status).toBe(400);
    const badMonth = await h.call("GET", "/api/spot-checks?month=March", undefined, { key: head.key });
    expect(badMonth.body.issues.map((i: any) => i.path)).toEqual(["month"]);
  });

  it("picks nothing for a month still to come", async () => {
    await addSalesPerson(h, "manager", { duty: "accounts" });
    expect((await spotChecks("2026-05")).managers).toEqual([]);
  });
});
