import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { token } from "../support/intake.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-10T12:00:00Z" });
});

describe("people of the sales department", () => {
  it("adds a lead manager with CRM user ids and lists them", async () => {
    const crmUserId = `u${token()}`;
    const res = await h.call("POST", "/api/people", { name: "Ольга Звонарёва", role: "manager", email: "olga@shop.example", crmUserIds: [crmUserId] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "Ольга Звонарёва", role: "manager", duty: "leads", email: "olga@shop.example", crmUserIds: [crmUserId] });
    const list = await h.call("GET", "/api/people");
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);
  });

  it("refuses a CRM user id another person already has, naming it", async () => {
    const crmUserId = `u${token()}`;
    expect((await h.call("POST", "/api/people", { name: "Первый", role: "manager", crmUserIds: [crmUserId] })).status).toBe(201);
    const second = await h.call("POST", "/api/people", { name: "Второй", role: "manager", duty: "accounts", crmUserIds: [crmUserId] });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: "crm_user_taken" });
    expect(second.text).toContain(crmUserId);
  });

  it("refuses a person without a name or with an unknown role, naming the field", async () => {
    const res = await h.call("POST", "/api/people", { name: " ", role: "director" });
    expect(res.status).toBe(400);
    expect(res.text).toContain("name");
    expect(res.text).toContain("role");
  });
});

describe("keys bound to a person", () => {
  it("makes a manager's key named after the person, and it acts as that person", async () => {
    const person = (await h.call("POST", "/api/people", { name: "Игорь Лидов", role: "manager" })).body;
    const key = await h.call("POST", "/api/keys", { role: "manager", personId: person.id });
    expect(key.status).toBe(201);
    expect(key.body.name).toBe("Игорь Лидов");
    const listed = (await h.call("GET", "/api/keys")).body.items.find((k: { id: string }) => k.id === key.body.id);
    expect(listed).toMatchObject({ role: "manager", personId: person.id, name: "Игорь Лидов" });
  });

  it("refuses a manager key without a person, and a person's key of another role", async () => {
    const missing = await h.call("POST", "/api/keys", { role: "manager" });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain("personId");
    const head = (await h.call("POST", "/api/people", { name: "Руководитель", role: "sales_head" })).body;
    const wrong = await h.call("POST", "/api/keys", { role: "manager", personId: head.id });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("role");
    const unknown = await h.call("POST", "/api/keys", { role: "sales_head", personId: "01NOSUCHPERSON000000000000" });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ field: "personId", message: "personId: person 01NOSUCHPERSON000000000000 does not exist" });
  });
});

describe("assigning a lead by hand", () => {
  it("lets the head of sales give a lead to a manager and take it away, and refuses a manager doing it", async () => {
    const { addSalesPerson } = await import("../support/sales.js");
    const { arrive, ARRIVAL } = await import("../support/discipline.js");
    const { createSource } = await import("../support/intake.js");
    const source = await createSource(h, "json");
    const leadId = await arrive(h, source, ARRIVAL);
    const [manager, head] = await Promise.all([addSalesPerson(h, "manager"), addSalesPerson(h, "sales_head")]);

    const assigned = await h.call("PATCH", `/api/leads/${leadId}`, { assigneeId: manager.id }, { key: head.key });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body.assigneeId).toBe(manager.id);

    const byManager = await h.call("PATCH", `/api/leads/${leadId}`, { assigneeId: null }, { key: manager.key });
    expect(byManager.status).toBe(403);

    const unknown = await h.call("PATCH", `/api/leads/${leadId}`, { assigneeId: "01NOSUCHPERSON000000000000" });
    expect(unknown.status).toBe(404);
    // Names the field of the body that points nowhere, as a hand-over's `to` does.
    expect(unknown.body).toMatchObject({ field: "assigneeId", message: "assigneeId: person 01NOSUCHPERSON000000000000 does not exist" });

    const cleared = await h.call("PATCH", `/api/leads/${leadId}`, { assigneeId: null });
    expect(cleared.body.assigneeId).toBeNull();
  });

  it("names the field when a body is neither a stage change nor an assignment", async () => {
    const res = await h.call("PATCH", "/api/leads/01NOSUCHLEAD00000000000000", { stage: "flying" });
    expect(res.status).toBe(400);
    expect(res.text).toContain("stage");
  });
});
