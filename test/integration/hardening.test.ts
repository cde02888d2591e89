import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../packages/api/src/app.js";
import { createDocumentClient } from "../../packages/core/src/db/client.js";
import { OWNER_KEY } from "../support/harness.js";
import { createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let contractorId: string;
beforeAll(async () => {
  h = await createWebHarness();
  contractorId = (await h.call("POST", "/api/contractors", { name: "Агентство Запад" })).body.id;
  const leads = [1, 2, 3].map((n) => ({ externalId: `hardening-${n}`, name: `Лид ${n}`, phone: `+7916000000${n}`, createdAt: `2026-02-0${n}T10:00:00Z` }));
  expect((await h.call("POST", "/api/leads/import", { leads })).status).toBe(200);
});
afterEach(() => vi.restoreAllMocks());

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));

describe("a crafted pagination cursor", () => {
  it("is a 400 naming the cursor on every paged API listing", async () => {
    const real = (await h.call("GET", "/api/leads?limit=1")).body.nextCursor as string;
    const key = decode(real);
    const partition = Object.keys(key).find((name) => name.endsWith("pk") && name !== "pk")!;
    const crafted = [
      "not a cursor!",
      encode([1]),
      encode({ pk: "x" }),
      encode({ ...key, extra: "x" }),
      encode({ ...key, [partition]: "APIKEYS" }),
      encode({ ...key, pk: { S: "x" } }),
      encode({ ...key, sk: "" }),
      encode({ ...key, sk: "x".repeat(2000) }),
    ];
    for (const path of ["/api/leads", "/api/quarantine", "/api/outbox", "/api/reconciliations", "/api/reports"]) {
      for (const cursor of crafted) {
        const res = await h.call("GET", `${path}?cursor=${encodeURIComponent(cursor)}`);
        expect(res.status, `${path} ${cursor}`).toBe(400);
        expect(res.body.issues.map((issue: { path: string }) => issue.path), `${path} ${cursor}`).toEqual(["cursor"]);
      }
    }
  });

  it("still pages with the cursors the API gives", async () => {
    const first = (await h.call("GET", "/api/leads?limit=2")).body;
    const second = (await h.call("GET", `/api/leads?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)).body;

    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((lead: { id: string }) => lead.id)).size).toBe(3);
  });

  it("is a 400 page on the pages, saying so in the reader's language", async () => {
    const en = h.browser({ acceptLanguage: "en" });
    await en.signIn(OWNER_KEY);
    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(OWNER_KEY);
    const forged = encodeURIComponent(encode({ pk: "x" }));

    for (const path of ["/leads", "/quarantine", "/reconciliation"]) {
      const page = await en.get(`${path}?cursor=${forged}`);
      expect(page.status, path).toBe(400);
      expect(textOf(page.html), path).toContain("its cursor is not one we gave");
    }
    expect(textOf((await ru.get(`/quarantine?cursor=${forged}`)).html)).toContain("неверный курсор");
  });
});

describe("/health", () => {
  it("answers ok when the database answers", async () => {
    const res = await h.call("GET", "/health", undefined, { key: null });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });

  it("answers 503 naming the database when it is down", async () => {
    const doc = createDocumentClient({ endpoint: "http://127.0.0.1:9", region: "eu-central-1" });
    const app = createApp({ ...h.ctx, doc }, { ownerApiKey: OWNER_KEY });

    const res = await app.request("/health");
    const body = (await res.json()) as { message: string };

    expect(res.status).toBe(503);
    expect(body).toMatchObject({ status: "down", down: ["database"] });
    expect(body.message).toMatch(/^the database does not answer: /);
  });
});

describe("headers", () => {
  const expectPageHeaders = (headers: Headers, what: string) => {
    expect(headers.get("content-security-policy"), what).toContain("frame-ancestors 'none'");
    expect(headers.get("content-security-policy"), what).not.toMatch(/script-src[^;]*unsafe/);
    expect(headers.get("x-content-type-options"), what).toBe("nosniff");
    expect(headers.get("referrer-policy"), what).toBe("same-origin");
  };

  it("puts a CSP, nosniff and a referrer policy on every HTML answer, report HTML served by the API included", async () => {
    const browser = h.browser();
    await browser.signIn(OWNER_KEY);
    const report = await h.call("GET", `/api/contractors/${contractorId}/report?from=2026-02-01&to=2026-02-07&format=html`);

    expect(report.headers.get("content-type")).toMatch(/^text\/html/);
    expectPageHeaders(report.headers, "report");
    expect(report.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expectPageHeaders((await browser.get("/leads")).headers, "/leads");
    expectPageHeaders((await h.browser().get("/")).headers, "sign-in");
    expectPageHeaders((await h.browser().get("/no-such-page")).headers, "404 page");
    expectPageHeaders((await h.call("GET", "/docs", undefined, { key: null })).headers, "/docs");
  });

  it("marks every answer with personal data no-store: API JSON, CSV exports and pages", async () => {
    const browser = h.browser();
    await browser.signIn(OWNER_KEY);
    const answers = {
      leads: await h.call("GET", "/api/leads"),
      lead: await h.call("GET", `/api/leads/${(await h.call("GET", "/api/leads?limit=1")).body.items[0].id}`),
      csv: await h.call("GET", `/api/contractors/${contractorId}/report?from=2026-02-01&to=2026-02-07&format=csv`),
      refused: await h.call("GET", "/api/leads", undefined, { key: null }),
      page: (await browser.get("/leads")) as { headers: Headers },
    };
    for (const [what, answer] of Object.entries(answers)) expect(answer.headers.get("cache-control"), what).toBe("no-store");
    expect(answers.csv.headers.get("content-type")).toMatch(/^text\/csv/);
  });
});

describe("logs", () => {
  it("does not log a failing webhook's key, only its first 4 characters", async () => {
    const source = (await h.call("POST", "/api/sources", { name: "Форма", format: "json" })).body;
    const broken = { ...h.ctx, doc: { send: async () => Promise.reject(new Error("database unavailable")) } as unknown as typeof h.ctx.doc };
    const app = createApp(broken, { ownerApiKey: OWNER_KEY });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);

    const res = await app.request(`/hooks/${source.key}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });

    expect(res.status).toBe(500);
    const lines = logged.mock.calls.map((call) => call.map(String).join(" ")).join("\n");
    expect(lines).toContain(`/hooks/${source.key.slice(0, 4)}…`);
    expect(lines).not.toContain(source.key);
  });
});
