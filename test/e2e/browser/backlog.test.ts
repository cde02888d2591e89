import { describe, expect, it } from "vitest";
import { ideaBody } from "../../support/backlog.js";
import { chromiumSuite, mainText, openTab, spaces } from "../../support/browser.js";
import { newContractor } from "../../support/reports.js";

// The ideas backlog and the learnings archive in Chromium, in Russian, on Tuesday 10 March 2026: a marketer
// adds an idea, sorts the backlog, promotes the idea to a probe, closes it with a lesson and finds it again.
const suite = chromiumSuite({ now: "2026-03-10T09:00:00Z" });

describe("the backlog and the learnings", () => {
  it("lets a marketer add an idea, sort, promote it, close it with a lesson and find the lesson", async () => {
    await suite.server.call("POST", "/api/ideas", ideaBody({ title: "Выставка «Текстильлегпром»", ice: { impact: 7, confidence: 6, ease: 2 } })); // 84
    await suite.server.call("POST", "/api/ideas", ideaBody({ title: "Партнёры-дизайнеры", ice: { impact: 2, confidence: 3, ease: 9 } })); // 54
    const key = (await suite.server.call("POST", "/api/keys", { role: "marketer", name: "Ольга" })).body.key;

    const tab = await openTab(suite.browser, suite.server.url);
    const { page } = tab;
    await tab.signIn(key);
    await Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: "RU", exact: true }).click()]);
    await Promise.all([page.waitForEvent("load"), page.getByRole("navigation").getByRole("link", { name: "Идеи" }).click()]);

    await page.getByLabel("Название", { exact: true }).fill("Ozon: витрина для оптовиков");
    await page.getByLabel("Что ожидаем", { exact: true }).fill("Магазины галантереи ищут поставщиков на Ozon");
    await page.getByLabel("Канал", { exact: true }).fill("Ozon");
    await page.getByLabel("Влияние", { exact: true }).fill("8");
    await page.getByLabel("Уверенность", { exact: true }).fill("5");
    await page.getByLabel("Простота", { exact: true }).fill("4");
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Добавить в бэклог" }).click()]);
    expect(await mainText(page)).toContain("Идея добавлена.");
    const titles = () => page.locator("tbody tr td:first-child strong").allInnerTexts();
    expect(await titles()).toEqual(["Ozon: витрина для оптовиков", "Выставка «Текстильлегпром»", "Партнёры-дизайнеры"]);
    expect(await page.locator("tbody tr").first().innerText()).toContain("160");
    await tab.screenshot("backlog-ru");

    await Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: /Сортировать по столбцу «Простота»/ }).click()]);
    expect(await titles()).toEqual(["Партнёры-дизайнеры", "Ozon: витрина для оптовиков", "Выставка «Текстильлегпром»"]);
    await Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: /Сортировать по столбцу «Простота»/ }).click()]);
    expect(await titles()).toEqual(["Выставка «Текстильлегпром»", "Ozon: витрина для оптовиков", "Партнёры-дизайнеры"]);

    const row = page.getByRole("row", { name: /Ozon: витрина для оптовиков/ });
    await Promise.all([page.waitForEvent("load"), row.getByRole("link", { name: "Оценить или запустить →" }).click()]);
    await page.getByLabel("Ответственный", { exact: true }).fill("Ольга Миронова");
    await page.getByLabel("Бюджет, ₽", { exact: true }).fill("600 000");
    await page.getByLabel("Начало пробы", { exact: true }).fill("2026-03-16");
    await page.getByLabel("Конец пробы", { exact: true }).fill("2026-04-15");
    await page.getByLabel("Стоимость лида не больше, ₽", { exact: true }).fill("1 200");
    await tab.screenshot("backlog-promote-ru");
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Запустить пробу" }).click()]);
    expect(await mainText(page)).toContain("Идея стала пробой.");
    const id = new URL(page.url()).pathname.split("/").at(-1)!;
    expect((await suite.server.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ stage: "probe", budget: "600000.00", responsible: "Ольга Миронова" });
    expect((await suite.server.call("GET", "/api/ideas")).body.items.map((idea: { id: string }) => idea.id)).not.toContain(id);

    await page.getByLabel("Причина закрытия", { exact: true }).fill("Ozon не пускает опт без юрлица-продавца");
    await page.getByLabel("Чему научились", { exact: true }).fill("Проверять условия площадки для оптовых продавцов ДО запуска");
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: /Закрыть/ }).click()]);
    expect(await mainText(page)).toContain("Проверять условия площадки для оптовых продавцов ДО запуска");

    await Promise.all([page.waitForEvent("load"), page.getByRole("navigation").getByRole("link", { name: "Выводы" }).click()]);
    await page.getByLabel("Канал", { exact: true }).selectOption({ label: "Ozon" });
    await page.getByLabel("Текст", { exact: true }).fill("условия ПЛОЩАДКИ");
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Найти" }).click()]);
    const found = spaces(await mainText(page));
    expect(found).toContain("Ozon: витрина для оптовиков");
    expect(found).toContain("Проверять условия площадки для оптовых продавцов ДО запуска");
    expect(found).toContain("остановлена до масштабирования");
    expect(found).toContain("Расход 0,00 ₽");
    await tab.screenshot("learnings-ru");

    expect(tab.errors()).toEqual([]);
    await tab.close();
  });

  it("keeps a contractor out of the backlog", async () => {
    const contractorId = await newContractor(suite.server, { name: "Агентство Юг" });
    const key = (await suite.server.call("POST", "/api/keys", { role: "contractor", contractorId })).body.key;
    const tab = await openTab(suite.browser, suite.server.url);
    const { page } = tab;
    await tab.signIn(key);

    expect(await page.getByRole("navigation").getByRole("link", { name: "Backlog" }).count()).toBe(0);
    await tab.expectStatus(403, () => page.goto("/backlog"));
    expect(await mainText(page)).toContain("Your role may not open this page.");
    await tab.expectStatus(403, () => page.goto("/learnings"));

    expect(tab.errors()).toEqual([]);
    await tab.close();
  });
});
