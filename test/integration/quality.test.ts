import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { ARRIVAL, arrive, attempt, attempts, leadDesk, lostReasons } from "../support/discipline.js";
import type { Harness } from "../support/harness.js";
import { countersOn, createSource, token } from "../support/intake.js";

let h: Harness;
let source: { key: string; id: string };

beforeAll(async () => {
  ({ h, source } = await leadDesk());
});

/** A hypothesis run by `responsible`, with one campaign. */
async function channelOf(responsible: string) {
  const hypothesis = await h.call("POST", "/api/hypotheses", {
    title: `Оптовые продажи ${newId()}`,
    statement: "Директ приводит владельцев магазинов дешевле 3000 ₽ за клиента",
    channel: "yandex_direct",
    responsible,
    budget: "100000",
    probe: { start: "2026-03-01", end: "2026-03-31" },
    targets: { cplMax: "1500" },
  });
  const utm = { utm_source: "yandex", utm_campaign: token() };
  const campaign = await h.call("POST", `/api/hypotheses/${hypothesis.body.id}/campaigns`, { utmSource: utm.utm_source, utmCampaign: utm.utm_campaign });
  return { hypothesisId: hypothesis.body.id as string, campaignId: campaign.body.id as string, utm };
}

const quality = async (query = "") => {
  const res = await h.call("GET", `/api/quality${query}`);
  if (res.status !== 200) throw new Error(`no quality report: ${res.text}`);
  return res.body;
};
const personIn = (report: any, responsible: string) => report.people.find((p: any) => p.responsible === responsible);

describe("the quality report", () => {
  it("lists, per responsible person, the leads past a required stage that miss required tags", async () => {
    const person = `Ирина ${newId()}`;
    const { hypothesisId, utm } = await channelOf(person);
    const otherSource = await createSource(h, "json");
    const early = await arrive(h, source, ARRIVAL, { utm, stages: [{ stage: "contacted" }] });
    const untagged = await arrive(h, source, ARRIVAL, { utm, stages: [{ stage: "qualified" }] });
    const tagged = await arrive(h, source, ARRIVAL, { utm, stages: [{ stage: "qualified" }] });
    await h.call("PUT", `/api/leads/${tagged}/tags`, { clientType: "retail", city: "Тула" });
    const viaOtherSource = await arrive(h, otherSource, ARRIVAL, { utm, stages: [{ stage: "proposal" }] });
    await h.call("PUT", `/api/leads/${viaOtherSource}/tags`, { clientType: "retail", city: "Тула" });
    const lostAfterQualifying = await arrive(h, source, ARRIVAL, { utm, stages: [{ stage: "qualified" }, { stage: "lost", lostReason: "Дорого" }] });
    await h.call("PUT", `/api/leads/${lostAfterQualifying}/tags`, { city: "Тула" });
    // Set after the moves: a person's move to a stage missing required tags is refused now, so the leads a report lists are those that got there before the requirement (or by the CRM).
    await h.call("PUT", `/api/hypotheses/${hypothesisId}/required-tags`, { fromStage: "qualified", tags: ["clientType", "city"] });
    await h.call("PUT", `/api/sources/${otherSource.id}/required-tags`, { fromStage: "proposal", tags: ["storeCount"] });

    const report = await quality(`?hypothesisId=${hypothesisId}`);

    expect(report).toMatchObject({ hypothesisId, leadsRead: 5 });
    expect(report.people).toHaveLength(1);
    expect(report.people[0]).toMatchObject({ responsible: person, leads: 5 });
    expect(report.people[0].missingTags).toEqual({
      count: 3,
      truncated: false,
      leads: expect.arrayContaining([
        { id: untagged, stage: "qualified", missing: ["clientType", "city"] },
        { id: viaOtherSource, stage: "proposal", missing: ["storeCount"] },
        { id: lostAfterQualifying, stage: "lost", missing: ["clientType"] },
      ]),
    });
    expect(report.people[0].missingTags.leads.map((l: any) => l.id)).not.toContain(early);
  });

  it("puts a person's hypotheses together and leads of no hypothesis under unassigned", async () => {
    const person = `Борис ${newId()}`;
    const first = await channelOf(person);
    const second = await channelOf(person);
    await arrive(h, source, ARRIVAL, { utm: first.utm });
    await arrive(h, source, ARRIVAL, { utm: second.utm });
    const stray = await arrive(h, source, ARRIVAL, { utm: { utm_source: "instagram", utm_campaign: token() }, stages: [{ stage: "qualified" }] });
    await h.call("PUT", `/api/sources/${source.id}/required-tags`, { fromStage: "qualified", tags: ["clientType"] });

    const report = await quality();

    expect(personIn(report, person)).toMatchObject({ leads: 2 });
    const unassigned = report.people.at(-1);
    expect(unassigned.responsible).toBe("unassigned");
    expect(unassigned.missingTags.leads).toContainEqual({ id: stray, stage: "qualified", missing: ["clientType"] });
    expect(report.leadsRead).toBeGreaterThanOrEqual(3);
    await h.call("PUT", `/api/sources/${source.id}/required-tags`, { fromStage: "new", tags: [] });
  });

  it("gives the median hours from arrival to the first contact attempt", async () => {
    const person = `Ольга ${newId()}`;
    const { hypothesisId, utm } = await channelOf(person);
    const oneHour = await arrive(h, source, "2026-03-02T08:00:00+03:00", { utm });
    const threeHours = await arrive(h, source, "2026-03-02T10:00:00+03:00", { utm });
    const halfHour = await arrive(h, source, "2026-03-03T09:00:00+03:00", { utm });
    await arrive(h, source, "2026-03-03T09:00:00+03:00", { utm });
    await attempts(h, oneHour, ["2026-03-02T12:00:00+03:00", "2026-03-02T09:00:00+03:00"]); // the earlier one, recorded later, counts
    await attempt(h, threeHours, "2026-03-02T13:00:00+03:00", "reached");
    await attempt(h, halfHour, "2026-03-03T09:30:00+03:00");

    const report = await quality(`?hypothesisId=${hypothesisId}`);

    expect(personIn(report, person).firstContact).toEqual({ medianHours: 1, leadsWithAttempt: 3, leadsWithoutAttempt: 1 });
  });

  it("refuses unknown hypotheses and filters, and contractors", async () => {
    expect((await h.call("GET", "/api/quality?hypothesisId=01NOSUCHHYP")).status).toBe(404);
    const bad = await h.call("GET", "/api/quality?responsible=Ирина");
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ path: "responsible", message: "unknown field" }]);
    const contractor = await h.call("POST", "/api/contractors", { name: `Агентство ${token()}` });
    const key = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor.body.id })).body.key;
    expect((await h.call("GET", "/api/quality", undefined, { key })).status).toBe(403);
  });
});

