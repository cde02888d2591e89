import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { createSource, fixtureWith, postHook, token } from "../support/intake.js";
import { addSalesPerson } from "../support/sales.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});

let sequence = 0;
/** A fresh numeric id, as amoCRM's deal and user ids are. */
const amoId = (base: number) => `${base + ++sequence}${Date.now() % 10_000}`;

const assigneeOf = async (leadId: string) => (await h.call("GET", `/api/leads/${leadId}`)).body.assigneeId;

/** An amoCRM `leads[add]` of one deal handled by CRM user `responsible`. */
async function amoDeal(sourceKey: string, responsible: string) {
  const externalId = amoId(41_000_000);
  const res = await postHook(h, sourceKey, fixtureWith("amocrm-lead-add.txt", { "31245678": externalId, "8123456": responsible }));
  expect(res.status, res.text).toBe(200);
  return { externalId, leadId: res.body.leads[0].id as string };
}

/** A `leads[update]` naming the deal's new responsible user (no stage move), form-encoded as amoCRM sends it. */
function responsibleBody(externalId: string, responsible: string) {
  const form = new URLSearchParams();
  form.append("leads[update][0][id]", externalId);
  form.append("leads[update][0][responsible_user_id]", responsible);
  form.append("leads[update][0][pipeline_id]", "7654321");
  form.append("account[id]", "29876543");
  return { contentType: "application/x-www-form-urlencoded", text: form.toString() };
}

/** A JSON source's lead; returns its id. */
async function jsonLead(sourceKey: string) {
  const res = await postHook(h, sourceKey, { contentType: "application/json", text: JSON.stringify({ externalId: `f-${token()}`, name: "Ирина", phone: `+7916${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}` }) });
  expect(res.status, res.text).toBe(200);
  return res.body.leads[0].id as string;
}

const setRule = (sourceId: string, rule: object, key?: string) => h.call("PUT", `/api/sources/${sourceId}/assignment`, rule, key ? { key } : {});

describe("assignment from amoCRM", () => {
  it("gives a captured deal to the person whose CRM user id is its responsible_user_id", async () => {
    const source = await createSource(h, "amocrm");
    const crmUser = amoId(8_100_000);
    const anna = await addSalesPerson(h, "manager", { crmUserIds: [crmUser] });

    const deal = await amoDeal(source.key, crmUser);

    expect(await assigneeOf(deal.leadId)).toBe(anna.id);
    const listed = await h.call("GET", `/api/leads/${deal.leadId}`, undefined, { key: anna.key });
    expect(listed.status).toBe(200);
  });

  it("leaves a deal of an unknown CRM user to the source's rule", async () => {
    const source = await createSource(h, "amocrm");
    const boris = await addSalesPerson(h, "manager");
    expect((await setRule(source.id, { mode: "fixed", personId: boris.id })).status).toBe(200);

    const deal = await amoDeal(source.key, amoId(8_200_000));

    expect(await assigneeOf(deal.leadId)).toBe(boris.id);
  });

  it("hands the lead over when a later amoCRM event names another responsible user, and keeps it for an unknown one", async () => {
    const source = await createSource(h, "amocrm");
    const [first, second] = [amoId(8_300_000), amoId(8_300_000)];
    const anna = await addSalesPerson(h, "manager", { crmUserIds: [first] });
    const vera = await addSalesPerson(h, "manager", { crmUserIds: [second] });
    const deal = await amoDeal(source.key, first);

    const moved = await postHook(h, source.key, responsibleBody(deal.externalId, second));
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.responsibles).toEqual([{ externalId: deal.externalId, leadId: deal.leadId, outcome: "assigned", assigneeId: vera.id }]);
    expect(await assigneeOf(deal.leadId)).toBe(vera.id);

    const unknown = await postHook(h, source.key, responsibleBody(deal.externalId, amoId(8_400_000)));
    expect(unknown.body.responsibles[0]).toMatchObject({ outcome: "unknown_user", assigneeId: vera.id });
    expect(await assigneeOf(deal.leadId)).toBe(vera.id);
    expect(anna.id).not.toBe(vera.id);
  });

  it("moves the lead on a status webhook that names another responsible user", async () => {
    const source = await createSource(h, "amocrm");
    const [first, second] = [amoId(8_500_000), amoId(8_500_000)];
    await addSalesPerson(h, "manager", { crmUserIds: [first] });
    const gleb = await addSalesPerson(h, "manager", { crmUserIds: [second] });
    const deal = await amoDeal(source.key, first);

    const res = await postHook(h, source.key, fixtureWith("amocrm-status-won.txt", { "31245678": deal.externalId, "8123456": second }));

    expect(res.body.statusChanges[0].outcome).toBe("applied");
    expect(await assigneeOf(deal.leadId)).toBe(gleb.id);
  });
});

