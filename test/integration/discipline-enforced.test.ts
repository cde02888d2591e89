import { beforeAll, describe, expect, it } from "vitest";
import { ARRIVAL, arrive, attempt, leadDesk } from "../support/discipline.js";
import type { Harness } from "../support/harness.js";
import { createCampaign, createSource, fixtureWith, postHook, token } from "../support/intake.js";
import { addSalesPerson, type SalesPerson } from "../support/sales.js";

let h: Harness;
let source: { key: string; id: string };
let anna: SalesPerson;
let boris: SalesPerson;

beforeAll(async () => {
  ({ h, source } = await leadDesk());
  [anna, boris] = await Promise.all([addSalesPerson(h, "manager", { duty: "leads" }), addSalesPerson(h, "manager", { duty: "leads" })]);
});

const lead = async (id: string) => (await h.call("GET", `/api/leads/${id}`)).body;
const assign = (id: string, person: SalesPerson) => h.call("PATCH", `/api/leads/${id}`, { assigneeId: person.id });
const attemptBy = (person: SalesPerson, id: string, at: string) =>
  h.call("POST", `/api/leads/${id}/contact-attempts`, { at, channel: "phone", result: "no_answer" }, { key: person.key });

describe("required tags on a move", () => {
  it("refuses a person's move to a stage whose required tags are missing, naming them, and lets it through once they are set", async () => {
    const own = await createSource(h, "json");
    await h.call("PUT", `/api/sources/${own.id}/required-tags`, { fromStage: "qualified", tags: ["clientType", "city"] });
    const id = await arrive(h, own, ARRIVAL, { stages: [{ stage: "contacted" }] });

    const refused = await h.call("PATCH", `/api/leads/${id}`, { stage: "qualified" });

    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: "required_tags_missing", stage: "qualified", missing: ["clientType", "city"] });
    expect(refused.body.message).toContain("clientType, city");
    expect((await lead(id)).stage).toBe("contacted");
    // A stage past the required one needs them too; losing the lead does not.
    expect((await h.call("PATCH", `/api/leads/${id}`, { stage: "won", amount: "1000" })).body.missing).toEqual(["clientType", "city"]);
    await h.call("PUT", `/api/leads/${id}/tags`, { city: "Тула" });
    expect((await h.call("PATCH", `/api/leads/${id}`, { stage: "qualified" })).body.missing).toEqual(["clientType"]);
    await h.call("PUT", `/api/leads/${id}/tags`, { city: "Тула", clientType: "retail" });
    expect((await h.call("PATCH", `/api/leads/${id}`, { stage: "qualified" })).status).toBe(200);
    const other = await arrive(h, own, ARRIVAL, { stages: [{ stage: "contacted" }] });
    expect((await h.call("PATCH", `/api/leads/${other}`, { stage: "lost", lostReason: "Дорого" })).status).toBe(200);
  });

  it("takes the hypothesis's requirements too", async () => {
    const own = await createSource(h, "json");
    const { hypothesisId, utm } = await createCampaign(h, "yandex", token());
    await h.call("PUT", `/api/hypotheses/${hypothesisId}/required-tags`, { fromStage: "contacted", tags: ["storeCount"] });
    const id = await arrive(h, own, ARRIVAL, { utm });
    expect((await lead(id)).hypothesisId).toBe(hypothesisId);

    const refused = await h.call("PATCH", `/api/leads/${id}`, { stage: "contacted" });

    expect(refused.status).toBe(409);
    expect(refused.body.missing).toEqual(["storeCount"]);
  });

  it("does not refuse a CRM's move (the CRM is the source of truth); the quality report lists the lead", async () => {
    const crm = await createSource(h, "amocrm", { "55512348": "qualified" });
    await h.call("PUT", `/api/sources/${crm.id}/required-tags`, { fromStage: "qualified", tags: ["city"] });
    const externalId = `${31_400_000 + Math.floor(Math.random() * 99_999)}`;
    const utmCampaign = `bags_${token()}`;
    const { hypothesisId } = await createCampaign(h, "yandex", utmCampaign);
    const added = await postHook(h, crm.key, fixtureWith("amocrm-lead-add.txt", { "31245678": externalId, bags_spring_2025: utmCampaign }));
    const id: string = added.body.leads[0].id;
    const form = new URLSearchParams({
      "leads[status][0][id]": externalId,
      "leads[status][0][status_id]": "55512348",
      "leads[status][0][old_status_id]": "55512345",
      "leads[status][0][pipeline_id]": "7654321",
      "account[subdomain]": "sumkishop",
      "account[id]": "29876543",
    });

    const moved = await postHook(h, crm.key, { contentType: "application/x-www-form-urlencoded", text: form.toString() });

    expect(moved.status).toBe(200);
    expect((await lead(id)).stage).toBe("qualified");
    const report = (await h.call("GET", `/api/quality?hypothesisId=${hypothesisId}`)).body;
    expect(report.people[0].missingTags.leads).toContainEqual({ id, stage: "qualified", missing: ["city"] });
  });
});

