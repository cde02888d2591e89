import { beforeAll, describe, expect, it } from "vitest";
import { hypothesisBody } from "../support/decisions.js";
import { OWNER_KEY } from "../support/harness.js";
import { addSalesPerson } from "../support/sales.js";
import { createWebHarness, expectPage, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let marketer: { id: string; key: string };
let contractorKey: string;
beforeAll(async () => {
  h = await createWebHarness();
  marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body;
  const contractor = (await h.call("POST", "/api/contractors", { name: "Агентство Север" })).body;
  const rival = (await h.call("POST", "/api/contractors", { name: "Агентство Юг" })).body;
  contractorKey = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor.id })).body.key;
  const hypothesis = (
    await h.call("POST", "/api/hypotheses", hypothesisBody({ title: "Yandex for wholesale bags", targets: { cplMax: 1500 } }))
  ).body;
  await h.call("POST", `/api/hypotheses/${hypothesis.id}/campaigns`, { utmSource: "yandex", utmCampaign: "north_bags", contractorId: contractor.id });
  await h.call("POST", `/api/hypotheses/${hypothesis.id}/campaigns`, { utmSource: "yandex", utmCampaign: "south_bags", contractorId: rival.id });
});

describe("signing in", () => {
  it("says who is signed in by the key's name and role, the owner and an unnamed key by the role", async () => {
    const person = await addSalesPerson(h, "manager", { name: "Дарья Лидова" });
    const named = h.browser({ acceptLanguage: "ru" });
    await named.signIn(person.key);
    const owner = h.browser({ acceptLanguage: "ru" });
    await owner.signIn(OWNER_KEY);
    const unnamed = h.browser({ acceptLanguage: "ru" });
    await unnamed.signIn(marketer.key);

    expect(textOf((await named.get("/leads")).html)).toContain("Вход: Дарья Лидова (менеджер)");
    expect(textOf((await owner.get("/")).html)).toContain("Вход: владелец Выйти");
    expect(textOf((await unnamed.get("/")).html)).toContain("Вход: маркетолог Выйти");
  });

  it("shows a signed-out visitor the sign-in form and no menu", async () => {
    const page = await h.browser({ acceptLanguage: "en" }).get("/");

    expect(page.status).toBe(200);
    expect(page.html).toContain('action="/sign-in"');
    expect(page.html).toContain('name="_csrf"');
    expect(page.html).not.toContain('href="/leads"');
  });

  it("tells where the demo keeps the contractors' and the sales department's keys, in the page's language, without any key", async () => {
    const ru = await h.browser({ acceptLanguage: "ru" }).get("/");
    const en = await h.browser({ acceptLanguage: "en" }).get("/");

    const hint = (html: string) => /id="api-key-hint"[^>]*>([^<]*)</.exec(html)?.[1] ?? "";
    expect(hint(ru.html)).toContain("ключи подрядчиков и отдела продаж (менеджеров и руководителя)");
    expect(hint(ru.html)).toContain(".data/demo-sales-keys.json");
    expect(hint(ru.html)).toContain(".data/demo-contractor-keys.json");
    expect(hint(en.html)).toContain("the keys of the contractors and of the sales department (the managers and the head of sales)");
    expect(hint(en.html)).toContain(".data/demo-sales-keys.json");
    expect(ru.html).not.toContain(OWNER_KEY);
    expect(ru.html).not.toContain(contractorKey);
  });

  it("keeps a session id (not the key) in a signed HttpOnly SameSite cookie and shows the board", async () => {
    const browser = h.browser({ acceptLanguage: "en" });

    const signIn = await browser.signIn(OWNER_KEY);
    const board = await browser.get("/");

    expect(signIn.status).toBe(303);
    expect(signIn.location).toBe("/");
    const session = signIn.setCookies.find((line) => line.startsWith("parom_session="))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\//);
    expect(session).not.toMatch(/Secure/);
    expect(session).not.toContain(OWNER_KEY);
    expectPage(board, 200, "Probe Yandex for wholesale bags Channel Yandex Direct");
    expect(textOf(board.html)).toContain("Analysis Nothing here Rules");
    expect(board.html).toContain('href="/leads"');
  });

  it("marks the cookie Secure when the site is served over https", async () => {
    const browser = h.browser({ origin: "https://localhost" });
    await browser.get("https://localhost/");

    const signIn = await browser.post("https://localhost/sign-in", { key: OWNER_KEY });

    expect(signIn.setCookies.find((line) => line.startsWith("parom_session="))).toMatch(/Secure/);
  });

  it("refuses an unknown key with 401 and sets no session", async () => {
    const browser = h.browser({ acceptLanguage: "en" });

    const page = await browser.signIn("prm_not-a-real-key");

    expectPage(page, 401, "This API key is unknown or revoked.");
    expect(browser.cookies.has("parom_session")).toBe(false);
  });

  it("ignores a session cookie that was tampered with", async () => {
    const browser = h.browser();
    await browser.signIn(OWNER_KEY);
    browser.cookies.set("parom_session", encodeURIComponent(`${marketer.key}.forged-signature`));

    const page = await browser.get("/leads");

    expect(page.status).toBe(303);
    expect(page.location).toBe("/?next=%2Fleads");
  });

  it("returns to the page asked for, but never to another site", async () => {
    const browser = h.browser();
    const asked = await browser.get("/sources");
    expect(asked.location).toBe("/?next=%2Fsources");

    expect((await browser.signIn(OWNER_KEY, "/sources")).location).toBe("/sources");
    expect((await h.browser().signIn(OWNER_KEY, "//evil.example/")).location).toBe("/");
    expect((await h.browser().signIn(OWNER_KEY, "https://evil.example/")).location).toBe("/");
  });

  it("signs out: the cookie is cleared and / shows the sign-in form again", async () => {
    const browser = h.browser();
    await browser.signIn(OWNER_KEY);
    await browser.get("/");

    const out = await browser.post("/sign-out", {});
    const after = await browser.get("/");

    expect(out.status).toBe(303);
    expect(out.setCookies.find((line) => line.startsWith("parom_session="))).toMatch(/Max-Age=0/);
    expect(browser.cookies.has("parom_session")).toBe(false);
    expect(after.html).toContain('action="/sign-in"');
  });

  it("locks the browser out as soon as its key is revoked", async () => {
    const key = (await h.call("POST", "/api/keys", { role: "marketer" })).body;
    const browser = h.browser({ acceptLanguage: "en" });
    await browser.signIn(key.key);
    expect((await browser.get("/leads")).status).toBe(200);

    await h.call("DELETE", `/api/keys/${key.id}`);
    const refused = await browser.get("/leads");
    const home = await browser.get(refused.location!);

    expect(refused.status).toBe(303);
    expect(refused.location).toBe("/?next=%2Fleads&ended=1");
    expect(browser.cookies.has("parom_session")).toBe(false);
    expect(textOf(home.html)).toContain("Your session ended");
  });
});

