import { beforeAll, describe, expect, it } from "vitest";
import { ARRIVAL, arrive, NOW } from "../support/discipline.js";
import { createSource } from "../support/intake.js";
import { addSalesPerson, type SalesPerson } from "../support/sales.js";
import { createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let source: { key: string; id: string };
let head: SalesPerson;
let manager: SalesPerson;

beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  source = await createSource(h, "json");
  [head, manager] = [await addSalesPerson(h, "sales_head", { name: "Ольга Главная" }), await addSalesPerson(h, "manager")];
  await h.call("PUT", `/api/sources/${source.id}/assignment`, { mode: "fixed", personId: manager.id });
});

describe("the lead page's quality review form", () => {
  it("lets the head of sales in Russian find a lost lead lost by the manager, and shows the finding with who and when", async () => {
    const id = await arrive(h, source, ARRIVAL, { stages: [{ stage: "lost", lostReason: "дорого" }] });
    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(head.key);
    const page = await ru.get(`/leads/${id}`);
    expect(textOf(page.html)).toContain("Проверка качества Ещё не проверен.");
    expect(page.html).toContain('<option value="manager">потерян по вине менеджера, а не клиента</option>');

    const saved = await ru.post(`/leads/${id}/quality-review`, { lostReasonCategory: "manager", note: "не перезвонил" });

    expect(saved.status, textOf(saved.html)).toBe(303);
    expect(saved.location).toBe(`/leads/${id}#review`);
    const lead = (await h.call("GET", `/api/leads/${id}`)).body;
    expect(lead.qualityReview).toMatchObject({ lostReasonCategory: "manager", note: "не перезвонил", actor: `key:${head.keyId}` });
    const after = textOf((await ru.get(`/leads/${id}`)).html);
    expect(after).toContain("Проверен: потерян по вине менеджера, а не клиента (Ольга Главная, 10 мар. 2026 г.");
    expect(after).toContain("15:00). не перезвонил");
    expect(after).not.toMatch(/\bmanager\b|key:/);
  });

  it("refuses a lead that is not lost in words, and a bad choice naming it", async () => {
    const id = await arrive(h, source, ARRIVAL);
    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(head.key);
    const page = await ru.get(`/leads/${id}`);
    expect(textOf(page.html)).toContain("Проверить можно только потерянный лид.");
    expect(page.html).not.toContain(`action="/leads/${id}/quality-review"`);

    const refused = await ru.post(`/leads/${id}/quality-review`, { lostReasonCategory: "manager", note: "" });
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain("Проверять причину потери можно только у потерянного лида.");
    expect(textOf(refused.html)).not.toMatch(/lead_not_lost|only a lost lead/);

    const lost = await arrive(h, source, ARRIVAL, { stages: [{ stage: "lost", lostReason: "дорого" }] });
    await ru.get(`/leads/${lost}`);
    const bad = await ru.post(`/leads/${lost}/quality-review`, { lostReasonCategory: "client", note: "" });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain("Вывод потерян по вине менеджера, а не клиента ⚠ неверное значение");
    // The summary above the form names each field: a comment too long for the text box.
    const long = await ru.post(`/leads/${lost}/quality-review`, { lostReasonCategory: "manager", note: "я".repeat(2001) });
    expect(long.status).toBe(400);
    expect(textOf(long.html)).toContain("В форме есть ошибки: Комментарий (что пошло не так): не больше 2000 символов");
    expect((await h.call("GET", `/api/leads/${lost}`)).body.qualityReview).toBeNull();
  });

  it("is not offered to a manager, whose post is refused", async () => {
    const id = await arrive(h, source, ARRIVAL, { stages: [{ stage: "lost", lostReason: "дорого" }] });
    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(manager.key);
    const page = await ru.get(`/leads/${id}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).not.toContain("Проверка качества");
    expect((await ru.post(`/leads/${id}/quality-review`, { lostReasonCategory: "manager", note: "" })).status).toBe(403);
    expect((await h.call("GET", `/api/leads/${id}`)).body.qualityReview).toBeNull();
  });
});
