import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
let marketerKey: string;
let contractorKey: string;
beforeAll(async () => {
  h = await createHarness();
  marketerKey = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
  const contractor = (await h.call("POST", "/api/contractors", { name: "Agency" })).body;
  contractorKey = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor.id })).body.key;
});

const body = (over: Record<string, unknown> = {}) => ({
  title: "VK ads for the B2B landing",
  statement: "Targeted VK ads bring leads at under 900 rubles with 5% converting to a deal",
  channel: "vk_ads",
  responsible: "Anna Petrova",
  budget: 150000,
  probe: { start: "2026-03-01", end: "2026-03-31" },
  targets: { cplMax: 900, conversionMin: 0.05, minLeads: 100 },
  ...over,
});

describe("registering a hypothesis", () => {
  it("starts it in probe at version 1, filling the defaults and showing money as decimal strings", async () => {
    const res = await h.call("POST", "/api/hypotheses", body({ budget: "150 000,5", targets: { cplMax: "899.99", cacMax: 12000 } }));

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      stage: "probe",
      version: 1,
      title: "VK ads for the B2B landing",
      budget: "150000.50",
      currency: "RUB",
      maturityDays: 15,
      confidence: 0.9,
      probe: { start: "2026-03-01", end: "2026-03-31" },
      targets: { cplMax: "899.99", cacMax: "12000.00" },
      rulesVersion: null,
    });
  });

  it("keeps the currency, maturity and confidence it is given", async () => {
    const res = await h.call("POST", "/api/hypotheses", body({ currency: "USD", maturityDays: 0, confidence: 0.95 }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ currency: "USD", maturityDays: 0, confidence: 0.95 });
  });

  it("shows it by id and in the listing, newest first", async () => {
    const first = (await h.call("POST", "/api/hypotheses", body({ title: "first" }))).body;
    const second = (await h.call("POST", "/api/hypotheses", body({ title: "second" }))).body;

    const one = await h.call("GET", `/api/hypotheses/${first.id}`);
    const all = await h.call("GET", "/api/hypotheses");

    expect(one.status).toBe(200);
    expect(one.body).toEqual(first);
    const ids = all.body.items.map((x: any) => x.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
  });

  it("answers 404 not_found for an unknown id", async () => {
    const res = await h.call("GET", "/api/hypotheses/01NOSUCHHYPOTHESIS");
    expect(res.status).toBe(404);
    expect(res.body.error).toBe("not_found");
  });

  it("records its creation in the history with the caller's key and role", async () => {
    const created = (await h.call("POST", "/api/hypotheses", body(), { key: marketerKey })).body;
    const history = await h.call("GET", `/api/hypotheses/${created.id}/history`);
    expect(history.body.items).toEqual([
      { version: 1, at: expect.any(String), actor: { keyId: expect.any(String), role: "marketer" }, type: "created", to: "probe" },
    ]);
  });
});

describe("refusing a bad hypothesis", () => {
  const paths = (res: { body: any }) => res.body.issues.map((i: any) => i.path).sort();

  it("names unknown fields, also inside probe and targets", async () => {
    const res = await h.call("POST", "/api/hypotheses", {
      ...body({ probe: { start: "2026-03-01", end: "2026-03-31", timezone: "UTC" }, targets: { cplMax: 900, ctrMin: 0.1 } }),
      stage: "scale",
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_input");
    expect(paths(res)).toEqual(["probe.timezone", "stage", "targets.ctrMin"]);
  });

  it("names each missing field", async () => {
    const res = await h.call("POST", "/api/hypotheses", { budget: 1000 });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(["channel", "probe", "responsible", "statement", "targets", "title"]);
  });

  it("names each malformed value", async () => {
    const res = await h.call(
      "POST",
      "/api/hypotheses",
      body({ title: "  ", budget: "12.345", currency: "rub", probe: { start: "2026-02-30", end: "2026-03-31" }, maturityDays: 400, confidence: 1 }),
    );
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(["budget", "confidence", "currency", "maturityDays", "probe.start", "title"]);
  });

  it("refuses a probe that ends before it starts", async () => {
    const res = await h.call("POST", "/api/hypotheses", body({ probe: { start: "2026-03-10", end: "2026-03-09" } }));
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "probe.end", message: "must not be before start" }]);
  });

  it("needs at least one target, and sensible ones", async () => {
    const none = await h.call("POST", "/api/hypotheses", body({ targets: {} }));
    expect(none.status).toBe(400);
    expect(paths(none)).toEqual(["targets"]);
    const bad = await h.call("POST", "/api/hypotheses", body({ targets: { conversionMin: 5, cplMax: -1 } }));
    expect(paths(bad)).toEqual(["targets.conversionMin", "targets.cplMax"]);
  });

  it("refuses a confidence of one half or less", async () => {
    const res = await h.call("POST", "/api/hypotheses", body({ confidence: 0.5 }));
    expect(paths(res)).toEqual(["confidence"]);
  });
});

describe("who may do what", () => {
  it("lets a marketer register, and keeps hypotheses closed to contractors", async () => {
    const created = await h.call("POST", "/api/hypotheses", body(), { key: marketerKey });
    expect(created.status).toBe(201);

    const refused = await h.call("POST", "/api/hypotheses", body(), { key: contractorKey });
    expect(refused.status).toBe(403);
    expect((await h.call("GET", `/api/hypotheses/${created.body.id}`, undefined, { key: contractorKey })).status).toBe(403);
    expect((await h.call("GET", `/api/hypotheses/${created.body.id}/history`, undefined, { key: contractorKey })).status).toBe(403);
    const move = await h.call("POST", `/api/hypotheses/${created.body.id}/transitions`, { to: "closed", reason: "x" }, { key: contractorKey });
    expect(move.status).toBe(403);
  });

  it("answers 401 without a key", async () => {
    expect((await h.call("GET", "/api/hypotheses", undefined, { key: null })).status).toBe(401);
  });
});
