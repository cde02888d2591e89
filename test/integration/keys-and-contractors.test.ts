import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe("health and authentication", () => {
  it("answers /health without a key", async () => {
    const res = await h.call("GET", "/health", undefined, { key: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });

  it("refuses /api without a key, and with an unknown one", async () => {
    expect((await h.call("GET", "/api/contractors", undefined, { key: null })).status).toBe(401);
    const res = await h.call("GET", "/api/contractors", undefined, { key: "prm_nope" });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe("unauthorized");
  });
});

describe("API keys", () => {
  it("lets the owner create a marketer key that then works, and stores no secret", async () => {
    const created = await h.call("POST", "/api/keys", { role: "marketer" });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^prm_/);

    const asMarketer = await h.call("POST", "/api/contractors", { name: "Agency One" }, { key: created.body.key });
    expect(asMarketer.status).toBe(201);

    const listing = await h.call("GET", "/api/keys");
    const row = listing.body.items.find((k: any) => k.id === created.body.id);
    expect(row).toMatchObject({ role: "marketer" });
    expect(JSON.stringify(listing.body)).not.toContain(created.body.key);
  });

  it("keeps key management to the owner", async () => {
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
    const res = await h.call("POST", "/api/keys", { role: "owner" }, { key: marketer });
    expect(res.status).toBe(403);
  });

  it("stops honouring a revoked key", async () => {
    const { id, key } = (await h.call("POST", "/api/keys", { role: "marketer" })).body;
    expect((await h.call("DELETE", `/api/keys/${id}`)).status).toBe(200);
    expect((await h.call("GET", "/api/contractors", undefined, { key })).status).toBe(401);
  });

  it("binds a contractor key to an existing contractor", async () => {
    const missing = await h.call("POST", "/api/keys", { role: "contractor" });
    expect(missing.status).toBe(400);
    expect(missing.body.issues).toEqual([expect.objectContaining({ path: "contractorId" })]);
    const unknown = await h.call("POST", "/api/keys", { role: "contractor", contractorId: "01NOPE" });
    expect(unknown.status).toBe(404);
  });
});

describe("contractors", () => {
  it("creates and lists contractors", async () => {
    const created = await h.call("POST", "/api/contractors", { name: "ВК Агентство" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: "ВК Агентство" });
    const list = await h.call("GET", "/api/contractors");
    expect(list.body.items.map((c: any) => c.id)).toContain(created.body.id);
  });

  it("rejects unknown fields by name", async () => {
    const res = await h.call("POST", "/api/contractors", { name: "X", isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "invalid_input", issues: [{ path: "isAdmin", message: "unknown field" }] });
  });

  it("answers malformed JSON with 400", async () => {
    const res = await h.call("POST", "/api/contractors", undefined, { raw: "{name:", contentType: "application/json" });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_json");
  });
});
