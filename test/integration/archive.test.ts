import { TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { STUCK_AFTER_MS } from "../../packages/core/src/intake/raw-archive.js";
import { replayStuck } from "../../packages/core/src/intake/replay.js";
import { startStuckSweeper } from "../../packages/local/src/stuck-sweeper.js";
import { amoDeals, deliveriesOf, outage, postHookOn, tableItems } from "../support/archive.js";
import { createHarness, type Harness } from "../support/harness.js";
import { OWNER_KEY } from "../support/harness.js";
import { countersOn, createCampaign, createSource, fixtureWith, postHook, token } from "../support/intake.js";
import { createWebHarness, expectPage, textOf } from "../support/web.js";

const T0 = "2026-03-02T09:00:00.000Z";
const minutesAfter = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000);

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: T0 });
  // The 500s these tests cause on purpose are logged by the app's error handler.
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
});

const leadsOf = async (harness: Harness, sourceId: string) =>
  (await harness.call("GET", "/api/leads?limit=200")).body.items.filter((lead: any) => lead.sourceId === sourceId);
const stuck = async (harness: Harness) => (await harness.call("GET", "/api/quarantine?state=stuck&limit=200")).body.items as any[];
/** The size of an item as DynamoDB counts it, near enough: names and values, binaries by their bytes. */
const itemSize = (item: Record<string, any>) =>
  Buffer.byteLength(JSON.stringify(item, (_, value) => (value instanceof Uint8Array ? "x".repeat(value.byteLength) : value)));

