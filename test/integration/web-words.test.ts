import { beforeAll, describe, expect, it } from "vitest";
import { arrive, attempts, NOW } from "../support/discipline.js";
import { OWNER_KEY } from "../support/harness.js";
import { createSource } from "../support/intake.js";
import { newHypothesis } from "../support/decisions.js";
import { type Browser, createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let source: { key: string; id: string };
let ru: Browser;

beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  source = await createSource(h, "json");
  ru = h.browser({ acceptLanguage: "ru" });
  await ru.signIn(OWNER_KEY);
});

describe("codes the domain keeps, in the Russian page's words", () => {
  it("names a lead's utm source by its platform and its lost reason in words, never the code", async () => {
    const id = await arrive(h, source, "2026-03-02T08:00:00+03:00", {
      utm: { utm_source: "yandex_direct", utm_campaign: "spring" },
      stages: [{ stage: "lost", lostReason: "no_contact" }],
    });

    const text = textOf((await ru.get(`/leads/${id}`)).html);

    expect(text).toContain("UTM Яндекс Директ / — / spring");
    expect(text).toContain("не дозвонились (пять попыток)");
    expect(text).not.toContain("yandex_direct");
    expect(text).not.toContain("no_contact");
  });

  it("says an amoCRM status kept as a lost reason as such, and shows an unknown source as it was typed", async () => {
    const id = await arrive(h, source, "2026-03-02T08:00:00+03:00", {
      utm: { utm_source: "partner-site", utm_campaign: "spring" },
      stages: [{ stage: "lost", lostReason: "crm_status_143" }],
    });

    const text = textOf((await ru.get(`/leads/${id}`)).html);

    expect(text).toContain("статус amoCRM 143");
    expect(text).toContain("partner-site /");
    expect(text).not.toContain("crm_status");
  });

  it("lists leads with the platform's name", async () => {
    await arrive(h, source, "2026-03-02T08:00:00+03:00", { utm: { utm_source: "vk", utm_campaign: "autumn" } });

    const text = textOf((await ru.get("/leads")).html);

    expect(text).toContain("ВКонтакте / autumn");
    // The filters' "any" agrees with every noun it stands under (гипотеза, кампания, этап).
    expect(text).toContain("Гипотеза все");
    expect(text).not.toMatch(/Гипотеза любой|Кампания любой/);
  });
});

describe("refusals on the Russian page", () => {
  it("says an attempt dated in the future is refused for that, in words, not 'сервер отказал' and 'неверное значение'", async () => {
    const id = await arrive(h, source, "2026-03-02T08:00:00+03:00");
    await ru.get(`/leads/${id}`);

    const refused = await ru.post(`/leads/${id}/contact-attempts`, { at: "2026-03-11T10:00", channel: "phone", result: "no_answer" });
    const text = textOf(refused.html);

    expect(refused.status).toBe(400);
    expect(text).toContain("В форме есть ошибки: Исправьте отмеченные поля.");
    expect(text).toContain("Когда: это время ещё не наступило: записывайте попытку, когда она сделана");
    expect(text).not.toMatch(/сервер отказал|неверное значение|in the future/);
  });

  it("tells the contact rule's refusal in Russian words, with the day the attempts fell on", async () => {
    const id = await arrive(h, source, "2026-03-02T08:00:00+03:00");
    await attempts(h, id, ["2026-03-03T09:00:00+03:00", "2026-03-03T09:30:00+03:00", "2026-03-03T10:00:00+03:00", "2026-03-03T10:30:00+03:00"]);
    await ru.get(`/leads/${id}`);

    const refused = await ru.post(`/leads/${id}/contact-attempts`, { at: "2026-03-03T11:00", channel: "phone", result: "no_answer" });
    const text = textOf(refused.html);

    expect(refused.status).toBe(409);
    expect(text).toContain("Попытка не записана: пятая попытка подряд без ответа теряет лид, только если попытки были не меньше чем в 2 разных дня");
    expect(text).toContain("все попытки пришлись на 3 мар. 2026 г.");
    expect(text).not.toContain("2026-03-03");
    expect(text).not.toContain("would be");
    expect(text).not.toContain("no_contact");
  });

  it("says why a hypothesis cannot move on, in Russian", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05 });
    await ru.get(`/hypotheses/${id}`);

    const noLeads = textOf((await ru.post(`/hypotheses/${id}/transitions`, { to: "analysis", expectedVersion: "1" })).html);
    const noReason = textOf((await ru.post(`/hypotheses/${id}/transitions`, { to: "closed", expectedVersion: "1", reason: "", lesson: "Опт ищет по артикулу" })).html);

    expect(noLeads).toContain("У гипотезы ещё нет ни одного лида, а для анализа нужен хотя бы один.");
    expect(noReason).toContain("Чтобы закрыть гипотезу, укажите причину.");
    expect(noLeads + noReason).not.toMatch(/refused|No lead|needs a reason|probe -> analysis/);
  });

  it("names a field's problem in Russian: a required field and one too long", async () => {
    await ru.get("/people");

    const refused = await ru.post("/people", { name: "", role: "manager", duty: "leads", email: "x".repeat(300) });
    const text = textOf(refused.html);

    expect(refused.status).toBe(400);
    expect(text).toContain("обязательное поле");
    expect(text).not.toMatch(/Too small|Too big|Invalid|expected/);
  });
});
