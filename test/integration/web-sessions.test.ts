import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../packages/api/src/app.js";
import { OWNER_KEY } from "../support/harness.js";
import { createWebHarness, expectPage, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
beforeAll(async () => {
  h = await createWebHarness({ now: "2026-03-02T09:00:00Z" });
});

const wrongKey = () => `prm_${randomBytes(24).toString("base64url")}`;
let clients = 0;
/** A browser from an address of its own, so the sign-in counters of one test do not touch another's. */
const fromNewClient = (options: { acceptLanguage?: string } = {}) => h.browser({ ...options, clientIp: `10.0.${Math.floor(clients / 250)}.${(clients++ % 250) + 1}` });

describe("server-side sessions", () => {
  it("keeps no key in the cookie: the cookie's parts are not bearer keys", async () => {
    const browser = fromNewClient();
    await browser.signIn(OWNER_KEY);
    const cookie = decodeURIComponent(browser.cookies.get("parom_session")!);

    expect(cookie).not.toContain(OWNER_KEY);
    for (const part of [cookie, cookie.split(".")[0]!]) {
      expect((await h.call("GET", "/api/leads", undefined, { key: part })).status).toBe(401);
    }
    expect((await browser.get("/leads")).status).toBe(200);
  });

  it("ends the session at sign-out: the old cookie replayed afterwards is signed out", async () => {
    const browser = fromNewClient();
    await browser.signIn(OWNER_KEY);
    await browser.get("/");
    const stolen = browser.cookies.get("parom_session")!;

    await browser.post("/sign-out", {});
    const replay = fromNewClient();
    replay.cookies.set("parom_session", stolen);
    const page = await replay.get("/leads");

    expect(page.status).toBe(303);
    expect(page.location).toBe("/?next=%2Fleads&ended=1");
  });

  it("ends a session idle for 12 hours, and any session 7 days after sign-in", async () => {
    const idle = fromNewClient();
    const busy = fromNewClient();
    await idle.signIn(OWNER_KEY);
    await busy.signIn(OWNER_KEY);
    try {
      h.setNow("2026-03-02T20:00:00Z"); // 11 hours later: both still live; the busy one is used
      expect((await busy.get("/leads")).status).toBe(200);
      h.setNow("2026-03-02T21:30:00Z"); // 12.5 hours after the idle one's last use
      expect((await idle.get("/leads")).location).toBe("/?next=%2Fleads&ended=1");
      expect((await busy.get("/leads")).status).toBe(200);

      for (let hour = 20; hour < 7 * 24; hour += 10) {
        h.setNow(new Date(Date.parse("2026-03-02T09:00:00Z") + hour * 3600_000));
        expect((await busy.get("/leads")).status, `hour ${hour}`).toBe(200);
      }
      h.setNow("2026-03-09T09:00:01Z");
      expect((await busy.get("/leads")).location).toBe("/?next=%2Fleads&ended=1");
    } finally {
      h.setNow("2026-03-02T09:00:00Z");
    }
  });

  it("ends every browser's session when their key is revoked, and they stay out", async () => {
    const key = (await h.call("POST", "/api/keys", { role: "marketer" })).body;
    const [first, second] = [fromNewClient(), fromNewClient()];
    await first.signIn(key.key);
    await second.signIn(key.key);
    const kept = second.cookies.get("parom_session")!;

    await h.call("DELETE", `/api/keys/${key.id}`);

    expect((await first.get("/leads")).location).toBe("/?next=%2Fleads&ended=1");
    const replay = fromNewClient();
    replay.cookies.set("parom_session", kept);
    expect((await replay.get("/leads")).location).toBe("/?next=%2Fleads&ended=1");
  });
});

describe("sign-in attempts are slowed", () => {
  it("answers 429 with Retry-After once one client has tried 10 wrong keys, even for the right key, until the window ends", async () => {
    const browser = fromNewClient({ acceptLanguage: "en" });
    await browser.get("/");
    const statuses: number[] = [];
    let lastRefusal: Awaited<ReturnType<typeof browser.post>> | undefined;
    for (let i = 0; i < 100; i++) {
      lastRefusal = await browser.post("/sign-in", { key: wrongKey() });
      statuses.push(lastRefusal.status);
    }

    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(new Set(statuses.slice(10))).toEqual(new Set([429]));
    expect(Number(lastRefusal!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(lastRefusal!.headers.get("retry-after"))).toBeLessThanOrEqual(15 * 60);
    expect(textOf(lastRefusal!.html)).toContain("Too many wrong sign-in attempts. Try again in 15 minutes.");
    const right = await browser.post("/sign-in", { key: OWNER_KEY });
    expect(right.status).toBe(429);
    expect(browser.cookies.has("parom_session")).toBe(false);
    // Another address is not held up by this one.
    expect((await fromNewClient().signIn(OWNER_KEY)).status).toBe(303);

    h.setNow("2026-03-02T09:16:00Z");
    try {
      const after = await browser.post("/sign-in", { key: OWNER_KEY });
      expect(after.status).toBe(303);
      expect((await browser.get("/leads")).status).toBe(200);
    } finally {
      h.setNow("2026-03-02T09:00:00Z");
    }
  });

  it("tells the wait in Russian too", async () => {
    const browser = fromNewClient({ acceptLanguage: "ru" });
    await browser.get("/");
    for (let i = 0; i < 10; i++) await browser.post("/sign-in", { key: wrongKey() });

    const refused = await browser.post("/sign-in", { key: wrongKey() });

    expectPage(refused, 429, "Слишком много неверных попыток входа. Попробуйте снова через 15 минут.");
  });

  it("holds a key prefix tried from 30 addresses, wherever the next try comes from", async () => {
    const prefix = `prm_${randomBytes(6).toString("base64url")}`;
    for (let i = 0; i < 30; i++) {
      expect((await fromNewClient().signIn(`${prefix}${randomBytes(12).toString("base64url")}`)).status).toBe(401);
    }

    const next = await fromNewClient().signIn(`${prefix}${randomBytes(12).toString("base64url")}`);

    expect(next.status).toBe(429);
  });
});

describe("the owner key", () => {
  it("is refused at start when shorter than 32 characters, saying so", () => {
    expect(() => createApp(h.ctx, { ownerApiKey: "short-owner-key" })).toThrow(/OWNER_API_KEY is 15 characters long; it must be at least 32/);
    expect(() => createApp(h.ctx, { ownerApiKey: "x".repeat(32) })).not.toThrow();
  });
});
