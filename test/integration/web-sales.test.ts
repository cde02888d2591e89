import { beforeAll, describe, expect, it } from "vitest";
import { arrive, NOW } from "../support/discipline.js";
import { OWNER_KEY } from "../support/harness.js";
import { createSource, token } from "../support/intake.js";
import { addSalesPerson } from "../support/sales.js";
import { Browser, createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let source: { key: string; id: string };
let owner: Browser;

beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  source = await createSource(h, "json");
  owner = h.browser({ acceptLanguage: "en" });
  await owner.signIn(OWNER_KEY);
});

const signedIn = async (key: string, lang = "en") => {
  const browser = h.browser({ acceptLanguage: lang });
  await browser.signIn(key);
  return browser;
};

describe("the people page", () => {
  it("lets the owner add a person with a duty and CRM user ids, and lists them", async () => {
    const name = `Ольга ${token()}`;
    const form = await owner.get("/people");
    expect(form.status).toBe(200);
    expect(form.html).toContain('action="/people"');

    const posted = await owner.post("/people", { name, role: "manager", duty: "accounts", email: "olga@shop.example", crmUserIds: "7001001, 7001002" });
    expect(posted.status).toBe(303);

    const text = textOf((await owner.get(posted.location!)).html);
    expect(text).toContain(`${name} account manager olga@shop.example 7001001, 7001002`);
    const people = (await h.call("GET", "/api/people")).body.items;
    expect(people).toContainEqual(expect.objectContaining({ name, duty: "accounts", crmUserIds: ["7001001", "7001002"] }));
  });

  it("shows a refused person at the form, and in Russian names roles in Russian", async () => {
    const refused = await owner.post("/people", { name: "", role: "manager", duty: "leads", email: "", crmUserIds: "" });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('class="problems"');

    const head = await addSalesPerson(h, "sales_head");
    const ru = await signedIn(OWNER_KEY, "ru");
    const text = textOf((await ru.get("/people")).html);
    expect(text).toContain(`${head.name} руководитель отдела продаж`);
    expect(text).toContain("Добавить человека");
    expect(text).not.toContain("sales_head");
  });

  it("shows the list to a marketer and the head of sales without the form, and refuses a manager", async () => {
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key as string;
    const head = await addSalesPerson(h, "sales_head");
    const manager = await addSalesPerson(h, "manager");

    for (const key of [marketer, head.key]) {
      const page = await (await signedIn(key)).get("/people");
      expect(page.status).toBe(200);
      expect(textOf(page.html)).toContain(manager.name);
      expect(page.html).not.toContain('action="/people"');
    }
    expect((await (await signedIn(manager.key)).get("/people")).status).toBe(403);
  });
});

