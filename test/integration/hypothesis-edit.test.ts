import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { importCohorts, importSpend, kpiOf, newCampaign, newHypothesis, toOptimization } from "../support/decisions.js";

// Today is 20 April 2026 in Moscow; hypotheses' probes run through March.
let h: Harness;
let marketerKey: string;
beforeAll(async () => {
  h = await createHarness({ now: "2026-04-20T09:00:00Z" });
  marketerKey = (await h.call("POST", "/api/keys", { role: "marketer", name: "Марина" })).body.key;
});

const read = async (id: string) => (await h.call("GET", `/api/hypotheses/${id}`)).body;
const history = async (id: string) => (await h.call("GET", `/api/hypotheses/${id}/history`)).body.items;
const edit = (id: string, body: Record<string, unknown>, key = marketerKey) => h.call("PATCH", `/api/hypotheses/${id}`, body, { key });

describe("PATCH /api/hypotheses/{id}", () => {
  it("applies the change and keeps who, why and each field's before and after in the history", async () => {
    const id = await newHypothesis(h, { cplMax: "1500", conversionMin: 0.05 });
    const before = await read(id);

    const res = await edit(id, {
      expectedVersion: before.version,
      reason: "Директор добавил бюджет на апрель",
      budget: "600 000",
      probe: { start: "2026-03-01", end: "2026-04-30" },
      targets: { cplMax: "1200", conversionMin: 0.05 },
      title: "Яндекс.Директ, сумки оптом",
    });

    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ budget: "600000.00", probe: { end: "2026-04-30" }, targets: { cplMax: "1200.00" }, version: before.version + 1 });
    expect(await read(id)).toMatchObject({ budget: "600000.00", title: "Яндекс.Директ, сумки оптом", version: before.version + 1 });
    const entry = (await history(id)).at(-1);
    expect(entry).toMatchObject({ type: "edit", version: before.version + 1, reason: "Директор добавил бюджет на апрель", actor: { role: "marketer", name: "Марина" } });
    expect(entry.changes).toEqual([
      { field: "title", before: before.title, after: "Яндекс.Директ, сумки оптом" },
      { field: "budget", before: "500000.00", after: "600000.00" },
      { field: "probe.end", before: "2026-03-31", after: "2026-04-30" },
      { field: "targets.cplMax", before: "1500.00", after: "1200.00" },
    ]);
  });

  it("moves a hypothesis with campaigns to another channel and responsible, keeping its campaigns' UTM sources, and the history says both", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" }, { channel: "vk_ads", responsible: "Мария" });
    const campaign = await newCampaign(h, id);
    const { version } = await read(id);

    const res = await edit(id, { expectedVersion: version, reason: "ВКонтакте не окупился, пробуем Директ", channel: "yandex_direct", responsible: "Пётр" });

    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ channel: "yandex_direct", responsible: "Пётр", version: version + 1 });
    expect(await read(id)).toMatchObject({ channel: "yandex_direct", responsible: "Пётр" });
    const campaigns = (await h.call("GET", `/api/hypotheses/${id}/campaigns`)).body.items;
    expect(campaigns).toEqual([expect.objectContaining({ id: campaign.id, utmSource: "yandex", utmCampaign: campaign.utm.utm_campaign })]);
    const entry = (await history(id)).at(-1);
    expect(entry).toMatchObject({ type: "edit", version: version + 1, reason: "ВКонтакте не окупился, пробуем Директ" });
    expect(entry.changes).toEqual([
      { field: "channel", before: "vk_ads", after: "yandex_direct" },
      { field: "responsible", before: "Мария", after: "Пётр" },
    ]);

    const late = await edit(id, { expectedVersion: version, reason: "по старой версии", channel: "avito" });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: "version_conflict", currentVersion: version + 1 });
    expect((await read(id)).channel).toBe("yandex_direct");
  });

  it("names an empty channel or responsible, and refuses a channel already held as nothing changed", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" }, { channel: "vk_ads" });
    const { version } = await read(id);
    const blank = await edit(id, { expectedVersion: version, reason: "так", channel: " ", responsible: "" });
    expect(blank.status).toBe(400);
    expect(blank.body.issues.map((issue: { path: string }) => issue.path)).toEqual(["channel", "responsible"]);
    const same = await edit(id, { expectedVersion: version, reason: "так", channel: "vk_ads" });
    expect(same.status).toBe(400);
    expect(same.body.error).toBe("nothing_changed");
  });

  it("refuses a stale version with 409 version_conflict and the current version, changing nothing", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const { version } = await read(id);
    expect((await edit(id, { expectedVersion: version, reason: "первое", budget: 550000 })).status).toBe(200);

    const late = await edit(id, { expectedVersion: version, reason: "второе, по старой версии", budget: 700000 });

    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: "version_conflict", expectedVersion: version, currentVersion: version + 1 });
    expect(await read(id)).toMatchObject({ budget: "550000.00", version: version + 1 });
  });

  it("lets exactly one of ten simultaneous edits from the same version land", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const { version } = await read(id);

    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => edit(id, { expectedVersion: version, reason: `правка ${i}`, budget: 600_000 + i })));

    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const losers = results.filter((r) => r.status === 409);
    expect(losers).toHaveLength(9);
    for (const loser of losers) expect(loser.body).toMatchObject({ error: "version_conflict", currentVersion: version + 1 });
    const winner = results.find((r) => r.status === 200)!.body;
    expect(await read(id)).toMatchObject({ budget: winner.budget, version: version + 1 });
    expect((await history(id)).filter((entry: { type: string }) => entry.type === "edit")).toHaveLength(1);
  });

  it("refuses to edit a closed hypothesis with 409 hypothesis_closed", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const closed = await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "closed", reason: "не окупился", lesson: "цена лида в этом канале выше цели" });
    expect(closed.status).toBe(200);

    const res = await edit(id, { expectedVersion: closed.body.version, reason: "поправить бюджет", budget: 1000 });

    expect(res.status).toBe(409);
    expect(res.body.error).toBe("hypothesis_closed");
    expect((await read(id)).budget).toBe("500000.00");
  });

  it("names the field for a missing reason, a bad budget, an end before the start, and refuses an empty patch", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const { version } = await read(id);
    const issuesOf = async (body: Record<string, unknown>) => {
      const res = await edit(id, body);
      expect(res.status, res.text).toBe(400);
      return res.body.issues.map((issue: { path: string }) => issue.path);
    };

    expect(await issuesOf({ expectedVersion: version, budget: 1000 })).toEqual(["reason"]);
    expect(await issuesOf({ expectedVersion: version, reason: "  ", budget: 1000 })).toEqual(["reason"]);
    expect(await issuesOf({ expectedVersion: version, reason: "так", budget: "много" })).toEqual(["budget"]);
    expect(await issuesOf({ expectedVersion: version, reason: "так", probe: { start: "2026-03-10", end: "2026-03-01" } })).toEqual(["probe.end"]);
    expect(await issuesOf({ expectedVersion: version, reason: "так", targets: {} })).toEqual(["targets"]);
    expect(await issuesOf({ expectedVersion: version, reason: "так", budget: 1000, stage: "scale" })).toEqual(["stage"]);
    const empty = await edit(id, { expectedVersion: version, reason: "так" });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("name at least one field to change");
    const same = await edit(id, { expectedVersion: version, reason: "так", budget: "500000" });
    expect(same.status).toBe(400);
    expect(same.body.error).toBe("nothing_changed");
    expect((await read(id)).version).toBe(version);
  });

  it("marks a target changed after leads arrived on its KPI row, with the target it replaced", async () => {
    const id = await newHypothesis(h, { cplMax: "1500", conversionMin: 0.05 });
    const campaign = await newCampaign(h, id);
    await importCohorts(h, campaign.utm, [{ day: "2026-03-02", leads: 40, won: 3 }]);
    await importSpend(h, campaign.utm, { "2026-03-02": 40_000 });
    const { version } = await read(id);

    const res = await edit(id, { expectedVersion: version, reason: "Рынок подорожал", targets: { cplMax: "2000", conversionMin: 0.05 } });
    expect(res.status, res.text).toBe(200);

    const kpis = (await h.call("GET", `/api/hypotheses/${id}/kpis`)).body;
    expect(kpiOf(kpis, "cpl")).toMatchObject({ target: 2000, targetChangedAt: "2026-04-20T09:00:00.000Z", previousTarget: 1500 });
    expect(kpiOf(kpis, "conversion")).not.toHaveProperty("targetChangedAt");
    const gate = (await h.call("GET", `/api/hypotheses/${id}/gate`)).body;
    expect(kpiOf(gate, "cpl")).toMatchObject({ previousTarget: 1500 });
  });

  it("leaves no mark for a target changed before any lead arrived", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    await newCampaign(h, id);
    const { version } = await read(id);

    expect((await edit(id, { expectedVersion: version, reason: "Уточнили цель до старта", targets: { cplMax: "1000" } })).status).toBe(200);

    const cpl = kpiOf((await h.call("GET", `/api/hypotheses/${id}/kpis`)).body, "cpl");
    expect(cpl.target).toBe(1000);
    expect(cpl).not.toHaveProperty("targetChangedAt");
    expect(cpl).not.toHaveProperty("previousTarget");
  });
});

