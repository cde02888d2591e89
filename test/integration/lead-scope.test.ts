import { beforeAll, describe, expect, it } from "vitest";
import { arrive } from "../support/discipline.js";
import { createCampaign, createSource, token } from "../support/intake.js";
import { addSalesPerson, type SalesPerson } from "../support/sales.js";
import { Browser, createWebHarness, textOf, type WebHarness } from "../support/web.js";

/*
 * Managers see their own leads: a manager's key lists only the leads assigned to them and answers
 * another person's lead, or nobody's, exactly like an id that does not exist, on every lead route,
 * in the API and on the pages. The head of sales sees every lead.
 */

let h: WebHarness;
let mine: SalesPerson;
let theirs: SalesPerson;
let head: SalesPerson;
let leads: { mineAttributed: string; mineOther: string; theirs: string; nobodys: string };
let campaign: Awaited<ReturnType<typeof createCampaign>>;

const MISSING = "01NOSUCHLEAD00000000000000";

beforeAll(async () => {
  h = await createWebHarness({ now: "2026-03-10T12:00:00Z" });
  const source = await createSource(h, "json");
  campaign = await createCampaign(h, "yandex", `scope-${token()}`);
  [mine, theirs, head] = await Promise.all([addSalesPerson(h, "manager"), addSalesPerson(h, "manager"), addSalesPerson(h, "sales_head")]);
  const mineAttributed = await arrive(h, source, "2026-03-02T08:00:00+03:00", { utm: campaign.utm });
  const mineOther = await arrive(h, source, "2026-03-03T08:00:00+03:00");
  const theirLead = await arrive(h, source, "2026-03-04T08:00:00+03:00", { utm: campaign.utm });
  const nobodys = await arrive(h, source, "2026-03-05T08:00:00+03:00", { utm: campaign.utm });
  for (const [lead, person] of [[mineAttributed, mine], [mineOther, mine], [theirLead, theirs]] as const) {
    const res = await h.call("PATCH", `/api/leads/${lead}`, { assigneeId: person.id });
    expect(res.status, res.text).toBe(200);
  }
  leads = { mineAttributed, mineOther, theirs: theirLead, nobodys };
}, 60_000);

const ids = (body: { items: Array<{ id: string }> }) => body.items.map((lead) => lead.id);

describe("a manager's lead list", () => {
  it("holds only the manager's own leads, newest first, page by page", async () => {
    const all = await h.call("GET", "/api/leads", undefined, { key: mine.key });
    expect(all.status).toBe(200);
    expect(ids(all.body)).toEqual([leads.mineOther, leads.mineAttributed]);

    const first = await h.call("GET", "/api/leads?limit=1", undefined, { key: mine.key });
    expect(ids(first.body)).toEqual([leads.mineOther]);
    const second = await h.call("GET", `/api/leads?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`, undefined, { key: mine.key });
    expect(ids(second.body)).toEqual([leads.mineAttributed]);
  });

  it("narrows a hypothesis or campaign filter within the manager's own leads", async () => {
    for (const query of [`campaignId=${campaign.campaignId}`, `hypothesisId=${campaign.hypothesisId}`]) {
      const res = await h.call("GET", `/api/leads?${query}`, undefined, { key: mine.key });
      expect(ids(res.body), query).toEqual([leads.mineAttributed]);
    }
    const unattributed = await h.call("GET", "/api/leads?unattributed=true", undefined, { key: mine.key });
    expect(ids(unattributed.body)).toEqual([leads.mineOther]);
  });

  it("shows the manager their own leads' contact details unmasked", async () => {
    const res = await h.call("GET", "/api/leads", undefined, { key: mine.key });
    for (const lead of res.body.items) expect(lead.contact.phone).toMatch(/^\+7\d{10}$/);
  });

  it("lets the head of sales list every lead, another manager's and nobody's included", async () => {
    const res = await h.call("GET", `/api/leads?campaignId=${campaign.campaignId}`, undefined, { key: head.key });
    expect(ids(res.body)).toEqual([leads.nobodys, leads.theirs, leads.mineAttributed]);
  });
});

