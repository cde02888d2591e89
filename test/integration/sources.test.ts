import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe("lead sources", () => {
  it("creates a source with an unguessable webhook key and the URL to paste into the sender", async () => {
    const res = await h.call("POST", "/api/sources", { name: "Лендинг Tilda", format: "tilda" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), name: "Лендинг Tilda", format: "tilda", statusMap: { "142": "won", "143": "lost" } });
    expect(res.body.key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(res.body.webhookUrl).toBe(`http://localhost/hooks/${res.body.key}`);

    const other = await h.call("POST", "/api/sources", { name: "Second", format: "tilda" });
    expect(other.body.key).not.toBe(res.body.key);
  });

  it("shows a source by id and in the list", async () => {
    const created = (await h.call("POST", "/api/sources", { name: "amoCRM", format: "amocrm" })).body;
    const one = await h.call("GET", `/api/sources/${created.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(created);
    const list = await h.call("GET", "/api/sources");
    expect(list.body.items).toContainEqual(created);
  });

  it("answers 404 for a source that does not exist", async () => {
    const res = await h.call("GET", "/api/sources/01NOSUCHSOURCE");
    expect(res.status).toBe(404);
    expect(res.body.error).toBe("not_found");
  });

  it("keeps amoCRM's won/lost statuses under a source's own status mapping", async () => {
    const created = (await h.call("POST", "/api/sources", { name: "CRM", format: "amocrm", statusMap: { "31000001": "contacted" } })).body;
    expect(created.statusMap).toEqual({ "142": "won", "143": "lost", "31000001": "contacted" });

    const res = await h.call("PUT", `/api/sources/${created.id}/status-map`, { "31000002": "qualified", "143": "lost", "142": "proposal" });
    expect(res.status).toBe(200);
    expect(res.body.statusMap).toEqual({ "142": "proposal", "143": "lost", "31000002": "qualified" });
    expect((await h.call("GET", `/api/sources/${created.id}`)).body.statusMap).toEqual(res.body.statusMap);
  });

  it("rejects a mapping to a stage that does not exist, and a map for a missing source", async () => {
    const created = (await h.call("POST", "/api/sources", { name: "CRM", format: "amocrm" })).body;
    const bad = await h.call("PUT", `/api/sources/${created.id}/status-map`, { "31000002": "signed" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: "31000002" })]);
    expect((await h.call("PUT", "/api/sources/01NOPE/status-map", { "1": "won" })).status).toBe(404);
  });

  it("renames a source and corrects its format, keeping its webhook key", async () => {
    const created = (await h.call("POST", "/api/sources", { name: "Site", format: "json" })).body;
    const res = await h.call("PATCH", `/api/sources/${created.id}`, { name: "Сайт на Tilda", format: "tilda" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created.id, key: created.key, name: "Сайт на Tilda", format: "tilda" });
    expect((await h.call("PATCH", `/api/sources/${created.id}`, { key: "mine" })).status).toBe(400);
    expect((await h.call("PATCH", "/api/sources/01NOPE", { name: "X" })).status).toBe(404);
  });

  it("rejects unknown formats and unknown fields by name", async () => {
    const res = await h.call("POST", "/api/sources", { name: "X", format: "bitrix", secret: "x" });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: any) => i.path).sort()).toEqual(["format", "secret"]);
  });

  it("keeps sources to owners and marketers", async () => {
    const contractor = (await h.call("POST", "/api/contractors", { name: "Agency" })).body;
    const key = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor.id })).body.key;
    expect((await h.call("GET", "/api/sources", undefined, { key })).status).toBe(403);
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
    expect((await h.call("POST", "/api/sources", { name: "M", format: "json" }, { key: marketer })).status).toBe(201);
  });
});
