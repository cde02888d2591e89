import { beforeAll, describe, expect, it } from "vitest";
import { NOW } from "../support/discipline.js";
import { OWNER_KEY } from "../support/harness.js";
import { RESULTS_MONTH, seedResultsMonth } from "../support/results.js";
import { createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let seeded: Awaited<ReturnType<typeof seedResultsMonth>>;
beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  seeded = await seedResultsMonth(h);
}, 120_000);

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

async function signedIn(key: string, lang: "ru" | "en" = "ru") {
  const browser = h.browser({ acceptLanguage: lang });
  await browser.signIn(key);
  return browser;
}

/** The text of the table section named `title`. */
function section(html: string, title: string): string {
  const start = html.indexOf(`aria-label="${title}"`);
  expect(start, `section ${title}`).toBeGreaterThan(-1);
  return spaces(textOf(html.slice(start, html.indexOf("</section>", start))));
}

describe("the results page", () => {
  it("shows the head of sales one table per segment in Russian, with the marks and the rule that people are compared within a segment", async () => {
    const head = await signedIn(seeded.head.key);
    const page = await head.get(`/results?month=${RESULTS_MONTH}`);
    expect(page.status).toBe(200);
    const text = spaces(textOf(page.html));
    expect(text).toContain("Результаты продаж");
    expect(text).toContain("Сотрудников сравниваем только внутри одного сегмента: тот же источник и тот же тип клиента.");
    expect(page.html).toContain('href="/results"');

    const buyers = section(page.html, "Сайт · оптовые покупатели");
    expect(buyers).toContain("Анна Соколова 5 2 30 мин 3 2 15 000,50 ₽ 40 % 95 %:");
    expect(buyers).toContain("★ лучший в месяце; ◆ личный рекорд");
    expect(buyers).toContain("Борис Крылов 5 0 1 ч 1 1 7 000,00 ₽ 20 % 95 %:");
    expect(buyers).toContain("▼ худший в месяце");
    expect(buyers).toContain("Глеб Орлов (руководитель отдела продаж) 1 0 попыток не было 1 0 0,00 ₽ 0 %");
    expect(section(page.html, "Сайт · тип клиента не указан")).toContain("Вера Ланина 1 1 15 мин 0 0 0,00 ₽ 0 %");
    expect(section(page.html, "Авито · розница")).toContain("Борис Крылов 1 0 попыток не было 1 1 1 000,00 ₽ 100 %");
    // Codes stay in the API.
    for (const code of ["buyer", "retail", "sales_head", "null", "undefined", "NaN"]) expect(text).not.toContain(code);
  });

  it("names an earlier record month, and shows a month without leads as empty", async () => {
    const head = await signedIn(seeded.head.key);
    // The lead of 00:30 on 1 April Moscow time is April's; her record stays March.
    const april = await head.get("/results?month=2026-04");
    expect(section(april.html, "Сайт · оптовые покупатели")).toContain("Анна Соколова 1 0 попыток не было 0 0 0,00 ₽ 0 % 95 %: 0 %–77,6 % рекорд: март 2026 г.");
    const may = spaces(textOf((await head.get("/results?month=2026-05")).html));
    expect(may).toContain("За этот месяц не пришло ни одного закреплённого за кем-либо лида.");
    const owner = await signedIn(OWNER_KEY);
    const page = await owner.get("/results?month=2026-02");
    expect(section(page.html, "Сайт · оптовые покупатели")).toContain("Анна Соколова 5");
  });

  it("opens on the current month by default", async () => {
    const page = await (await signedIn(OWNER_KEY)).get("/results");
    expect(page.status).toBe(200);
    expect(page.html).toContain('value="2026-03"');
    expect(page.html).toContain('aria-label="Сайт · оптовые покупатели"');
  });

  it("shows a manager only their segments and says so", async () => {
    const anna = await signedIn(seeded.anna.key);
    const page = await anna.get(`/results?month=${RESULTS_MONTH}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("Вы видите сегменты, в которых у вас есть лиды за этот месяц.");
    expect(section(page.html, "Сайт · оптовые покупатели")).toContain("Борис Крылов");
    expect(page.html).not.toContain("Авито · розница");
    expect(page.html).not.toContain("тип клиента не указан");
  });

  it("speaks English to an English browser", async () => {
    const page = await (await signedIn(seeded.head.key, "en")).get(`/results?month=${RESULTS_MONTH}`);
    const buyers = section(page.html, "Сайт · wholesale buyers");
    expect(buyers).toContain("Анна Соколова 5 2 30 min 3 2 RUB 15,000.50 40% 95%:");
    expect(buyers).toContain("★ best this month; ◆ personal record");
    expect(textOf(page.html)).toContain("People are compared only within the same segment");
  });

  it("refuses a month that is no month in Russian, and keeps the page from marketers", async () => {
    const head = await signedIn(seeded.head.key);
    const bad = await head.get("/results?month=2026-13");
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain("Выберите месяц в календаре");
    const marketerKey = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
    const marketer = await signedIn(marketerKey);
    expect((await marketer.get("/results?month=2026-03")).status).toBe(403);
    expect((await marketer.get("/")).html).not.toContain('href="/results"');
  });
});
