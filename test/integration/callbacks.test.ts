import { beforeAll, describe, expect, it } from "vitest";
import { ARRIVAL, arrive, attempt, attempts, leadDesk, NOW } from "../support/discipline.js";
import type { Harness } from "../support/harness.js";
import { addSalesPerson, type SalesPerson } from "../support/sales.js";

let h: Harness;
let source: { key: string; id: string };
let manager: SalesPerson;
let head: SalesPerson;

beforeAll(async () => {
  ({ h, source } = await leadDesk());
  [manager, head] = await Promise.all([addSalesPerson(h, "manager", { duty: "leads" }), addSalesPerson(h, "sales_head")]);
});

const queue = async (query = "") => {
  const res = await h.call("GET", `/api/callbacks${query}`, undefined, { key: head.key });
  expect(res.status, res.text).toBe(200);
  return res.body.items as Array<{ lead: { id: string; assigneeId: string | null }; assignee: { id: string; name: string } | null; reason: string; since: string; waitedWorkingMinutes: number }>;
};
const entryOf = async (id: string, query = "") => (await queue(query)).find((e) => e.lead.id === id);
const callBack = (id: string, body: unknown) => h.call("POST", `/api/callbacks/${id}`, body, { key: head.key });

/** Five unanswered attempts over two days and two times of day: the lead is lost as no_contact. */
const UNREACHED = ["2026-03-02T10:00:00+03:00", "2026-03-02T19:00:00+03:00", "2026-03-03T10:00:00+03:00", "2026-03-03T19:00:00+03:00", "2026-03-04T10:00:00+03:00"];

describe("the call-back queue", () => {
  it("holds a lead lost as no_contact, with its assignee, why and since when", async () => {
    const id = await arrive(h, source, ARRIVAL);
    await h.call("PATCH", `/api/leads/${id}`, { assigneeId: manager.id });
    await attempts(h, id, UNREACHED);

    const entry = await entryOf(id);

    expect(entry).toMatchObject({ reason: "no_contact", since: new Date(NOW).toISOString(), assignee: { id: manager.id, name: manager.name }, lead: { id, assigneeId: manager.id } });
  });

  it("holds a lost lead a quality review blames on the manager, and not a lead lost for the client's reason", async () => {
    const id = await arrive(h, source, ARRIVAL);
    await attempt(h, id, "2026-03-02T10:00:00+03:00", "reached");
    await h.call("PATCH", `/api/leads/${id}`, { stage: "lost", lostReason: "Дорого" });
    expect(await entryOf(id)).toBeUndefined();

    expect((await h.call("POST", `/api/leads/${id}/quality-review`, { lostReasonCategory: "manager", note: "не перезвонил" })).status).toBe(200);

    expect(await entryOf(id)).toMatchObject({ reason: "manager", assignee: null });
  });

  it("lets a restored lead leave the queue", async () => {
    const id = await arrive(h, source, ARRIVAL);
    await attempts(h, id, UNREACHED);
    expect((await entryOf(id))?.reason).toBe("no_contact");

    await attempt(h, id, "2026-03-05T10:00:00+03:00", "reached");

    expect(await entryOf(id)).toBeUndefined();
  });

  it("holds leads untouched for 2 working hours, counted over the weekend and the evening", async () => {
    const fridayFive = await arrive(h, source, "2026-03-06T17:00:00+03:00");
    const fridayQuarterToSix = await arrive(h, source, "2026-03-06T17:45:00+03:00");
    const saturday = await arrive(h, source, "2026-03-07T12:00:00+03:00");
    const mondayEarly = await arrive(h, source, "2026-03-09T08:00:00+03:00");
    const tried = await arrive(h, source, "2026-03-06T17:00:00+03:00");
    await attempt(h, tried, "2026-03-06T17:10:00+03:00");
    const ids = [fridayFive, fridayQuarterToSix, saturday, mondayEarly, tried];
    h.setNow("2026-03-09T10:30:00+03:00"); // Monday: Friday 17:00 has waited 60 + 90 working minutes

    const byDefault = (await queue()).filter((e) => ids.includes(e.lead.id));
    const withinAnHour = (await queue("?untouchedMinutes=60")).filter((e) => ids.includes(e.lead.id));
    h.setNow(NOW);

    expect(byDefault.map((e) => [e.lead.id, e.reason, e.since, e.waitedWorkingMinutes])).toEqual([[fridayFive, "untouched", "2026-03-06T14:00:00.000Z", 150]]);
    expect(withinAnHour.map((e) => [e.lead.id, e.waitedWorkingMinutes])).toEqual([
      [fridayFive, 150],
      [fridayQuarterToSix, 105],
      [saturday, 90],
      [mondayEarly, 90],
    ]);
  });

  it("records a call-back's outcome, who and when; the lead leaves the queue and the outcome is listed on it", async () => {
    const lost = await arrive(h, source, ARRIVAL);
    await attempts(h, lost, UNREACHED);
    const untouched = await arrive(h, source, "2026-03-09T10:00:00+03:00");
    expect((await entryOf(untouched))?.reason).toBe("untouched");

    const res = await callBack(lost, { result: "reached", note: "  Перезвонит завтра " });
    const second = await callBack(untouched, { result: "no_answer" });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ result: "reached", note: "Перезвонит завтра", reason: "no_contact", personId: head.id, by: head.name, at: new Date(NOW).toISOString() });
    expect(second.body.reason).toBe("untouched");
    expect(await entryOf(lost)).toBeUndefined();
    expect(await entryOf(untouched)).toBeUndefined();
    const listed = await h.call("GET", `/api/callbacks/${lost}`, undefined, { key: head.key });
    expect(listed.body.items).toEqual([res.body]);
  });

  it("refuses unknown results and thresholds by name, unknown leads, and roles without call-backs", async () => {
    const id = await arrive(h, source, ARRIVAL);
    const bad = await callBack(id, { result: "maybe" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.path)).toEqual(["result"]);
    const badQuery = await h.call("GET", "/api/callbacks?untouchedMinutes=0", undefined, { key: head.key });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.issues.map((i: any) => i.path)).toEqual(["untouchedMinutes"]);
    expect((await callBack("01NOSUCHLEAD", { result: "reached" })).status).toBe(404);
    expect((await h.call("GET", "/api/callbacks", undefined, { key: manager.key })).status).toBe(403);
    expect((await h.call("POST", `/api/callbacks/${id}`, { result: "reached" }, { key: manager.key })).status).toBe(403);
  });
});
