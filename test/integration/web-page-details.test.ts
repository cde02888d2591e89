import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { createCampaign, createSource, fixtureWith, postHook, token } from "../support/intake.js";
import { importCohorts, newCampaign, newHypothesis, toOptimization } from "../support/decisions.js";
import { OWNER_KEY } from "../support/harness.js";
import { Browser, ownerSignedIn, type WebHarness } from "../support/web.js";

let h: WebHarness;
let owner: Browser;
beforeAll(async () => {
  ({ h, owner } = await ownerSignedIn());
});

describe("the site's icon", () => {
  it("is declared by every page and served, so the browser's request for /favicon.ico finds it too", async () => {
    const signedOut = await h.browser().get("/");
    const board = await owner.get("/");
    const svg = await h.web.request("http://localhost/favicon.svg");
    const ico = await h.web.request("http://localhost/favicon.ico");

    for (const page of [signedOut, board]) expect(page.html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(Number(/max-age=(\d+)/.exec(svg.headers.get("cache-control")!)![1])).toBeGreaterThanOrEqual(7 * 86400);
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>.*<\/svg>$/);
    expect(ico.status).toBe(301);
    expect(ico.headers.get("location")).toBe("/favicon.svg");
  });
});

describe("the menu", () => {
  it("marks My report as the current page on a contractor's own report, which /report leads to", async () => {
    const contractorId = (await h.call("POST", "/api/contractors", { name: `Agency ${newId()}` })).body.id as string;
    const key = (await h.call("POST", "/api/keys", { role: "contractor", contractorId })).body.key as string;
    const agency = h.browser({ acceptLanguage: "en" });
    await agency.signIn(key);

    const redirect = await agency.get("/report");
    const report = await agency.get(redirect.location!);
    const home = await agency.get("/");

    expect(redirect.location).toBe(`/contractors/${contractorId}/report`);
    expect(report.html).toContain('<a href="/report" aria-current="page">My report</a>');
    expect(report.html).not.toMatch(/<a href="\/" aria-current/);
    expect(home.html).toContain('<a href="/report">My report</a>');
  });
});

/** The text as a browser joins it: tags removed without adding spaces, so a missing space shows. */
const joinedText = (html: string) => html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");

describe("quoted comments and reasons", () => {
  it("are set apart by a space in the hypothesis' decisions and its history", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05, minLeads: 100 });
    await importCohorts(h, (await newCampaign(h, id)).utm, [{ day: "2026-02-27", leads: 3 }]);
    await toOptimization(h, id);
    await owner.get(`/hypotheses/${id}`);
    await owner.post(`/hypotheses/${id}/approvals`, { decision: "reject", comment: "Wait for 100 leads" });
    expect((await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "closed", reason: "Too few buyers", lesson: "Buyers are elsewhere" })).status).toBe(200);

    const page = joinedText((await owner.get(`/hypotheses/${id}`)).html);

    expect(page).toContain("(gate not passed at the time) Wait for 100 leads");
    expect(page).toMatch(/: Optimization → Closed Too few buyers by owner/);
  });
});

describe("the lead page", () => {
  it("names the lead's hypothesis by its title and who moved the lead: the owner, a stored key, the CRM", async () => {
    const source = await createSource(h, "amocrm");
    const utmCampaign = `bags_${token()}`;
    const { hypothesisId } = await createCampaign(h, "yandex", utmCampaign);
    const title = (await h.call("GET", `/api/hypotheses/${hypothesisId}`)).body.title as string;
    const deal = String(31_000_000 + Math.floor(Math.random() * 1_000_000));
    const lead = (await postHook(h, source.key, fixtureWith("amocrm-lead-add.txt", { "31245678": deal, bags_spring_2025: utmCampaign }))).body.leads[0].id as string;
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body as { id: string; key: string };
    await h.call("PATCH", `/api/leads/${lead}`, { stage: "contacted" });
    await h.call("PATCH", `/api/leads/${lead}`, { stage: "qualified" }, { key: marketer.key });
    expect((await postHook(h, source.key, fixtureWith("amocrm-status-won.txt", { "31245678": deal }))).status).toBe(200);

    const page = await owner.get(`/leads/${lead}`);
    const text = joinedText(page.html);

    expect(page.html).toContain(`<a href="/hypotheses/${hypothesisId}">${title}</a>`);
    expect(text).not.toContain(hypothesisId);
    expect(text).toContain("New → Contacted (by the owner)");
    expect(text).toContain(`Contacted → Qualified (by API key …${marketer.id.slice(-6)})`);
    expect(text).toMatch(/Qualified → Won, RUB 15,000.00 \(from the CRM\)/);
    expect(text).not.toContain("key:");
    expect(text).not.toContain("crm:");
  });

  it("sets a lost reason apart from the stage change, in Russian too", async () => {
    const source = await createSource(h, "json");
    const lead = (await postHook(h, source.key, { contentType: "application/json", text: JSON.stringify({ externalId: token(), name: "Анна", phone: "+79160000009" }) })).body.leads[0].id as string;
    await h.call("PATCH", `/api/leads/${lead}`, { stage: "lost", lostReason: "дорого" });

    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(OWNER_KEY);

    const text = joinedText((await ru.get(`/leads/${lead}`)).html);

    expect(text).toMatch(/→ \S+ дорого \(владельцем\)/);
  });
});