describe("the archive of webhook calls", () => {
  it("sets processedAt once a call is handled, also when every lead of it was a duplicate", async () => {
    h.setNow(T0);
    const source = await createSource(h, "tilda");
    const form = fixtureWith("tilda-form.txt", { "3148702741": token() });
    expect((await postHook(h, source.key, form)).status).toBe(200);
    h.setNow(minutesAfter(1));
    const again = await postHook(h, source.key, form);
    expect(again.body.leads).toEqual([expect.objectContaining({ duplicate: true })]);

    const [first, second] = await deliveriesOf(h, source.id);
    expect(first).toMatchObject({ processedAt: T0 });
    expect(second).toMatchObject({ processedAt: minutesAfter(1).toISOString() });
    expect(first).not.toHaveProperty("gsi1pk");
  });

  it("keeps the archive item of an amoCRM call with 250 deals (the most one call may carry) small: each captured deal is marked beside it", { timeout: 90_000 }, async () => {
    h.setNow(T0);
    const utm = { source: "yandex", campaign: `c_${token()}` };
    const { campaignId } = await createCampaign(h, utm.source, utm.campaign);
    const source = await createSource(h, "amocrm");
    const res = await postHook(h, source.key, amoDeals(250, utm));
    expect(res.status, res.text).toBe(200);
    expect(res.body.leads).toHaveLength(250);
    expect(res.body.leads.every((lead: any) => !lead.duplicate)).toBe(true);

    const [delivery] = await deliveriesOf(h, source.id);
    expect(itemSize(delivery!)).toBeLessThan(2_000);
    expect(delivery!.bodySize).toBeGreaterThan(50_000);
    expect(await countersOn(h, campaignId, "2026-03-02")).toMatchObject({ leads: 250 });
  });

  it("lists a call whose processing died as stuck after 5 minutes; a replay captures the rest without doubling a lead or a count", async () => {
    h.setNow(T0);
    const utm = { source: "vk", campaign: `c_${token()}` };
    const { campaignId } = await createCampaign(h, utm.source, utm.campaign);
    const source = await createSource(h, "amocrm");
    // The database goes away after the third deal of five was captured.
    const down = outage(h, (command, seen) => command instanceof TransactWriteCommand && seen === 4);
    const call = amoDeals(5, utm);
    expect((await postHookOn(down, source.key, call)).status).toBe(500);
    const [delivery] = await deliveriesOf(h, source.id);
    expect(await leadsOf(h, source.id)).toHaveLength(3);

    h.setNow(minutesAfter(4));
    expect((await stuck(h)).map((item) => item.id)).not.toContain(delivery!.id);
    const early = await h.call("POST", `/api/quarantine/${delivery!.id}/replay`);
    expect(early.status).toBe(409);
    expect(early.body.error).toBe("still_processing");

    h.setNow(minutesAfter(5));
    const listed = (await stuck(h)).find((item) => item.id === delivery!.id);
    expect(listed).toEqual({ id: delivery!.id, sourceId: source.id, receivedAt: T0, contentType: "application/x-www-form-urlencoded", error: null, body: call.text });

    const replayed = await h.call("POST", `/api/quarantine/${delivery!.id}/replay`);
    expect(replayed.status, replayed.text).toBe(200);
    expect(replayed.body.leads.map((lead: any) => lead.duplicate)).toEqual([true, true, true, false, false]);
    expect(await leadsOf(h, source.id)).toHaveLength(5);
    expect(await countersOn(h, campaignId, "2026-03-02")).toMatchObject({ leads: 5 });
    expect((await stuck(h)).map((item) => item.id)).not.toContain(delivery!.id);
    expect((await deliveriesOf(h, source.id))[0]).toMatchObject({ processedAt: minutesAfter(5).toISOString() });

    const again = await h.call("POST", `/api/quarantine/${delivery!.id}/replay`);
    expect(again.status).toBe(409);
    expect(again.body.error).toBe("not_quarantined");
  });

  it("stores a repeated body once: each call keeps its headers and a reference, and reads the body back", async () => {
    h.setNow(T0);
    const source = await createSource(h, "json");
    const refused = { contentType: "application/json", text: `{"name": "Анна", "phone": ${token()}` };
    expect((await postHook(h, source.key, refused, { "X-Attempt": "1" })).status).toBe(400);
    expect((await postHook(h, source.key, refused, { "X-Attempt": "2" })).status).toBe(400);

    const [first, second] = await deliveriesOf(h, source.id);
    expect(first!.bodyHash).toBe(second!.bodyHash);
    expect([first!.headers["x-attempt"], second!.headers["x-attempt"]]).toEqual(["1", "2"]);
    expect(await tableItems(h, (item) => item.pk === `RAWBODY#${first!.bodyHash}`)).toHaveLength(1);
    const quarantined = (await h.call("GET", "/api/quarantine?limit=200")).body.items.filter((item: any) => item.sourceId === source.id);
    expect(quarantined.map((item: any) => item.body)).toEqual([refused.text, refused.text]);
  });
  it("archives an empty body too, and shows it in the quarantine", async () => {
    const source = await createSource(h, "json");
    const res = await postHook(h, source.key, { contentType: "application/json", text: "" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const quarantined = (await h.call("GET", "/api/quarantine?limit=200")).body.items.filter((item: any) => item.sourceId === source.id);
    expect(quarantined).toEqual([expect.objectContaining({ body: "" })]);
    expect((await deliveriesOf(h, source.id))[0]).toMatchObject({ bodySize: 0 });
  });
});

describe("the sweep of stuck calls", () => {
  it("replays every stuck call: leads a sender's retry captured meanwhile are duplicates, a body now refused goes to quarantine", async () => {
    const sweep = await createHarness({ now: T0 });
    const utm = { source: "vk", campaign: `c_${token()}` };
    const { campaignId } = await createCampaign(sweep, utm.source, utm.campaign);
    const amo = await createSource(sweep, "amocrm");
    const json = await createSource(sweep, "json");

    // 1: dies before any deal; the sender's retry then gets through. 2: dies after two of four deals.
    const retried = amoDeals(3, utm);
    expect((await postHookOn(outage(sweep, (command) => command instanceof TransactWriteCommand), amo.key, retried)).status).toBe(500);
    expect((await postHook(sweep, amo.key, retried)).status).toBe(200);
    const halfway = outage(sweep, (command, seen) => command instanceof TransactWriteCommand && seen === 3);
    expect((await postHookOn(halfway, amo.key, amoDeals(4, utm))).status).toBe(500);
    // 3: refused, but the database went away before it reached the quarantine.
    expect((await postHookOn(outage(sweep, (command) => command instanceof UpdateCommand), json.key, { contentType: "application/json", text: "{" })).status).toBe(500);
    expect(await leadsOf(sweep, amo.id)).toHaveLength(5);

    sweep.setNow(minutesAfter(5));
    expect(await stuck(sweep)).toHaveLength(3);
    // While the database still fails every write, the sweep leaves them stuck for the next run.
    const stillDown = { ...sweep.ctx, doc: outage(sweep, (command) => command instanceof TransactWriteCommand || command instanceof UpdateCommand).doc };
    expect(await replayStuck(stillDown, { olderThanMs: STUCK_AFTER_MS })).toEqual({ replayed: 0, quarantined: 0, stillStuck: 3 });

    expect(await replayStuck(sweep.ctx, { olderThanMs: STUCK_AFTER_MS })).toEqual({ replayed: 2, quarantined: 1, stillStuck: 0 });
    expect(await stuck(sweep)).toEqual([]);
    expect(await leadsOf(sweep, amo.id)).toHaveLength(7);
    expect(await countersOn(sweep, campaignId, "2026-03-02")).toMatchObject({ leads: 7 });
    expect((await sweep.call("GET", "/api/quarantine")).body.items).toEqual([expect.objectContaining({ sourceId: json.id, body: "{" })]);
    expect((await deliveriesOf(sweep, amo.id)).map((d) => d.processedAt)).toEqual([expect.any(String), T0, expect.any(String)]);
  });

  it("leaves calls younger than the threshold alone, and replays them all with olderThanMs 0", async () => {
    const sweep = await createHarness({ now: T0 });
    const source = await createSource(sweep, "json");
    const lead = { contentType: "application/json", text: JSON.stringify({ externalId: token(), name: "Олег" }) };
    expect((await postHookOn(outage(sweep, (command) => command instanceof TransactWriteCommand), source.key, lead)).status).toBe(500);

    sweep.setNow(minutesAfter(1));
    expect(await replayStuck(sweep.ctx, { olderThanMs: STUCK_AFTER_MS })).toEqual({ replayed: 0, quarantined: 0, stillStuck: 0 });
    expect(await replayStuck(sweep.ctx, { olderThanMs: 0 })).toEqual({ replayed: 1, quarantined: 0, stillStuck: 0 });
    expect(await leadsOf(sweep, source.id)).toHaveLength(1);
  });
});

describe("npm start's sweep timer", () => {
  it("replays stuck calls on its interval and says what it did", async () => {
    const local = await createHarness({ now: T0 });
    const source = await createSource(local, "json");
    const lead = { contentType: "application/json", text: JSON.stringify({ externalId: token(), name: "Ирина" }) };
    expect((await postHookOn(outage(local, (command) => command instanceof TransactWriteCommand), source.key, lead)).status).toBe(500);
    local.setNow(minutesAfter(5));

    const lines: string[] = [];
    const sweeper = startStuckSweeper(local.ctx, (line) => lines.push(line), 20);
    try {
      await vi.waitFor(() => expect(lines).toEqual([expect.stringContaining('"replayed":1')]), { timeout: 10_000 });
    } finally {
      sweeper.stop();
    }
    expect(await stuck(local)).toEqual([]);
    expect(await leadsOf(local, source.id)).toHaveLength(1);
  });
});

describe("the quarantine page", () => {
  it("shows each call's id, and the stuck calls with a replay button that finishes them, in Russian and English", async () => {
    const web = await createWebHarness({ now: T0 });
    const owner = web.browser({ acceptLanguage: "en" });
    await owner.signIn(OWNER_KEY);
    const ru = web.browser({ acceptLanguage: "ru" });
    await ru.signIn(OWNER_KEY);
    const json = await createSource(web, "json");
    await postHook(web, json.key, { contentType: "application/json", text: "{" });
    const lead = { contentType: "application/json", text: JSON.stringify({ externalId: token(), name: "Олег" }) };
    expect((await postHookOn(outage(web, (command) => command instanceof TransactWriteCommand), json.key, lead)).status).toBe(500);
    const [refused, died] = await deliveriesOf(web, json.id);

    web.setNow(minutesAfter(5));
    const page = await owner.get("/quarantine");
    const russian = textOf((await ru.get("/quarantine")).html);
    const replayed = await owner.post(`/quarantine/${died!.id}/replay`, {});
    const after = await owner.get(replayed.location!);
    await ru.get("/quarantine");
    const again = await ru.post(`/quarantine/${died!.id}/replay`, {});

    expect(textOf(page.html)).toContain(`Call id: ${refused!.id}`);
    expect(textOf(page.html)).toContain(`Stuck calls`);
    expect(textOf(page.html)).toContain(`Call id: ${died!.id}`);
    expect(page.html).toContain(`action="/quarantine/${died!.id}/replay"`);
    expect(russian).toContain("Застрявшие вызовы");
    expect(russian).toContain(`Номер вызова: ${died!.id}`);
    expect(replayed.status).toBe(303);
    expect(after.html).not.toContain(`action="/quarantine/${died!.id}/replay"`);
    expect(textOf(after.html)).toContain("No stuck calls.");
    expectPage(again, 409, "Этот вызов уже обработан");
    expect(await leadsOf(web, json.id)).toHaveLength(1);
  });
});