describe("assignment rules per source", () => {
  it("gives new leads to the managers in turn, the first of the list first", async () => {
    const source = await createSource(h, "json");
    const managers = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const set = await setRule(source.id, { mode: "round_robin", personIds: managers.map((m) => m.id) });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ sourceId: source.id, mode: "round_robin", personIds: managers.map((m) => m.id) });
    expect((await h.call("GET", `/api/sources/${source.id}/assignment`)).body).toMatchObject({ mode: "round_robin", personIds: managers.map((m) => m.id) });

    const assigned = [];
    for (let i = 0; i < 4; i++) assigned.push(await assigneeOf(await jsonLead(source.key)));

    expect(assigned).toEqual([managers[0]!.id, managers[1]!.id, managers[2]!.id, managers[0]!.id]);
  });

  it("stays fair when leads arrive at once: each manager gets the same number", async () => {
    const source = await createSource(h, "json");
    const managers = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    await setRule(source.id, { mode: "round_robin", personIds: managers.map((m) => m.id) });

    const leadIds = await Promise.all(Array.from({ length: 12 }, () => jsonLead(source.key)));

    const counts = new Map<string, number>();
    for (const id of leadIds) {
      const assignee = await assigneeOf(id);
      counts.set(assignee, (counts.get(assignee) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(managers.map((m) => [m.id, 4])));
  });

  it("takes no turn for a redelivered lead", async () => {
    const source = await createSource(h, "json");
    const [a, b] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    await setRule(source.id, { mode: "round_robin", personIds: [a.id, b.id] });
    const body = { contentType: "application/json", text: JSON.stringify({ externalId: `f-${token()}`, name: "Олег", phone: "+79160000001" }) };

    const first = await postHook(h, source.key, body);
    const again = await postHook(h, source.key, body);
    const next = await jsonLead(source.key);

    expect(again.body.leads[0]).toMatchObject({ id: first.body.leads[0].id, duplicate: true });
    expect(await assigneeOf(first.body.leads[0].id)).toBe(a.id);
    expect(await assigneeOf(next)).toBe(b.id);
  });

  it("gives every new lead to a fixed manager, and to nobody with mode none", async () => {
    const source = await createSource(h, "json");
    const dina = await addSalesPerson(h, "manager");
    await setRule(source.id, { mode: "fixed", personId: dina.id });
    expect(await assigneeOf(await jsonLead(source.key))).toBe(dina.id);
    expect(await assigneeOf(await jsonLead(source.key))).toBe(dina.id);

    expect((await setRule(source.id, { mode: "none" })).body).toMatchObject({ mode: "none", personIds: [] });
    expect(await assigneeOf(await jsonLead(source.key))).toBeNull();
  });

  it("refuses people who do not exist or are not managers, naming the field", async () => {
    const source = await createSource(h, "json");
    const manager = await addSalesPerson(h, "manager");
    const head = await addSalesPerson(h, "sales_head");

    const missing = await setRule(source.id, { mode: "fixed", personId: "01J0NOBODY0000000000000000" });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: "not_found" });
    expect(missing.text).toContain("personId");

    const notManager = await setRule(source.id, { mode: "round_robin", personIds: [manager.id, head.id] });
    expect(notManager.status).toBe(400);
    expect(notManager.body.issues).toEqual([{ path: "personIds.1", message: `person ${head.id} is not a manager` }]);

    const empty = await setRule(source.id, { mode: "round_robin", personIds: [] });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("personIds");

    expect((await h.call("GET", `/api/sources/${source.id}/assignment`)).body).toMatchObject({ mode: "none", updatedAt: null });
  });

  it("lets the head of sales set the rule, not a manager", async () => {
    const source = await createSource(h, "json");
    const manager = await addSalesPerson(h, "manager");
    const head = await addSalesPerson(h, "sales_head");
    expect((await setRule(source.id, { mode: "fixed", personId: manager.id }, head.key)).status).toBe(200);
    expect((await setRule(source.id, { mode: "none" }, manager.key)).status).toBe(403);
    expect((await h.call("GET", `/api/sources/${source.id}/assignment`, undefined, { key: head.key })).body.mode).toBe("fixed");
  });
});