/** Every route under /api/leads/{id}, with a body that would work on the manager's own lead. */
const leadRoutes: Array<[method: string, path: (id: string) => string, body?: unknown]> = [
  ["GET", (id) => `/api/leads/${id}`],
  ["PATCH", (id) => `/api/leads/${id}`, { stage: "contacted" }],
  ["GET", (id) => `/api/leads/${id}/history`],
  ["GET", (id) => `/api/leads/${id}/contact-attempts`],
  ["POST", (id) => `/api/leads/${id}/contact-attempts`, { at: "2026-03-10T11:00:00Z", channel: "phone", result: "no_answer" }],
  ["PUT", (id) => `/api/leads/${id}/tags`, { city: "Казань" }],
  ["POST", (id) => `/api/leads/${id}/quality-review`, { lostReasonCategory: "manager" }],
];

describe("a lead that is not the manager's", () => {
  it("answers every lead route exactly like an id that does not exist, for another manager's lead and for nobody's", async () => {
    for (const [method, path, body] of leadRoutes) {
      const missing = await h.call(method, path(MISSING), body, { key: mine.key });
      expect(missing.status, `${method} ${path(":id")}`).toBe(404);
      for (const lead of [leads.theirs, leads.nobodys]) {
        const res = await h.call(method, path(lead), body, { key: mine.key });
        expect(res.status, `${method} ${path(":id")}`).toBe(404);
        expect(res.text, `${method} ${path(":id")}`).toBe(missing.text.split(MISSING).join(lead));
      }
    }
    // Nothing was written: the other manager's lead has no attempt, tag or stage change from this key.
    const untouched = await h.call("GET", `/api/leads/${leads.theirs}`);
    expect(untouched.body).toMatchObject({ stage: "new", tags: {}, contactAttempts: { count: 0 } });
  });

  it("is worked on as usual on the manager's own lead", async () => {
    const own = leads.mineOther;
    const statuses = [];
    for (const [method, path, body] of leadRoutes) statuses.push((await h.call(method, path(own), body, { key: mine.key })).status);
    // Quality review is the marketers' and the head of sales' (the lead is not lost either).
    expect(statuses).toEqual([200, 200, 200, 200, 201, 200, 403]);
  });

  it("is open to the head of sales", async () => {
    const res = await h.call("GET", `/api/leads/${leads.theirs}`, undefined, { key: head.key });
    expect(res.status).toBe(200);
    expect(res.body.assigneeId).toBe(theirs.id);
  });
});

describe("a manager's lead pages", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = h.browser({ acceptLanguage: "ru" });
    await browser.signIn(mine.key);
  });

  it("lists only the manager's own leads", async () => {
    const page = await browser.get("/leads");
    expect(page.status).toBe(200);
    for (const own of [leads.mineAttributed, leads.mineOther]) expect(page.html).toContain(`/leads/${own}`);
    for (const other of [leads.theirs, leads.nobodys]) expect(page.html).not.toContain(other);
    // They read no hypotheses or campaigns: the filters offer none, the row names its UTM labels.
    expect(page.html).not.toContain(campaign.hypothesisId);
    expect(page.html).not.toContain(campaign.campaignId);
    expect(textOf(page.html)).toContain(`Яндекс / ${campaign.utm.utm_campaign}`);
  });

  it("shows another manager's lead and nobody's as not found, and refuses an attempt on it", async () => {
    for (const lead of [leads.theirs, leads.nobodys]) {
      const page = await browser.get(`/leads/${lead}`);
      expect(page.status).toBe(404);
      const posted = await browser.post(`/leads/${lead}/contact-attempts`, { at: "2026-03-10T14:00", channel: "phone", result: "reached" });
      expect(posted.status).toBe(404);
    }
    expect((await h.call("GET", `/api/leads/${leads.theirs}/contact-attempts`)).body.items).toEqual([]);
    const own = await browser.get(`/leads/${leads.mineAttributed}`);
    expect(own.status).toBe(200);
    expect(textOf(own.html)).toContain("+7");
    expect(own.html).not.toContain(`/hypotheses/${campaign.hypothesisId}`);
  });
});
