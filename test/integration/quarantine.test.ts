import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { createSource, fixtureWith, postHook, token } from "../support/intake.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});

const quarantined = async () => (await h.call("GET", "/api/quarantine?limit=200")).body.items as any[];

describe("quarantine", () => {
  it("keeps a body that cannot be read, exactly as sent, with the error the sender got", async () => {
    const source = await createSource(h, "json");
    const text = `{"name": "Анна", "phone": "8 916 123-45-67",`;
    const res = await postHook(h, source.key, { contentType: "application/json; charset=utf-8", text }, { "User-Agent": "curl/8.5" });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_input");

    const item = (await quarantined()).find((q) => q.sourceId === source.id);
    expect(item).toEqual({
      id: expect.any(String),
      sourceId: source.id,
      receivedAt: "2026-03-02T09:00:00.000Z",
      contentType: "application/json; charset=utf-8",
      error: expect.objectContaining({ error: "invalid_input", message: res.body.message, issues: res.body.issues }),
      body: text,
    });
    expect((await h.call("GET", "/api/leads?unattributed=true&limit=200")).body.items.filter((l: any) => l.sourceId === source.id)).toEqual([]);
  });

  it("quarantines a readable body that holds no lead with a 422, and an unsupported content type with a 400", async () => {
    const source = await createSource(h, "json");
    const empty = await postHook(h, source.key, { contentType: "application/json", text: JSON.stringify({ comment: "hello" }) });
    expect(empty.status).toBe(422);
    const xml = await postHook(h, source.key, { contentType: "text/xml", text: "<lead><name>A</name></lead>" });
    expect(xml.status).toBe(400);
    const mine = (await quarantined()).filter((q) => q.sourceId === source.id);
    expect(mine.map((q) => q.contentType)).toEqual(["text/xml", "application/json"]);
  });

  it("lists newest first, a page at a time", async () => {
    const source = await createSource(h, "json");
    h.setNow("2026-03-04T10:00:00Z");
    await postHook(h, source.key, { contentType: "application/json", text: "[" });
    h.setNow("2026-03-04T11:00:00Z");
    await postHook(h, source.key, { contentType: "application/json", text: "{" });
    h.setNow("2026-03-02T09:00:00Z");

    const first = await h.call("GET", "/api/quarantine?limit=1");
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({ body: "{", receivedAt: "2026-03-04T11:00:00.000Z" });
    const second = await h.call("GET", `/api/quarantine?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0]).toMatchObject({ body: "[", receivedAt: "2026-03-04T10:00:00.000Z" });
  });

  it("replays a call after the source's format is corrected: the lead is captured and the call leaves quarantine", async () => {
    const source = await createSource(h, "amocrm"); // a Tilda site registered with the wrong format
    const body = fixtureWith("tilda-form.txt", { "3148702741": token() });
    const refused = await postHook(h, source.key, body);
    expect(refused.status).toBe(422);
    const item = (await quarantined()).find((q) => q.sourceId === source.id);

    expect((await h.call("PATCH", `/api/sources/${source.id}`, { format: "tilda" })).body.format).toBe("tilda");
    const replayed = await h.call("POST", `/api/quarantine/${item.id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body.leads).toEqual([{ id: expect.any(String), duplicate: false }]);
    expect((await h.call("GET", `/api/leads/${replayed.body.leads[0].id}`)).body).toMatchObject({ sourceId: source.id, contact: { phone: "+79161234567" } });

    expect((await quarantined()).map((q) => q.id)).not.toContain(item.id);
    const again = await h.call("POST", `/api/quarantine/${item.id}/replay`);
    expect(again.status).toBe(409);
    expect(again.body.error).toBe("not_quarantined");
  });

  it("answers 422 to a replay that still fails and keeps the call in quarantine", async () => {
    const source = await createSource(h, "json");
    const refused = await postHook(h, source.key, { contentType: "application/json", text: "{not json" });
    expect(refused.status).toBe(400);
    const item = (await quarantined()).find((q) => q.sourceId === source.id);

    const res = await h.call("POST", `/api/quarantine/${item.id}/replay`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: "invalid_input", issues: [expect.objectContaining({ path: "(body)" })] });
    expect((await quarantined()).map((q) => q.id)).toContain(item.id);
  });

  it("captures a replayed lead once even when the replay is pressed several times at once", async () => {
    const source = await createSource(h, "amocrm");
    // No sender id and no Idempotency-Key: only the archived call itself can tell the replays apart.
    const body = { contentType: "application/json", text: JSON.stringify({ name: "Сергей", phone: "89165550000" }) };
    await postHook(h, source.key, body);
    const item = (await quarantined()).find((q) => q.sourceId === source.id);
    await h.call("PATCH", `/api/sources/${source.id}`, { format: "json" });

    const answers = await Promise.all(Array.from({ length: 5 }, () => h.call("POST", `/api/quarantine/${item.id}/replay`)));
    const ok = answers.filter((a) => a.status === 200);
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    expect(new Set(ok.map((a) => a.body.leads[0].id)).size).toBe(1);
    const leads = (await h.call("GET", "/api/leads?unattributed=true&limit=200")).body.items.filter((l: any) => l.sourceId === source.id);
    expect(leads).toHaveLength(1);
  });

  it("answers 404 for an unknown call and keeps the quarantine to owners and marketers", async () => {
    expect((await h.call("POST", "/api/quarantine/01NOSUCHCALL/replay")).status).toBe(404);
    const contractor = (await h.call("POST", "/api/contractors", { name: "Agency" })).body;
    const key = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor.id })).body.key;
    expect((await h.call("GET", "/api/quarantine", undefined, { key })).status).toBe(403);
  });
});
