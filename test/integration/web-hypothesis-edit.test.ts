import { beforeAll, describe, expect, it } from "vitest";
import { OWNER_KEY } from "../support/harness.js";
import { importCohorts, importSpend, newCampaign, newHypothesis, toOptimization } from "../support/decisions.js";
import { addSalesPerson } from "../support/sales.js";
import { Browser, createWebHarness, textOf, type WebHarness } from "../support/web.js";

// Today is 20 April 2026 in Moscow; the hypotheses' probes ran through March.
let h: WebHarness;
let marketer: Browser;
beforeAll(async () => {
  h = await createWebHarness({ now: "2026-04-20T09:00:00Z" });
  marketer = h.browser({ acceptLanguage: "ru" });
  await marketer.signIn((await h.call("POST", "/api/keys", { role: "marketer", name: "Ольга" })).body.key);
});

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const pageText = async (browser: Browser, path: string) => spaces(textOf((await browser.get(path)).html));
const read = async (id: string) => (await h.call("GET", `/api/hypotheses/${id}`)).body;

/** What the edit form posts when a person changes `changed` of the prefilled fields. */
async function editForm(id: string, changed: Record<string, string>): Promise<Record<string, string>> {
  const html = (await marketer.get(`/hypotheses/${id}`)).html;
  const field = (name: string) => new RegExp(`name="${name.replaceAll(".", "\\.")}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? "";
  const paths = ["title", "budget", "probe.start", "probe.end", "targets.cplMax", "targets.conversionMin", "maturityDays", "confidence"];
  const values = Object.fromEntries(paths.map((path) => [`edit.${path}`, field(`edit.${path}`)]));
  const statement = /name="edit\.statement"[^>]*>([^<]*)</.exec(html)?.[1] ?? "";
  const renamed = Object.fromEntries(Object.entries(changed).map(([path, value]) => [`edit.${path}`, value]));
  return { expectedVersion: field("expectedVersion"), ...values, "edit.statement": statement, ...renamed };
}

describe("editing a hypothesis on its page", () => {
  it("shows the current values (money as people write it), saves a change with its reason, and tells it in the history", async () => {
    const id = await newHypothesis(h, { cplMax: "1500", conversionMin: 0.05 });
    const form = await editForm(id, {});
    expect(form).toMatchObject({ "edit.budget": "500 000", "edit.targets.cplMax": "1 500", "edit.targets.conversionMin": "5", "edit.confidence": "90", "edit.maturityDays": "15" });

    const saved = await marketer.post(`/hypotheses/${id}/edit`, { ...form, "edit.budget": "600 000", "edit.targets.cplMax": "1 200,50", "edit.reason": "Директор добавил бюджет" });

    expect(saved.status, textOf(saved.html)).toBe(303);
    expect(await read(id)).toMatchObject({ budget: "600000.00", targets: { cplMax: "1200.50", conversionMin: 0.05 } });
    const text = await pageText(marketer, saved.location!);
    expect(text).toContain("Изменения сохранены.");
    // "изменена причина: ..." read as if the reason had been changed.
    expect(text).toContain("изменена по причине: Директор добавил бюджет — Ольга");
    expect(text).toContain("Бюджет: 500 000 ₽ → 600 000 ₽");
    expect(text).toContain("Цель: цена лида, не больше: 1 500 ₽ → 1 200,50 ₽");
    for (const leak of ["targets.", "budget", "edit"]) expect(text).not.toContain(leak);
  });

  it("moves the hypothesis to another channel chosen by its name and to another responsible, and says so in the history in words", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" }, { channel: "vk_ads", responsible: "Мария" });
    await newCampaign(h, id);
    const html = (await marketer.get(`/hypotheses/${id}`)).html;
    const select = /<select[^>]*name="edit\.channel"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    expect(select).toMatch(/<option value="vk_ads" selected="">VK Реклама<\/option>/);
    expect(select).toContain(`<option value="yandex_direct">Яндекс Директ</option>`);
    expect(html).toMatch(/name="edit\.responsible"[^>]*value="Мария"/);

    const form = await editForm(id, { channel: "yandex_direct", responsible: "Пётр", reason: "ВКонтакте не окупился" });
    const saved = await marketer.post(`/hypotheses/${id}/edit`, form);

    expect(saved.status, textOf(saved.html)).toBe(303);
    expect(await read(id)).toMatchObject({ channel: "yandex_direct", responsible: "Пётр" });
    const text = await pageText(marketer, saved.location!);
    expect(text).toContain("Канал Яндекс Директ Ответственный Пётр");
    expect(text).toContain("Канал: VK Реклама → Яндекс Директ");
    expect(text).toContain("Ответственный: «Мария» → «Пётр»");
    for (const leak of ["yandex_direct", "vk_ads", "channel", "responsible"]) expect(text).not.toContain(leak);
  });

  it("keeps a channel typed at creation as the select's first choice, so that saving another change leaves it", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" }, { channel: "выставки" });
    const html = (await marketer.get(`/hypotheses/${id}`)).html;
    const chosen = /<select[^>]*name="edit\.channel"[^>]*>\s*<option value="([^"]*)" selected="">/.exec(html)?.[1];
    expect(chosen).toBe("выставки");

    const saved = await marketer.post(`/hypotheses/${id}/edit`, await editForm(id, { channel: chosen!, budget: "550 000", reason: "добавили стенд" }));

    expect(saved.status, textOf(saved.html)).toBe(303);
    expect(await read(id)).toMatchObject({ channel: "выставки", budget: "550000.00" });
    expect(await pageText(marketer, saved.location!)).not.toContain("Канал:");
  });

  it("names a cleared responsible in Russian and saves nothing", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" }, { responsible: "Мария" });
    const refused = await marketer.post(`/hypotheses/${id}/edit`, await editForm(id, { responsible: " ", reason: "так" }));
    expect(refused.status).toBe(400);
    const text = spaces(textOf(refused.html));
    expect(text).toContain("В форме есть ошибки: Ответственный: обязательное поле");
    expect((await read(id)).responsible).toBe("Мария");
  });

  it("refuses a form read before someone else's change, in Russian with a reload link, and keeps the stale version", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const form = await editForm(id, { budget: "700 000", reason: "по старой версии" });
    expect((await h.call("PATCH", `/api/hypotheses/${id}`, { expectedVersion: Number(form.expectedVersion), reason: "коллега успел раньше", budget: 650000 })).status).toBe(200);

    const late = await marketer.post(`/hypotheses/${id}/edit`, form);

    expect(late.status).toBe(409);
    const text = spaces(textOf(late.html));
    expect(text).toContain("Пока вы редактировали, гипотезу изменил кто-то другой, поэтому ваши изменения не сохранены. Обновите страницу, чтобы увидеть текущую версию");
    expect(late.html).toContain(`href="/hypotheses/${id}#edit"`);
    expect(late.html).toContain(`name="expectedVersion" value="${form.expectedVersion}"`);
    expect(text).not.toContain("version");
    expect((await read(id)).budget).toBe("650000.00");
  });

  it("names a missing reason and a bad amount in Russian, and saves nothing", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const refused = await marketer.post(`/hypotheses/${id}/edit`, await editForm(id, { budget: "шестьсот", reason: "" }));

    expect(refused.status).toBe(400);
    const text = spaces(textOf(refused.html));
    expect(text).toContain("Почему: обязательное поле");
    expect(text).toContain("Бюджет: сумма в рублях, например 600 000 или 600 000,50");
    for (const leak of ["reason", "budget", "must", "Invalid"]) expect(text).not.toContain(leak);
    expect((await read(id)).version).toBe(1);
  });

  it("says a percent field's bounds in the percent a person types, not the fraction kept", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const refused = await marketer.post(`/hypotheses/${id}/edit`, await editForm(id, { "targets.conversionMin": "150", confidence: "100", reason: "проверка" }));

    expect(refused.status).toBe(400);
    const text = spaces(textOf(refused.html));
    expect(text).toContain("Цель: конверсия в сделку, не меньше: не больше 100 %");
    expect(text).toContain("Уверенность: должно быть меньше 100 %");
    expect(text).not.toMatch(/не меньше: не больше 1(?!\d)|Уверенность: должно быть меньше 1(?!\d)/);
    expect((await read(id)).version).toBe(1);
  });

  it("marks a KPI row whose target was changed after leads arrived, in words", async () => {
    const id = await newHypothesis(h, { cplMax: "1500", conversionMin: 0.05 });
    const campaign = await newCampaign(h, id);
    await importCohorts(h, campaign.utm, [{ day: "2026-03-02", leads: 30, won: 2 }]);
    await importSpend(h, campaign.utm, { "2026-03-02": 30_000 });

    const saved = await marketer.post(`/hypotheses/${id}/edit`, await editForm(id, { "targets.cplMax": "2 000", reason: "Рынок подорожал" }));
    expect(saved.status).toBe(303);

    const text = await pageText(marketer, `/hypotheses/${id}`);
    expect(text).toContain("цель изменена 20 апр. 2026 г., было 1 500 ₽");
    expect((await marketer.get(`/hypotheses/${id}?lang=en`)).status).toBe(200);
  });

  it("lets the owner scale out with a new budget typed as people write it", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05, cplMax: "1500" });
    const campaign = await newCampaign(h, id);
    await importCohorts(h, campaign.utm, [{ day: "2026-03-02", leads: 120, won: 12, wonAfter: 9, qualified: 30 }]);
    await importSpend(h, campaign.utm, { "2026-03-02": 120_000 });
    await toOptimization(h, id);
    const owner = h.browser({ acceptLanguage: "ru" });
    await owner.signIn(OWNER_KEY);
    expect(textOf((await owner.get(`/hypotheses/${id}`)).html)).toContain("Новый бюджет на масштабирование");

    const bad = await owner.post(`/hypotheses/${id}/approvals`, { decision: "approve", scaleBudget: "много" });
    expect(bad.status).toBe(400);
    expect(spaces(textOf(bad.html))).toContain("Новый бюджет на масштабирование: сумма в рублях");

    const approved = await owner.post(`/hypotheses/${id}/approvals`, { decision: "approve", comment: "Вперёд", scaleBudget: "1 500 000,50" });
    expect(approved.status).toBe(303);
    expect(await read(id)).toMatchObject({ stage: "scale", budget: "1500000.50" });
    const text = await pageText(owner, `/hypotheses/${id}`);
    expect(text).toContain("смена этапа: Оптимизация → Масштаб Вперёд — владелец Бюджет: 500 000 ₽ → 1 500 000,50 ₽");
    // The decision itself says what budget it scaled out with, beside the gate it was taken on.
    expect(text).toContain("условие тогда выполнялось), новый бюджет: 1 500 000,50 ₽ Вперёд");
    expect(text).not.toContain("approval");
  });

  it("refuses the edit to those who may not write hypotheses", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });
    const head = h.browser({ acceptLanguage: "ru" });
    await head.signIn((await addSalesPerson(h, "sales_head")).key);
    expect((await head.get(`/hypotheses/${id}`)).status).toBe(403);
    await head.get("/");
    expect((await head.post(`/hypotheses/${id}/edit`, { expectedVersion: "1", "edit.reason": "так", "edit.budget": "1" })).status).toBe(403);
    expect((await read(id)).version).toBe(1);
  });
});

describe("the edit form's channel", () => {
  it("moves the hypothesis to a channel typed under 'другой канал…', and the history names both", async () => {
    const id = await newHypothesis(h, { cplMax: "1500" });

    const saved = await marketer.post(`/hypotheses/${id}/edit`, await editForm(id, { channel: "*", channelTyped: "выставки", reason: "Пробуем офлайн" }));

    expect(saved.status, saved.html).toBe(303);
    expect((await read(id)).channel).toBe("выставки");
    expect(await pageText(marketer, `/hypotheses/${id}`)).toMatch(/Канал: [^→]+ → выставки/);
  });
});
