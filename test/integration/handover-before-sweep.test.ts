import { beforeAll, describe, expect, it } from "vitest";
import { Handovers } from "../../packages/core/src/lead/handovers.js";
import { createSource, postHook, token } from "../support/intake.js";
import { addSalesPerson } from "../support/sales.js";
import { createWebHarness, type WebHarness } from "../support/web.js";

let h: WebHarness;
beforeAll(async () => {
  h = await createWebHarness({ now: "2026-04-06T09:00:00Z" });
});

/** A lead captured from a source whose rule gives it to `personId`. */
async function leadOf(personId: string, name = "Ольга") {
  const source = await createSource(h, "json");
  await h.call("PUT", `/api/sources/${source.id}/assignment`, { mode: "fixed", personId });
  const res = await postHook(h, source.key, { contentType: "application/json", text: JSON.stringify({ externalId: `b-${token()}`, name }) });
  return res.body.leads[0].id as string;
}

describe("a hand-over whose time has passed, before the sweep", () => {
  it("reads as returned: the lead, the lists, the export, the call-back queue and each manager's own leads, in the API and on the pages, and the sweep changes none of it", async () => {
    // Prepare: Anna's lead handed to Boris for a day; the clock a minute past its end, no sweep yet.
    h.setNow("2026-04-06T09:00:00Z");
    const [anna, boris, head] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager"), await addSalesPerson(h, "sales_head")];
    const name = `Ольга ${token()}`;
    const leadId = await leadOf(anna.id, name);
    const handed = await h.call("POST", `/api/leads/${leadId}/handovers`, { to: boris.id, until: "2026-04-07T09:00:00Z", reason: "отгул" }, { key: head.key });
    expect(handed.status, handed.text).toBe(201);
    h.setNow("2026-04-07T09:01:00Z");

    const [annaWeb, borisWeb] = [h.browser({ acceptLanguage: "ru" }), h.browser({ acceptLanguage: "ru" })];
    await annaWeb.signIn(anna.key);
    await borisWeb.signIn(boris.key);

    // Act + Assess: what each reader sees, before and after the sweep.
    const seen = async () => {
      const lead = await h.call("GET", `/api/leads/${leadId}`, undefined, { key: head.key });
      const listed = (await h.call("GET", "/api/leads?limit=200", undefined, { key: head.key })).body.items.find((l: { id: string }) => l.id === leadId);
      const own = async (key: string) => (await h.call("GET", "/api/leads", undefined, { key })).body.items.map((l: { id: string }) => l.id);
      const queued = (await h.call("GET", "/api/callbacks", undefined, { key: head.key })).body.items.find((e: { lead: { id: string } }) => e.lead.id === leadId);
      const exported = async (query: string) => (await h.call("GET", `/api/leads/export?format=csv${query}`)).text.split("\r\n").find((line) => line.includes(name));
      return {
        assignee: lead.body.assigneeId,
        exportedAssignee: (await exported(""))?.includes(anna.name),
        annaExport: (await exported(`&assigneeId=${anna.id}`)) !== undefined,
        borisExport: (await exported(`&assigneeId=${boris.id}`)) !== undefined,
        callbackAssignee: queued?.assignee?.id,
        listedAssignee: listed?.assigneeId,
        annaReads: (await h.call("GET", `/api/leads/${leadId}`, undefined, { key: anna.key })).status,
        borisReads: (await h.call("GET", `/api/leads/${leadId}`, undefined, { key: boris.key })).status,
        annaLists: (await own(anna.key)).includes(leadId),
        borisLists: (await own(boris.key)).includes(leadId),
        annaAttempt: (await h.call("GET", `/api/leads/${leadId}/contact-attempts`, undefined, { key: anna.key })).status,
        borisAttempt: (await h.call("GET", `/api/leads/${leadId}/contact-attempts`, undefined, { key: boris.key })).status,
        annaPage: (await annaWeb.get(`/leads/${leadId}`)).status,
        borisPage: (await borisWeb.get(`/leads/${leadId}`)).status,
        annaQueue: (await annaWeb.get("/leads")).html.includes(leadId),
        borisQueue: (await borisWeb.get("/leads")).html.includes(leadId),
      };
    };
    const returned = { assignee: anna.id, exportedAssignee: true, annaExport: true, borisExport: false, callbackAssignee: anna.id, listedAssignee: anna.id, annaReads: 200, borisReads: 404, annaLists: true, borisLists: false, annaAttempt: 200, borisAttempt: 404, annaPage: 200, borisPage: 404, annaQueue: true, borisQueue: false };

    expect(await seen()).toEqual(returned);
    expect((await Handovers.returnDue(h.ctx)).returned).toBeGreaterThanOrEqual(1);
    expect(await seen()).toEqual(returned);
  });

  it("lets only the person it went back to work it, and answers the write with them as its person", async () => {
    h.setNow("2026-04-06T09:00:00Z");
    const [anna, boris] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const leadId = await leadOf(anna.id);
    await h.call("POST", `/api/leads/${leadId}/handovers`, { to: boris.id, until: "2026-04-07T09:00:00Z", reason: "отгул" });
    h.setNow("2026-04-07T09:01:00Z");
    const attempt = (key: string) => h.call("POST", `/api/leads/${leadId}/contact-attempts`, { at: "2026-04-07T09:01:00Z", channel: "phone", result: "no_answer" }, { key });

    const [byBoris, byAnna] = [await attempt(boris.key), await attempt(anna.key)];

    expect(byBoris.status).toBe(404);
    expect(byAnna.status, byAnna.text).toBe(201);
    expect(byAnna.body.lead.assigneeId).toBe(anna.id);
  });

  it("lists a passed hand-over of a lead moved meanwhile as not returned, as the sweep ends it", async () => {
    h.setNow("2026-04-06T09:00:00Z");
    const [anna, boris, vera] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const leadId = await leadOf(anna.id);
    await h.call("POST", `/api/leads/${leadId}/handovers`, { to: boris.id, until: "2026-04-07T09:00:00Z", reason: "болеет" });
    await h.call("PATCH", `/api/leads/${leadId}`, { assigneeId: vera.id });
    h.setNow("2026-04-07T09:01:00Z");
    const seen = async () => ({
      assignee: (await h.call("GET", `/api/leads/${leadId}`)).body.assigneeId,
      handover: (await h.call("GET", `/api/leads/${leadId}/handovers`)).body.items[0],
    });
    const kept = { assignee: vera.id, handover: expect.objectContaining({ active: false, returnedAt: null }) };

    expect(await seen()).toEqual(kept);
    await Handovers.returnDue(h.ctx);
    expect(await seen()).toEqual(kept);
  });

  it("decides two passed hand-overs the way the sweep will, soonest end first", async () => {
    // Anna -> Boris until the 9th; Boris -> Vera until the 8th (ends first, back to Boris, then back to Anna).
    h.setNow("2026-04-06T09:00:00Z");
    const [anna, boris, vera] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const leadId = await leadOf(anna.id);
    await h.call("POST", `/api/leads/${leadId}/handovers`, { to: boris.id, until: "2026-04-09T09:00:00Z", reason: "отпуск" });
    await h.call("POST", `/api/leads/${leadId}/handovers`, { to: vera.id, until: "2026-04-08T09:00:00Z", reason: "командировка" });
    h.setNow("2026-04-10T09:00:00Z");
    const assignee = async () => (await h.call("GET", `/api/leads/${leadId}`)).body.assigneeId;

    expect(await assignee()).toBe(anna.id);
    await Handovers.returnDue(h.ctx);
    expect(await assignee()).toBe(anna.id);
  });
});

