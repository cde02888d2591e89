import { beforeAll, describe, expect, it } from "vitest";
import { maskEmail, maskPhone } from "../../packages/core/src/lead/contact-mask.js";
import { createCampaign, postHook, createSource, token } from "../support/intake.js";
import { addSalesPerson, type SalesPerson } from "../support/sales.js";
import { createWebHarness, textOf, type WebHarness } from "../support/web.js";

/*
 * Marketers see leads without contact details in lists (phone to its last two digits, e-mail to its
 * first letter and top-level domain); the whole contact is on one lead's page, and every such view
 * by a marketer or the head of sales is in an access log the owner reads.
 */

let h: WebHarness;
let marketer: { id: string; key: string };
let manager: SalesPerson;
let head: SalesPerson;
let leadId: string;
let campaign: Awaited<ReturnType<typeof createCampaign>>;

const PHONE = "+79991234567";
const EMAIL = "ivan.petrov@example.ru";

beforeAll(async () => {
  h = await createWebHarness({ now: "2026-03-10T12:00:00Z" });
  const source = await createSource(h, "json");
  campaign = await createCampaign(h, "yandex", `mask-${token()}`);
  [manager, head] = await Promise.all([addSalesPerson(h, "manager"), addSalesPerson(h, "sales_head")]);
  marketer = (await h.call("POST", "/api/keys", { role: "marketer", name: "Мария Маркетолог" })).body;
  const res = await postHook(h, source.key, { contentType: "application/json", text: JSON.stringify({ name: "Иван Петров", phone: PHONE, email: EMAIL, ...campaign.utm }) });
  leadId = res.body.leads[0].id;
  expect((await h.call("PATCH", `/api/leads/${leadId}`, { assigneeId: manager.id })).status).toBe(200);
}, 60_000);

const listed = async (key: string) => {
  const res = await h.call("GET", `/api/leads?campaignId=${campaign.campaignId}`, undefined, { key });
  expect(res.status).toBe(200);
  return res.body.items[0].contact;
};
const views = async (query = "") => (await h.call("GET", `/api/contact-views${query}`)).body.items as Array<Record<string, unknown>>;

describe("masking", () => {
  it("keeps the last two digits of a phone and the separators", () => {
    expect(maskPhone("+7 999 123-45-67")).toBe("+• ••• •••-••-67");
    expect(maskPhone(PHONE)).toBe("+•••••••••67");
    expect(maskEmail(EMAIL)).toBe("i•••@•••.ru");
  });
});

describe("lead lists", () => {
  it("show a marketer the name with the phone and e-mail masked", async () => {
    expect(await listed(marketer.key)).toEqual({ name: "Иван Петров", phone: "+•••••••••67", email: "i•••@•••.ru" });
  });

  it("show the owner, the head of sales and the lead's manager the whole contact", async () => {
    for (const key of [undefined, head.key, manager.key]) {
      const res = await h.call("GET", `/api/leads?campaignId=${campaign.campaignId}`, undefined, key ? { key } : {});
      expect(res.body.items[0].contact).toEqual({ name: "Иван Петров", phone: PHONE, email: EMAIL });
    }
  });

  it("show a marketer masked contacts on the leads page too", async () => {
    const browser = h.browser({ acceptLanguage: "ru" });
    await browser.signIn(marketer.key);
    const page = await browser.get(`/leads?campaignId=${campaign.campaignId}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("1234567");
    expect(page.html).not.toContain("ivan.petrov");
  });
});

describe("one lead's whole contact and the access log", () => {
  it("shows a marketer the whole contact on the lead, logging who, when, which lead and where", async () => {
    const res = await h.call("GET", `/api/leads/${leadId}`, undefined, { key: marketer.key });
    expect(res.status).toBe(200);
    expect(res.body.contact).toEqual({ name: "Иван Петров", phone: PHONE, email: EMAIL });
    const logged = (await views()).filter((view) => view.leadId === leadId && view.keyId === marketer.id);
    expect(logged).toEqual([expect.objectContaining({ name: "Мария Маркетолог", role: "marketer", where: "api", at: "2026-03-10T12:00:00.000Z", day: "2026-03-10" })]);
  });

  it("logs the lead page's view by the head of sales, and no view by the owner or the lead's manager", async () => {
    h.setNow("2026-03-11T09:00:00Z");
    const browser = h.browser({ acceptLanguage: "ru" });
    await browser.signIn(head.key);
    const page = await browser.get(`/leads/${leadId}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain(PHONE);
    await h.call("GET", `/api/leads/${leadId}`);
    await h.call("GET", `/api/leads/${leadId}`, undefined, { key: manager.key });
    h.setNow("2026-03-10T12:00:00Z");

    const onEleventh = await views("?from=2026-03-11&to=2026-03-11");
    expect(onEleventh).toEqual([expect.objectContaining({ leadId, keyId: head.keyId, personId: head.id, name: head.name, role: "sales_head", where: "web" })]);
    const onTenth = await views("?to=2026-03-10");
    expect(onTenth.map((view) => view.role)).toEqual(["marketer"]);
  });

  it("is read by the owner only, a period at a time, refusing a bad day by name", async () => {
    for (const key of [marketer.key, head.key, manager.key]) expect((await h.call("GET", "/api/contact-views", undefined, { key })).status).toBe(403);
    for (const query of ["from=2026-03-40", "from=2026-03-12&to=2026-03-01"]) {
      const bad = await h.call("GET", `/api/contact-views?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.text, query).toContain("from");
    }
    const paged = await h.call("GET", "/api/contact-views?limit=1");
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.items[0].role).toBe("sales_head"); // newest first
    const next = await h.call("GET", `/api/contact-views?limit=1&cursor=${encodeURIComponent(paged.body.nextCursor)}`);
    expect(next.body.items[0].role).toBe("marketer");
  });

  it("is on the owner's access log page, in Russian", async () => {
    const owner = h.browser({ acceptLanguage: "ru" });
    const { OWNER_KEY } = await import("../support/harness.js");
    await owner.signIn(OWNER_KEY);
    const text = textOf((await owner.get("/access-log")).html);
    expect(text).toContain("Журнал доступа");
    expect(text).toContain("Мария Маркетолог (маркетолог)");
    expect(text).toContain(`${head.name} (руководитель продаж) ${leadId} Страница лида`);
    const marketerBrowser = h.browser({ acceptLanguage: "ru" });
    await marketerBrowser.signIn(marketer.key);
    expect((await marketerBrowser.get("/access-log")).status).toBe(403);
  });
});