describe("a quality review of a lost lead", () => {
  it("moves the lead from its reason to manager in the funnel's lost reasons, once", async () => {
    const { hypothesisId, campaignId, utm } = await channelOf(`Анна ${newId()}`);
    const reviewed = await arrive(h, source, ARRIVAL, { utm, stages: [{ stage: "qualified" }, { stage: "lost", lostReason: "Дорого" }] });
    await arrive(h, source, ARRIVAL, { utm, stages: [{ stage: "lost", lostReason: "дорого" }] });
    expect(await lostReasons(h, hypothesisId)).toEqual([{ reason: "Дорого", count: 2 }]);

    const res = await h.call("POST", `/api/leads/${reviewed}/quality-review`, { lostReasonCategory: "manager", note: "не перезвонил после КП" });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      stage: "lost",
      lostReason: "Дорого",
      qualityReview: { lostReasonCategory: "manager", note: "не перезвонил после КП", at: expect.any(String), actor: expect.stringMatching(/^key:/) },
    });
    expect(await lostReasons(h, hypothesisId)).toEqual([
      { reason: "manager", count: 1 },
      { reason: "Дорого", count: 1 },
    ]);
    // Reviewing again changes the note, not the counts; the number of lost leads never moves.
    expect((await h.call("POST", `/api/leads/${reviewed}/quality-review`, { lostReasonCategory: "manager" })).status).toBe(200);
    expect(await lostReasons(h, hypothesisId)).toEqual([
      { reason: "manager", count: 1 },
      { reason: "Дорого", count: 1 },
    ]);
    expect((await countersOn(h, campaignId, "2026-03-02")).lost).toBe(2);
  });

  it("ends with the loss: a restored lead leaves manager, and a new loss counts under its own reason", async () => {
    const { hypothesisId, utm } = await channelOf(`Пётр ${newId()}`);
    const id = await arrive(h, source, ARRIVAL, { utm });
    await attempts(h, id, ["2026-03-02T09:00:00+03:00", "2026-03-02T14:00:00+03:00", "2026-03-03T09:00:00+03:00", "2026-03-03T14:00:00+03:00"]);
    expect((await attempt(h, id, "2026-03-04T09:00:00+03:00")).body.stageChange).toBe("lost");
    await h.call("POST", `/api/leads/${id}/quality-review`, { lostReasonCategory: "manager" });
    expect(await lostReasons(h, hypothesisId)).toEqual([{ reason: "manager", count: 1 }]);

    const restored = await attempt(h, id, "2026-03-05T12:00:00+03:00", "reached");
    expect(restored.body.lead).toMatchObject({ stage: "new", qualityReview: null });
    expect(await lostReasons(h, hypothesisId)).toEqual([]);

    await h.call("PATCH", `/api/leads/${id}`, { stage: "lost", lostReason: "Выбрали конкурента" });
    expect(await lostReasons(h, hypothesisId)).toEqual([{ reason: "Выбрали конкурента", count: 1 }]);
  });

  it("applies to lost leads only, with a category from the list", async () => {
    const id = await arrive(h, source, ARRIVAL, { stages: [{ stage: "contacted" }] });
    const open = await h.call("POST", `/api/leads/${id}/quality-review`, { lostReasonCategory: "manager" });
    expect(open.status).toBe(409);
    expect(open.body).toMatchObject({ error: "lead_not_lost", stage: "contacted" });
    const bad = await h.call("POST", `/api/leads/${id}/quality-review`, { lostReasonCategory: "client", note: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.path).sort()).toEqual(["lostReasonCategory", "note"]);
    expect((await h.call("POST", "/api/leads/01NOSUCHLEAD/quality-review", { lostReasonCategory: "manager" })).status).toBe(404);
  });
});