describe("deciding a lead's person after a hand-over has passed, before the sweep", () => {
  it("hands it on from the person it went back to, and the sweep does not undo a later decision", async () => {
    h.setNow("2026-04-06T09:00:00Z");
    const [anna, boris, vera] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const [handedOn, assigned] = [await leadOf(anna.id), await leadOf(anna.id)];
    for (const leadId of [handedOn, assigned]) await h.call("POST", `/api/leads/${leadId}/handovers`, { to: boris.id, until: "2026-04-07T09:00:00Z", reason: "отгул" });
    h.setNow("2026-04-07T10:00:00Z");

    // Anna has both again; the head gives one on to Vera, and the other back to Boris for good.
    const again = await h.call("POST", `/api/leads/${handedOn}/handovers`, { to: anna.id, reason: "снова" });
    const onward = await h.call("POST", `/api/leads/${handedOn}/handovers`, { to: vera.id, reason: "перевод" });
    const toBoris = await h.call("PATCH", `/api/leads/${assigned}`, { assigneeId: boris.id });
    await Handovers.returnDue(h.ctx);

    expect(again.status).toBe(400);
    expect(again.body.issues).toEqual([{ path: "to", message: "is the lead's person already" }]);
    expect(onward.body).toMatchObject({ from: anna.id, to: vera.id });
    expect(toBoris.body.assigneeId).toBe(boris.id);
    expect((await h.call("GET", `/api/leads/${handedOn}`)).body.assigneeId).toBe(vera.id);
    expect((await h.call("GET", `/api/leads/${assigned}`)).body.assigneeId).toBe(boris.id);
    expect((await h.call("GET", `/api/leads/${assigned}/handovers`)).body.items[0]).toMatchObject({ active: false, returnedAt: "2026-04-07T10:00:00.000Z" });
  });
});