describe("POST /api/hypotheses/{id}/approvals with a budget", () => {
  async function provenInOptimization() {
    const id = await newHypothesis(h, { conversionMin: 0.05, cplMax: "1500" });
    const campaign = await newCampaign(h, id);
    await importCohorts(h, campaign.utm, [{ day: "2026-03-02", leads: 120, won: 12, wonAfter: 9, qualified: 30 }]);
    await importSpend(h, campaign.utm, { "2026-03-02": 120_000 });
    await toOptimization(h, id);
    return id;
  }

  it("scales out with the new budget in the same change, and the history says so", async () => {
    const id = await provenInOptimization();
    const { version } = await read(id);

    const res = await h.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "approve", comment: "Масштабируем", budget: "1 500 000,50" });

    expect(res.status, res.text).toBe(201);
    expect(await read(id)).toMatchObject({ stage: "scale", budget: "1500000.50", version: version + 1 });
    const entry = (await history(id)).at(-1);
    expect(entry).toMatchObject({ type: "transition", to: "scale", version: version + 1 });
    expect(entry.changes).toEqual([{ field: "budget", before: "500000.00", after: "1500000.50" }]);
  });

  it("returns the approval with the budget it scaled out with, and lists it so; null where none was given", async () => {
    const id = await provenInOptimization();
    const rejected = await h.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "reject", comment: "Рано" });
    const approved = await h.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "approve", budget: "2 000 000" });

    expect(rejected.status, rejected.text).toBe(201);
    expect(rejected.body).toMatchObject({ decision: "reject", budget: null });
    expect(approved.status, approved.text).toBe(201);
    expect(approved.body).toMatchObject({ decision: "approve", budget: "2000000.00", stage: "scale" });
    const listed = (await h.call("GET", `/api/hypotheses/${id}/approvals`)).body.items;
    expect(listed.map((approval: { decision: string; budget: string | null }) => [approval.decision, approval.budget])).toEqual([
      ["reject", null],
      ["approve", "2000000.00"],
    ]);
  });

  it("keeps the budget null on an approval that gave none", async () => {
    const id = await provenInOptimization();
    const approved = await h.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "approve" });
    expect(approved.status, approved.text).toBe(201);
    expect(approved.body.budget).toBeNull();
    expect((await h.call("GET", `/api/hypotheses/${id}/approvals`)).body.items).toEqual([expect.objectContaining({ budget: null })]);
    expect((await read(id)).budget).toBe("500000.00");
  });

  it("refuses a budget with a rejection, naming the field, and a bad amount", async () => {
    const id = await provenInOptimization();
    const rejected = await h.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "reject", budget: 900000 });
    expect(rejected.status).toBe(400);
    expect(rejected.body.issues).toEqual([expect.objectContaining({ path: "budget" })]);
    const bad = await h.call("POST", `/api/hypotheses/${id}/approvals`, { decision: "approve", budget: "-5" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: "budget" })]);
    expect(await read(id)).toMatchObject({ stage: "optimization", budget: "500000.00" });
  });
});
