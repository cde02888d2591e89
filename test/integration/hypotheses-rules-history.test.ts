import { beforeAll, describe, expect, it } from "vitest";
import { addToDay } from "../../packages/core/src/counters/cohort-counters.js";
import { hypothesisBody } from "../support/decisions.js";
import { transact } from "../../packages/core/src/db/transact.js";
import { newId } from "../../packages/core/src/ids.js";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
let marketer: { id: string; key: string };
beforeAll(async () => {
  h = await createHarness();
  marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body;
});

async function newHypothesis(): Promise<string> {
  const res = await h.call("POST", "/api/hypotheses", hypothesisBody({ targets: { cacMax: 20000 } }));
  return res.body.id;
}

const rules = (over: Record<string, unknown> = {}) => ({
  responsible: "Maria",
  leadHandling: "Answer within 10 minutes, qualify by budget and region",
  checklist: ["UTM templates checked", "call script approved"],
  ...over,
});

describe("written rules", () => {
  it("keeps every version and shows the current one", async () => {
    const id = await newHypothesis();

    const first = await h.call("PUT", `/api/hypotheses/${id}/rules`, rules());
    const second = await h.call("PUT", `/api/hypotheses/${id}/rules`, rules({ checklist: ["UTM templates checked", "call script v2", "CRM set up"] }));

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, ...rules(), hypothesisVersion: 2, actor: { role: "owner" } });
    expect(second.body).toMatchObject({ version: 2, hypothesisVersion: 3 });
    const read = await h.call("GET", `/api/hypotheses/${id}/rules`);
    expect(read.status).toBe(200);
    expect(read.body.current).toMatchObject({ version: 2, checklist: ["UTM templates checked", "call script v2", "CRM set up"] });
    expect(read.body.versions.map((v: any) => v.version)).toEqual([1, 2]);
    expect(read.body.versions[0]).toMatchObject(rules());
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ rulesVersion: 2, version: 3 });
  });

  it("shows no current rules before any are written", async () => {
    const id = await newHypothesis();
    expect((await h.call("GET", `/api/hypotheses/${id}/rules`)).body).toEqual({ current: null, versions: [] });
  });

  it("keeps all of several simultaneous saves as separate versions", async () => {
    const id = await newHypothesis();

    const saves = await Promise.all([1, 2, 3].map((n) => h.call("PUT", `/api/hypotheses/${id}/rules`, rules({ responsible: `person ${n}` }))));

    expect(saves.map((s) => s.status)).toEqual([200, 200, 200]);
    expect(saves.map((s) => s.body.version).sort()).toEqual([1, 2, 3]);
    expect((await h.call("GET", `/api/hypotheses/${id}/rules`)).body.versions).toHaveLength(3);
  });

  it("names each bad field", async () => {
    const id = await newHypothesis();
    const empty = await h.call("PUT", `/api/hypotheses/${id}/rules`, rules({ checklist: [] }));
    expect(empty.status).toBe(400);
    expect(empty.body.issues).toEqual([{ path: "checklist", message: "must list at least one item" }]);

    const blanks = await h.call("PUT", `/api/hypotheses/${id}/rules`, { responsible: "M", checklist: ["ok", " "], approvedBy: "me" });
    expect(blanks.status).toBe(400);
    expect(blanks.body.issues.map((i: any) => i.path).sort()).toEqual(["approvedBy", "checklist.1", "leadHandling"]);
  });

  it("answers 404 for an unknown hypothesis and 409 for a closed one", async () => {
    expect((await h.call("PUT", "/api/hypotheses/01NOSUCH/rules", rules())).status).toBe(404);
    expect((await h.call("GET", "/api/hypotheses/01NOSUCH/rules")).status).toBe(404);

    const id = await newHypothesis();
    await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "closed", reason: "stopped", lesson: "Stop earlier" });
    const res = await h.call("PUT", `/api/hypotheses/${id}/rules`, rules());
    expect(res.status).toBe(409);
    expect(res.body.error).toBe("hypothesis_closed");
  });
});

describe("history", () => {
  it("lists creation, every transition and every rules version, oldest first, with who did it", async () => {
    const id = await newHypothesis();
    const campaign = await h.call("POST", `/api/hypotheses/${id}/campaigns`, { utmSource: "google", utmCampaign: `rm_${newId()}` });
    // An attributed lead written straight into the counters: lead capture is built separately.
    await transact(h.ctx, [addToDay(h.ctx, campaign.body.id, "2026-03-02", { leads: 1 })]);

    await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "analysis", reason: "first leads in" }, { key: marketer.key });
    await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "rules", reason: "one lead so far; rules first" });
    await h.call("PUT", `/api/hypotheses/${id}/rules`, rules(), { key: marketer.key });
    await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "optimization" });
    await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "scale" }); // refused: leaves no trace
    await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "closed", reason: "seasonal demand over", lesson: "Demand is seasonal" });

    const res = await h.call("GET", `/api/hypotheses/${id}/history`);

    expect(res.status).toBe(200);
    const owner = { keyId: "env:OWNER_API_KEY", role: "owner", name: "owner" };
    expect(res.body.items.map(({ at: _, ...rest }: any) => rest)).toEqual([
      { version: 1, actor: owner, type: "created", to: "probe" },
      { version: 2, actor: { keyId: marketer.id, role: "marketer" }, type: "transition", from: "probe", to: "analysis", reason: "first leads in" },
      { version: 3, actor: owner, type: "transition", from: "analysis", to: "rules", reason: "one lead so far; rules first" },
      { version: 4, actor: { keyId: marketer.id, role: "marketer" }, type: "rules", rulesVersion: 1 },
      { version: 5, actor: owner, type: "transition", from: "rules", to: "optimization" },
      { version: 6, actor: owner, type: "transition", from: "optimization", to: "closed", reason: "seasonal demand over" },
    ]);
    expect(res.body.items.every((e: any) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it("answers 404 for an unknown hypothesis", async () => {
    const res = await h.call("GET", "/api/hypotheses/01NOSUCH/history");
    expect(res.status).toBe(404);
    expect(res.body.error).toBe("not_found");
  });
});
