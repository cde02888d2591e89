import { beforeAll, describe, expect, it } from "vitest";
import { OWNER_KEY } from "../support/harness.js";
import { createWebHarness, expectPage, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let hypothesisId: string;
beforeAll(async () => {
  h = await createWebHarness();
  hypothesisId = (
    await h.call("POST", "/api/hypotheses", {
      title: "Сумки оптом через ВК",
      statement: "Реклама ВК даёт лиды дешевле 900 ₽",
      channel: "vk_ads",
      responsible: "Анна",
      budget: "150000.50",
      probe: { start: "2026-03-01", end: "2026-03-31" },
      targets: { cplMax: 900 },
    })
  ).body.id;
});

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("language", () => {
  it("speaks the browser's language: Russian or English", async () => {
    const ru = await h.browser({ acceptLanguage: "ru-RU,ru;q=0.9,en;q=0.8" }).get("/");
    const en = await h.browser({ acceptLanguage: "en-US,en;q=0.9" }).get("/");

    expect(ru.html).toContain('<html lang="ru">');
    expect(textOf(ru.html)).toContain("Вход");
    expect(en.html).toContain('<html lang="en">');
    expect(textOf(en.html)).toContain("Sign in");
  });

  it("switches with a link that remembers the choice and returns to the same page", async () => {
    const browser = h.browser({ acceptLanguage: "ru-RU" });
    await browser.signIn(OWNER_KEY);

    const switched = await browser.get(`/lang/en?back=${encodeURIComponent("/leads?stage=won")}`);
    const leads = await browser.get(switched.location!);
    const elsewhere = await browser.get("/lang/ru?back=//evil.example");

    expect(switched.status).toBe(303);
    expect(switched.location).toBe("/leads?stage=won");
    expect(switched.setCookies.find((line) => line.startsWith("lang=en"))).toMatch(/Max-Age=31536000/);
    expectPage(leads, 200, "Only leads without a campaign");
    expect(leads.html).toContain('<html lang="en">');
    expect(elsewhere.location).toBe("/");
    expect((await browser.get("/")).html).toContain('<html lang="ru">');
  });

  it("writes money and dates the locale's way", async () => {
    const ru = h.browser({ acceptLanguage: "ru" });
    const en = h.browser({ acceptLanguage: "en" });
    await ru.signIn(OWNER_KEY);
    await en.signIn(OWNER_KEY);

    const ruPage = spaces(textOf((await ru.get(`/hypotheses/${hypothesisId}`)).html));
    const enPage = textOf((await en.get(`/hypotheses/${hypothesisId}`)).html);

    expect(ruPage).toContain("Бюджет 150 000,50 ₽");
    expect(ruPage).toContain("Окно пробы 1 мар. 2026 г. – 31 мар. 2026 г.");
    expect(spaces(enPage)).toContain("Budget RUB 150,000.50");
    expect(enPage).toContain("Probe window 1 Mar 2026 – 31 Mar 2026");
  });
});

describe("a percent field's limit on an English page", () => {
  it("is said in words with the percent a person types, not zod's text about the fraction kept", async () => {
    const browser = h.browser({ acceptLanguage: "ru" });
    await browser.signIn(OWNER_KEY);
    await browser.get(`/lang/en?back=${encodeURIComponent("/hypotheses/new")}`);
    await browser.get("/hypotheses/new");
    const form = {
      title: "Bags wholesale",
      statement: "VK ads bring leads under 900 ₽",
      channel: "vk_ads",
      responsible: "Anna",
      budget: "150 000",
      currency: "RUB",
      "probe.start": "2026-03-01",
      "probe.end": "2026-03-31",
      maturityDays: "15",
      confidence: "0,9",
      "targets.conversionMin": "150",
    };

    const refused = await browser.post("/hypotheses", form);

    expect(refused.status).toBe(400);
    expect(refused.html).toContain('<html lang="en">');
    const text = spaces(textOf(refused.html));
    expect(text).toMatch(/Confidence[^:]*: must be more than 50 ?%/);
    expect(text).toMatch(/Conversion[^:]*: must be at most 100 ?%/);
    expect(text).not.toMatch(/Too (big|small)|expected number|<=|>=/);
  });
});

describe("money on the hypothesis page", () => {
  it("reads like the board: whole roubles when an amount has no kopecks, kopecks only when it has some", async () => {
    const whole = await h.call("POST", "/api/hypotheses", {
      title: "Рюкзаки через Директ",
      statement: "Директ даёт лиды дешевле 1 500 ₽",
      channel: "yandex_direct",
      responsible: "Анна",
      budget: "600000",
      probe: { start: "2026-03-01", end: "2026-03-31" },
      targets: { cplMax: "1500", cacMax: "20000.50" },
    });
    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(OWNER_KEY);

    const page = spaces(textOf((await ru.get(`/hypotheses/${whole.body.id}`)).html));
    const board = spaces(textOf((await ru.get("/")).html));

    expect(page).toContain("Бюджет 600 000 ₽");
    expect(page).toMatch(/Цена лида, не больше 1 500 ₽ /);
    expect(page).toMatch(/Цена клиента, не больше 20 000,50 ₽/);
    expect(page).not.toMatch(/\d,00 ₽/);
    expect(board).toContain("600 000 ₽");
  });
});
