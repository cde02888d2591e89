import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, mainText, openTab, startServer, type BrowserServer } from "../../support/browser.js";
import { NOW } from "../../support/discipline.js";
import { seedResultsMonth } from "../../support/results.js";

// The head of sales reads the month's results board in Chromium, in Russian. Today is 10 March 2026;
// the month is made through the API (test/support/results.ts), the reading happens in the browser.
let server: BrowserServer;
let browser: Browser;
let seeded: Awaited<ReturnType<typeof seedResultsMonth>>;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ now: NOW }), launchChromium()]);
  seeded = await seedResultsMonth(server);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("the head of sales and the results board", () => {
  it("opens the board from the menu in Russian, reads each segment's table with its marks, and picks another month", async () => {
    const tab = await openTab(browser, server.url);
    const { page } = tab;
    await tab.signIn(seeded.head.key);
    await Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: "RU", exact: true }).click()]);
    await Promise.all([page.waitForEvent("load"), page.getByRole("navigation").getByRole("link", { name: "Результаты" }).click()]);

    expect(new URL(page.url()).pathname).toBe("/results");
    const text = spaces(await mainText(page));
    expect(text).toContain("Сотрудников сравниваем только внутри одного сегмента: тот же источник и тот же тип клиента.");
    expect(await page.locator("main").getByRole("region").evaluateAll((sections) => sections.map((s) => s.getAttribute("aria-label")))).toEqual([
      "Авито · розница",
      "Сайт · оптовые покупатели",
      "Сайт · тип клиента не указан",
    ]);
    const buyers = page.getByRole("region", { name: "Сайт · оптовые покупатели" });
    const row = async (name: string) => spaces((await buyers.getByRole("row").filter({ hasText: name }).innerText()).replace(/\s+/g, " ").trim());
    expect(await row("Анна Соколова")).toBe("Анна Соколова 5 2 30 мин 3 2 15 000,50 ₽ 40 % 95 %: 11,8 %–77,7 % ★ лучший в месяце; ◆ личный рекорд");
    expect(await row("Борис Крылов")).toBe("Борис Крылов 5 0 1 ч 1 1 7 000,00 ₽ 20 % 95 %: 4,3 %–64,1 % ▼ худший в месяце");
    expect(await row("Глеб Орлов")).toContain("руководитель отдела продаж");
    await tab.screenshot("results-board-ru");

    await page.getByLabel("Месяц").fill("2026-02");
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Показать" }).click()]);
    expect(new URL(page.url()).search).toBe("?month=2026-02");
    expect(await page.locator("main").getByRole("region").count()).toBe(1);
    expect(spaces(await mainText(page))).toContain("Анна Соколова 5 0 попыток не было 1 1 3 000,00 ₽ 20 %");

    expect(tab.errors()).toEqual([]);
    await tab.close();
  });
});