describe("forms from another site", () => {
  it("refuses a form without the token, and nothing is created", async () => {
    const browser = h.browser();
    await browser.signIn(OWNER_KEY);
    await browser.get("/sources");

    const page = await browser.post("/sources", { name: "Forged source", format: "json", _csrf: null });

    expect(page.status).toBe(403);
    expect((await h.call("GET", "/api/sources")).body.items.map((s: any) => s.name)).not.toContain("Forged source");
  });

  it("refuses a wrong token, a token of another browser, and a form posted from another origin", async () => {
    const browser = h.browser();
    await browser.signIn(OWNER_KEY);
    await browser.get("/sources");
    const other = h.browser();
    await other.signIn(OWNER_KEY);
    await other.get("/sources");

    expect((await browser.post("/sources", { name: "Forged 1", format: "json", _csrf: "x".repeat(43) })).status).toBe(403);
    expect((await browser.post("/sources", { name: "Forged 2", format: "json", _csrf: other.csrf })).status).toBe(403);
    expect((await browser.post("/sources", { name: "Forged 3", format: "json" }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await h.call("GET", "/api/sources")).body.items.map((s: any) => s.name)).not.toContain("Forged 1");
  });

  it("refuses a sign-out without the token, leaving the browser signed in", async () => {
    const browser = h.browser();
    await browser.signIn(OWNER_KEY);

    expect((await browser.post("/sign-out", { _csrf: null })).status).toBe(403);
    expect((await browser.get("/leads")).status).toBe(200);
  });

  it("draws a new token at sign-in, so a token seen before signing in does not carry over", async () => {
    const browser = h.browser();
    await browser.get("/");
    const before = browser.csrf;

    await browser.post("/sign-in", { key: OWNER_KEY });
    await browser.get("/sources");

    expect(browser.csrf).not.toBe(before);
    expect((await browser.post("/sources", { name: "Old token", format: "json", _csrf: before })).status).toBe(403);
  });
});

describe("roles", () => {
  it("shows a contractor its own campaigns and refuses it the team's pages like the API does", async () => {
    const browser = h.browser({ acceptLanguage: "en" });
    await browser.signIn(contractorKey);

    const home = await browser.get("/");

    expect(textOf(home.html)).toContain("My campaigns");
    expect(textOf(home.html)).toContain("Yandex north_bags 0 RUB 0.00");
    expect(home.html).not.toContain("south_bags");
    expect(home.html).not.toContain('href="/leads"');
    // Each page beside the API call it stands for; the contractors' page has no API twin (a contractor's own record is its home).
    const pages: [string, string, string][] = [
      ["/leads", "GET", "/api/leads"],
      ["/hypotheses/new", "POST", "/api/hypotheses"],
      ["/sources", "GET", "/api/sources"],
      ["/spend", "POST", "/api/spend"],
      ["/quarantine", "GET", "/api/quarantine"],
      ["/contractors", "POST", "/api/contractors"],
    ];
    for (const [page, method, api] of pages) {
      expect((await browser.get(page)).status, page).toBe(403);
      expect((await h.call(method, api, method === "POST" ? {} : undefined, { key: contractorKey })).status, api).toBe(403);
    }
    expect((await browser.post("/sources", { name: "By a contractor", format: "json" })).status).toBe(403);
  });

  it("lets a marketer open the team's pages", async () => {
    const browser = h.browser();
    await browser.signIn(marketer.key);

    for (const path of ["/", "/leads", "/hypotheses/new", "/sources", "/spend", "/quarantine", "/contractors"]) {
      expect((await browser.get(path)).status, path).toBe(200);
    }
  });

  it("answers an unknown page with a page, and unknown API paths with the API's JSON", async () => {
    const browser = h.browser();
    await browser.signIn(OWNER_KEY);

    const page = await browser.get("/no-such-page");
    const api = await h.call("GET", "/api/no-such-thing");

    expect(page.status).toBe(404);
    expect(page.html).toContain("<!DOCTYPE html>");
    expect(api.status).toBe(404);
    expect(api.body.error).toBe("not_found");
  });
});
