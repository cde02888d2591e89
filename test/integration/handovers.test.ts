import { beforeAll, describe, expect, it } from "vitest";
import { Handovers } from "../../packages/core/src/lead/handovers.js";
import { createHarness, type Harness } from "../support/harness.js";
import { createSource, postHook, token } from "../support/intake.js";
import { addSalesPerson } from "../support/sales.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});

/** A lead captured from a source whose rule gives it to `personId`. */
async function leadOf(personId: string) {
  const source = await createSource(h, "json");
  await h.call("PUT", `/api/sources/${source.id}/assignment`, { mode: "fixed", personId });
  const res = await postHook(h, source.key, { contentType: "application/json", text: JSON.stringify({ externalId: `f-${token()}`, name: "Павел" }) });
  return res.body.leads[0].id as string;
}

const assigneeOf = async (leadId: string) => (await h.call("GET", `/api/leads/${leadId}`)).body.assigneeId;
const listedFor = async (leadId: string) => (await h.call("GET", `/api/leads/${leadId}/handovers`)).body.items;

describe("hand-overs", () => {
  it("gives the lead to another manager until a time, then the sweep gives it back", async () => {
    h.setNow("2026-03-02T09:00:00Z");
    const [anna, boris, head] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager"), await addSalesPerson(h, "sales_head")];
    const leadId = await leadOf(anna.id);

    const res = await h.call("POST", `/api/leads/${leadId}/handovers`, { to: boris.id, until: "2026-03-09T09:00:00+03:00", reason: "отпуск" }, { key: head.key });

    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ leadId, from: anna.id, to: boris.id, at: "2026-03-02T09:00:00.000Z", until: "2026-03-09T06:00:00.000Z", reason: "отпуск", actorName: head.name, active: true, returnedAt: null });
    expect(await assigneeOf(leadId)).toBe(boris.id);

    h.setNow("2026-03-09T05:59:00Z");
    expect(await Handovers.returnDue(h.ctx)).toMatchObject({ returned: 0 });
    expect(await assigneeOf(leadId)).toBe(boris.id);

    h.setNow("2026-03-09T06:01:00Z");
    // Before the sweep, the list already shows it over.
    expect((await listedFor(leadId))[0]).toMatchObject({ active: false, returnedAt: "2026-03-09T06:00:00.000Z" });
    expect((await Handovers.returnDue(h.ctx)).returned).toBeGreaterThanOrEqual(1);
    expect(await assigneeOf(leadId)).toBe(anna.id);
    expect(await listedFor(leadId)).toEqual([expect.objectContaining({ from: anna.id, to: boris.id, active: false, returnedAt: "2026-03-09T06:01:00.000Z" })]);

    // A second sweep finds nothing left to return.
    expect(await Handovers.returnDue(h.ctx)).toEqual({ returned: 0, kept: 0 });
    expect(await assigneeOf(leadId)).toBe(anna.id);
  });

  it("keeps the lead where the head of sales moved it meanwhile", async () => {
    h.setNow("2026-03-02T09:00:00Z");
    const [anna, boris, vera] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const leadId = await leadOf(anna.id);
    await h.call("POST", `/api/leads/${leadId}/handovers`, { to: boris.id, until: "2026-03-03T09:00:00Z", reason: "болеет" });
    await h.call("PATCH", `/api/leads/${leadId}`, { assigneeId: vera.id });

    h.setNow("2026-03-03T09:30:00Z");
    await Handovers.returnDue(h.ctx);

    expect(await assigneeOf(leadId)).toBe(vera.id);
    expect((await listedFor(leadId))[0]).toMatchObject({ active: false, returnedAt: null });
  });

  it("hands over for good without until, names who did it, and lists hand-overs oldest first", async () => {
    h.setNow("2026-03-02T09:00:00Z");
    const [anna, boris, vera] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const leadId = await leadOf(anna.id);
    await h.call("POST", `/api/leads/${leadId}/handovers`, { to: boris.id, reason: "перевод" });
    h.setNow("2026-03-02T10:00:00Z");
    await h.call("POST", `/api/leads/${leadId}/handovers`, { to: vera.id, reason: "второй перевод" });

    expect(await listedFor(leadId)).toEqual([
      expect.objectContaining({ from: anna.id, to: boris.id, until: null, active: true, actorName: "owner" }),
      expect.objectContaining({ from: boris.id, to: vera.id, at: "2026-03-02T10:00:00.000Z", active: true }),
    ]);
    expect(await assigneeOf(leadId)).toBe(vera.id);
  });

  it("refuses an until in the past, an unknown person, the lead's own person, and a manager's key", async () => {
    h.setNow("2026-03-02T09:00:00Z");
    const [anna, boris] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const leadId = await leadOf(anna.id);
    const post = (body: object, key?: string) => h.call("POST", `/api/leads/${leadId}/handovers`, body, key ? { key } : {});

    const past = await post({ to: boris.id, until: "2026-03-01T09:00:00Z", reason: "x" });
    expect(past.status).toBe(400);
    expect(past.body.issues).toEqual([{ path: "until", message: "must be in the future" }]);

    const unknown = await post({ to: "01J0NOBODY0000000000000000", reason: "x" });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain("to");

    const same = await post({ to: anna.id, reason: "x" });
    expect(same.status).toBe(400);
    expect(same.body.issues).toEqual([{ path: "to", message: "is the lead's person already" }]);

    expect((await post({ to: boris.id })).status).toBe(400);
    expect((await post({ to: boris.id, reason: "x" }, anna.key)).status).toBe(403);
    expect(await assigneeOf(leadId)).toBe(anna.id);
    expect(await listedFor(leadId)).toEqual([]);
  });
});