describe("the lead page's person and hand-overs", () => {
  it("assigns the lead and hands it over until a time through the forms, naming who did it", async () => {
    const [anna, boris] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const head = await addSalesPerson(h, "sales_head");
    const id = await arrive(h, source, "2026-03-09T10:00:00+03:00");
    const browser = await signedIn(head.key);

    const before = await browser.get(`/leads/${id}`);
    expect(textOf(before.html)).toContain("Person nobody yet");
    expect(before.html).toContain(`action="/leads/${id}/assignee"`);

    const assigned = await browser.post(`/leads/${id}/assignee`, { assigneeId: anna.id });
    expect(assigned.status).toBe(303);
    expect((await h.call("GET", `/api/leads/${id}`)).body.assigneeId).toBe(anna.id);

    const handed = await browser.post(`/leads/${id}/handovers`, { to: boris.id, until: "2026-03-17T18:00", reason: "отпуск" });
    expect(handed.status).toBe(303);
    const text = textOf((await browser.get(`/leads/${id}`)).html);
    expect(text).toContain(`Person ${boris.name}`);
    expect(text).toContain(`from ${anna.name} to ${boris.name}, until 17 Mar 2026, 18:00 отпуск (by ${head.name})`);
  });

  it("shows the lead back with its person once the hand-over's time has passed, before the sweep runs", async () => {
    const [anna, boris] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const id = await arrive(h, source, "2026-03-09T10:00:00+03:00");
    await h.call("PATCH", `/api/leads/${id}`, { assigneeId: anna.id });
    await h.call("POST", `/api/leads/${id}/handovers`, { to: boris.id, until: "2026-03-10T13:00:00Z", reason: "обед" });
    expect(textOf((await owner.get(`/leads/${id}`)).html)).toContain(`Person ${boris.name}`);

    h.setNow("2026-03-10T13:01:00Z");
    try {
      const text = textOf((await owner.get(`/leads/${id}`)).html);
      expect(text).toContain(`Person ${anna.name}`);
      expect(text).toContain("returned 10 Mar 2026, 16:00");
    } finally {
      h.setNow(NOW);
    }
  });

  it("shows a refused hand-over at its form and keeps the lead's person", async () => {
    const [anna, boris] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const id = await arrive(h, source, "2026-03-09T10:00:00+03:00");
    await h.call("PATCH", `/api/leads/${id}`, { assigneeId: anna.id });

    const refused = await owner.post(`/leads/${id}/handovers`, { to: boris.id, until: "2026-03-01T10:00", reason: "поздно" });

    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain("must be in the future");
    expect((await h.call("GET", `/api/leads/${id}`)).body.assigneeId).toBe(anna.id);
  });

  it("shows a marketer the person and hand-overs without the forms, in Russian", async () => {
    const [anna, boris] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const id = await arrive(h, source, "2026-03-09T10:00:00+03:00");
    await h.call("PATCH", `/api/leads/${id}`, { assigneeId: anna.id });
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key as string;
    const other = await arrive(h, source, "2026-03-09T11:00:00+03:00");
    await h.call("PATCH", `/api/leads/${other}`, { assigneeId: anna.id });
    await h.call("POST", `/api/leads/${other}/handovers`, { to: boris.id, reason: "перевод" });

    const page = await (await signedIn(marketer, "ru")).get(`/leads/${id}`);
    const handed = textOf((await (await signedIn(marketer, "ru")).get(`/leads/${other}`)).html);

    const text = textOf(page.html);
    expect(text).toContain(`Ответственный ${anna.name}`);
    expect(text).toContain("Передач не было.");
    expect(handed).toContain(`${anna.name} → ${boris.name}, насовсем перевод (передано владельцем)`);
    expect(handed).not.toContain(`от ${anna.name} к`);
    expect(page.html).not.toContain(`action="/leads/${id}/handovers"`);
    expect(page.html).not.toContain(`action="/leads/${id}/assignee"`);
  });
});

describe("the sources page's assignment rule", () => {
  it("lets the owner give a source's new leads to managers in turn, and shows the rule on the sources page", async () => {
    const [anna, boris] = [await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const own = await createSource(h, "json");

    const page = await owner.get("/assignment");
    expect(page.html).toContain(`action="/sources/${own.id}/assignment"`);
    const body = new FormData();
    body.set("mode", "round_robin");
    body.append("personIds", anna.id);
    body.append("personIds", boris.id);
    const posted = await owner.post(`/sources/${own.id}/assignment`, body);

    expect(posted.status).toBe(303);
    expect((await h.call("GET", `/api/sources/${own.id}/assignment`)).body).toMatchObject({ mode: "round_robin", personIds: [anna.id, boris.id] });
    const sources = await owner.get("/sources");
    expect(textOf(sources.html)).toContain(`New leads go in turn to ${anna.name}, ${boris.name}.`);
    expect(sources.html).toContain(`href="/assignment#assignment-${own.id}"`);
  });

  it("shows a refused rule beside its form, and no form to a marketer", async () => {
    const own = await createSource(h, "json");
    await owner.get("/assignment");
    const refused = await owner.post(`/sources/${own.id}/assignment`, { mode: "round_robin" });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('class="problems"');

    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key as string;
    const page = await (await signedIn(marketer)).get("/sources");
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("/assignment");
  });
});