describe("the five-attempt rule per assignee", () => {
  it("starts a new assignee's run from zero: a lead handed over after 3 unanswered attempts needs 5 more", async () => {
    const id = await arrive(h, source, ARRIVAL);
    await assign(id, anna);
    for (const at of ["2026-03-02T10:00:00+03:00", "2026-03-02T19:00:00+03:00", "2026-03-03T10:00:00+03:00"]) expect((await attemptBy(anna, id, at)).status).toBe(201);
    expect((await lead(id)).contactAttempts.unansweredInARow).toBe(3);

    await assign(id, boris);

    expect((await lead(id)).contactAttempts).toMatchObject({ count: 3, unansweredInARow: 0 });
    // Boris's attempts all on one day: his fifth would be refused for the spread, whatever Anna did.
    for (const at of ["2026-03-04T10:00:00+03:00", "2026-03-04T11:00:00+03:00", "2026-03-04T19:00:00+03:00", "2026-03-04T20:00:00+03:00"]) {
      const res = await attemptBy(boris, id, at);
      expect(res.status).toBe(201);
      expect(res.body.stageChange).toBeNull();
    }
    const fifth = await attemptBy(boris, id, "2026-03-04T21:00:00+03:00");
    expect(fifth.status).toBe(409);
    expect(fifth.body).toMatchObject({ error: "contact_attempts_not_spread", missing: ["days"] });
    const lost = await attemptBy(boris, id, "2026-03-05T10:00:00+03:00");
    expect(lost.body).toMatchObject({ stageChange: "lost", lead: { stage: "lost", lostReason: "no_contact" } });
    const made = (await h.call("GET", `/api/leads/${id}/contact-attempts`)).body.items;
    expect(made.map((a: any) => a.personId)).toEqual([anna.id, anna.id, anna.id, boris.id, boris.id, boris.id, boris.id, boris.id]);
    expect(made[0].by).toBe(anna.name);
  });

  it("keeps one run for an unassigned lead and for keys without a person", async () => {
    const id = await arrive(h, source, ARRIVAL);
    for (const at of ["2026-03-02T10:00:00+03:00", "2026-03-02T19:00:00+03:00", "2026-03-03T10:00:00+03:00", "2026-03-03T19:00:00+03:00"]) {
      expect((await attempt(h, id, at)).status).toBe(201);
    }
    const fifth = await attempt(h, id, "2026-03-04T10:00:00+03:00");
    expect(fifth.body).toMatchObject({ stageChange: "lost", attempt: { personId: null } });
  });
});

describe("time to first contact", () => {
  it("records who made the first attempt and how long after arrival, in working time too", async () => {
    const id = await arrive(h, source, ARRIVAL); // Monday 08:00 Moscow
    await assign(id, anna);
    await attemptBy(anna, id, "2026-03-02T11:00:00+03:00");
    expect((await lead(id)).contactAttempts).toMatchObject({
      firstAt: "2026-03-02T08:00:00.000Z",
      firstBy: { personId: anna.id, name: anna.name },
      firstContactMinutes: 180,
      firstContactWorkingMinutes: 120,
    });

    // An earlier attempt recorded later is the first one, and its maker the one who made first contact
    // (Boris, once the lead is his: a manager records attempts on their own leads only).
    await assign(id, boris);
    await attemptBy(boris, id, "2026-03-02T09:30:00+03:00");

    expect((await lead(id)).contactAttempts).toMatchObject({ firstBy: { personId: boris.id }, firstContactMinutes: 90, firstContactWorkingMinutes: 30 });
  });

  it("counts a weekend in working hours: a lead from Friday evening reached on Monday at 10:00 waited one working hour", async () => {
    const id = await arrive(h, source, "2026-03-06T19:00:00+03:00");
    await assign(id, anna);
    await attemptBy(anna, id, "2026-03-09T10:00:00+03:00");
    expect((await lead(id)).contactAttempts).toMatchObject({ firstContactMinutes: 3 * 24 * 60 - 9 * 60, firstContactWorkingMinutes: 60 });
  });

  it("shows no first contact before any attempt", async () => {
    const id = await arrive(h, source, ARRIVAL);
    expect((await lead(id)).contactAttempts).toMatchObject({ count: 0, firstAt: null, firstBy: null, firstContactMinutes: null });
  });
});
