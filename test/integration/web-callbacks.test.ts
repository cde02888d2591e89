import { beforeAll, describe, expect, it } from "vitest";
import { ARRIVAL, arrive, attempts, NOW } from "../support/discipline.js";
import { OWNER_KEY } from "../support/harness.js";
import { createSource } from "../support/intake.js";
import { addSalesPerson, type SalesPerson } from "../support/sales.js";
import { Browser, createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let source: { key: string; id: string };
let head: SalesPerson;
let headRu: Browser;

/** Five unanswered attempts over two days and two times of day: the lead is lost as no_contact. */
const UNREACHED = ["2026-03-02T10:00:00+03:00", "2026-03-02T19:00:00+03:00", "2026-03-03T10:00:00+03:00", "2026-03-03T19:00:00+03:00", "2026-03-04T10:00:00+03:00"];

beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  source = await createSource(h, "json");
  head = await addSalesPerson(h, "sales_head", { name: "Вера Руководитель" });
  headRu = h.browser({ acceptLanguage: "ru" });
  await headRu.signIn(head.key);
});

describe("the lead page's stage form", () => {
  it("refuses in Russian a move missing required tags, naming them in Russian, and moves once they are set", async () => {
    const own = await createSource(h, "json");
    await h.call("PUT", `/api/sources/${own.id}/required-tags`, { fromStage: "qualified", tags: ["clientType", "city"] });
    const id = await arrive(h, own, ARRIVAL);
    await headRu.get(`/leads/${id}`);

    const refused = await headRu.post(`/leads/${id}/stage`, { stage: "qualified", amount: "", lostReason: "" });

    expect(refused.status).toBe(409);
    const text = textOf(refused.html);
    expect(text).toContain("Лид нельзя перевести на этап «Квалифицирован», пока не заполнены обязательные теги: тип клиента, город.");
    expect(text).not.toContain("clientType");
    expect((await h.call("GET", `/api/leads/${id}`)).body.stage).toBe("new");

    await h.call("PUT", `/api/leads/${id}/tags`, { clientType: "retail", city: "Тула" });
    const moved = await headRu.post(`/leads/${id}/stage`, { stage: "qualified", amount: "", lostReason: "" });

    expect(moved.status).toBe(303);
    expect((await h.call("GET", `/api/leads/${id}`)).body.stage).toBe("qualified");
  });

  it("tells other refusals of a move in Russian: a won deal without its amount, a move back", async () => {
    const id = await arrive(h, source, ARRIVAL, { stages: [{ stage: "qualified" }] });
    await headRu.get(`/leads/${id}`);

    const noAmount = await headRu.post(`/leads/${id}/stage`, { stage: "won", amount: "", lostReason: "" });
    const back = await headRu.post(`/leads/${id}/stage`, { stage: "contacted", amount: "", lostReason: "" });
    const won = await headRu.post(`/leads/${id}/stage`, { stage: "won", amount: "75000,50", lostReason: "" });

    expect(noAmount.status).toBe(400);
    expect(textOf(noAmount.html)).toContain("Исправьте отмеченные поля.");
    expect(textOf(noAmount.html)).toContain("Для сделки укажите сумму больше нуля");
    expect(noAmount.html).not.toContain("<code>amount</code>");
    expect(back.status).toBe(409);
    expect(textOf(back.html)).toContain("Лид не возвращается назад: он дошёл до этапа «Квалифицирован» и не может вернуться на «Контакт».");
    expect(won.status).toBe(303);
    expect((await h.call("GET", `/api/leads/${id}`)).body).toMatchObject({ stage: "won", amount: "75000.50" });
  });

  it("says who made the first contact attempt and how long after arrival, in working time too", async () => {
    const manager = await addSalesPerson(h, "manager", { name: "Анна Звонкова" });
    const id = await arrive(h, source, ARRIVAL); // Monday 08:00
    // A manager works only the leads assigned to them.
    await h.call("PATCH", `/api/leads/${id}`, { assigneeId: manager.id });
    const recorded = await h.call("POST", `/api/leads/${id}/contact-attempts`, { at: "2026-03-02T11:30:00+03:00", channel: "phone", result: "no_answer" }, { key: manager.key });
    expect(recorded.status, recorded.text).toBe(201);

    const text = textOf((await headRu.get(`/leads/${id}`)).html);

    expect(text).toContain("Первая попытка связаться через 3 ч 30 мин после прихода лида (2 ч 30 мин рабочего времени), Анна Звонкова.");
    expect(text).toContain("(Анна Звонкова)");
  });
});

describe("the call-back page", () => {
  it("lists a no_contact lead in Russian, records the call-back and the lead leaves the queue, shown on the lead", async () => {
    const id = await arrive(h, source, ARRIVAL);
    await attempts(h, id, UNREACHED);

    const page = await headRu.get("/callbacks");

    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/callbacks"');
    const row = textOf(/<tr data-lead="[^"]*">[\s\S]*?<\/tr>/.exec(page.html.slice(page.html.indexOf(`data-lead="${id}"`) - 20))![0]);
    expect(row).toContain("Клиент");
    expect(row).toContain("не назначен Не дозвонились за пять попыток");
    expect(row).not.toContain("no_contact");

    const recorded = await headRu.post(`/callbacks/${id}`, { result: "client_refused", note: "Купил у конкурента" });

    expect(recorded.status).toBe(303);
    const after = await headRu.get(recorded.location!);
    expect(textOf(after.html)).toContain("Перезвон записан: лид вышел из очереди.");
    expect(after.html).not.toContain(`data-lead="${id}"`);
    const lead = textOf((await headRu.get(`/leads/${id}`)).html);
    expect(lead).toContain("Перезвоны руководителя 10 мар. 2026 г., 15:00 — Клиент отказался (Вера Руководитель) Купил у конкурента");
    // The owner's key is bound to nobody: its name ("owner") is not shown on a Russian page.
    expect(lead).not.toContain("owner");
  });

  it("lists this month's spot checks and records one", async () => {
    const accounts = await addSalesPerson(h, "manager", { duty: "accounts", name: "Ольга Клиентская" });
    const client = await arrive(h, source, ARRIVAL, { stages: [{ stage: "won", amount: "75000" }] });
    await h.call("PATCH", `/api/leads/${client}`, { assigneeId: accounts.id });

    const page = await headRu.get("/callbacks");

    const text = textOf(page.html);
    expect(text).toContain("Контрольные звонки, март 2026");
    expect(text).toContain("Ольга Клиентская: 1 из 1 клиентов");
    const recorded = await headRu.post(`/callbacks/spot-checks/2026-03/${client}`, { result: "satisfied", note: "" });
    expect(recorded.status).toBe(303);
    expect(textOf((await headRu.get("/callbacks")).html)).toContain("Доволен, Вера Руководитель");
  });

  it("speaks English too, and is closed to marketers", async () => {
    const owner = h.browser({ acceptLanguage: "en" });
    await owner.signIn(OWNER_KEY);
    const text = textOf((await owner.get("/callbacks")).html);
    expect(text).toContain("Call-backs and spot checks");
    expect(text).toContain("2 h of working time");
    const marketer = h.browser({ acceptLanguage: "ru" });
    await marketer.signIn((await h.call("POST", "/api/keys", { role: "marketer" })).body.key);
    expect((await marketer.get("/callbacks")).status).toBe(403);
    expect((await marketer.get("/leads")).html).not.toContain('href="/callbacks"');
  });
});
