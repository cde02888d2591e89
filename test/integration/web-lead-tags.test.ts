import { beforeAll, describe, expect, it } from "vitest";
import { ARRIVAL, arrive, NOW } from "../support/discipline.js";
import { createSource } from "../support/intake.js";
import { addSalesPerson, type SalesPerson } from "../support/sales.js";
import { createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let source: { key: string; id: string };
let manager: SalesPerson;
let other: SalesPerson;

beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  source = await createSource(h, "json");
  [manager, other] = [await addSalesPerson(h, "manager", { name: "Дарья Лидова" }), await addSalesPerson(h, "manager")];
  await h.call("PUT", `/api/sources/${source.id}/assignment`, { mode: "fixed", personId: manager.id });
  await h.call("PUT", `/api/sources/${source.id}/required-tags`, { fromStage: "qualified", tags: ["clientType", "city"] });
});

describe("the lead page's tags form", () => {
  it("lets a manager in Russian set the tags a refused move named, and then move the lead", async () => {
    const id = await arrive(h, source, ARRIVAL);
    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(manager.key);

    const page = await ru.get(`/leads/${id}`);
    expect(textOf(page.html)).toContain("Теги клиента");
    expect(page.html).toContain(`action="/leads/${id}/tags"`);
    expect((await ru.post(`/leads/${id}/stage`, { stage: "qualified", amount: "", lostReason: "" })).status).toBe(409);

    const saved = await ru.post(`/leads/${id}/tags`, { clientType: "retail", city: "Тула", storeCount: "3", storeType: "" });

    expect(saved.status, textOf(saved.html)).toBe(303);
    expect(saved.location).toBe(`/leads/${id}#tags`);
    expect((await h.call("GET", `/api/leads/${id}`)).body.tags).toEqual({ clientType: "retail", city: "Тула", storeCount: 3, storeType: null });
    const after = await ru.get(`/leads/${id}`);
    expect(after.html).toMatch(/<option value="retail" selected="">розница<\/option>/);
    expect((await ru.post(`/leads/${id}/stage`, { stage: "qualified", amount: "", lostReason: "" })).status).toBe(303);
    expect((await h.call("GET", `/api/leads/${id}`)).body.stage).toBe("qualified");
  });

  it("answers another manager's lead as not found, and names a bad field in Russian", async () => {
    const id = await arrive(h, source, ARRIVAL);
    await h.call("PUT", `/api/leads/${id}/tags`, { clientType: "buyer", city: "Омск" });
    const stranger = h.browser({ acceptLanguage: "ru" });
    await stranger.signIn(other.key);
    await stranger.get("/leads");
    expect((await stranger.post(`/leads/${id}/tags`, { clientType: "", city: "", storeCount: "", storeType: "" })).status).toBe(404);
    expect((await h.call("GET", `/api/leads/${id}`)).body.tags).toMatchObject({ clientType: "buyer", city: "Омск" });

    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(manager.key);
    await ru.get(`/leads/${id}`);
    const refused = await ru.post(`/leads/${id}/tags`, { clientType: "buyer", city: "Омск", storeCount: "много", storeType: "" });
    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain("Исправьте отмеченные поля.");
    expect(textOf(refused.html)).toContain("Число магазинов ⚠ целое число от 0 до 1 000 000");
    expect(textOf(refused.html)).not.toMatch(/storeCount|Invalid input/);
    expect((await h.call("GET", `/api/leads/${id}`)).body.tags).toMatchObject({ clientType: "buyer", city: "Омск", storeCount: null });
  });
});
