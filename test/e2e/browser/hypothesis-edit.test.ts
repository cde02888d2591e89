import { describe, expect, it } from "vitest";
import { chromiumSuite, mainText, openTab, spaces, type Tab } from "../../support/browser.js";
import { importCohorts, importSpend, newCampaign, newHypothesis, toOptimization } from "../../support/decisions.js";
import { OWNER_KEY } from "../../support/harness.js";
import { addSalesPerson } from "../../support/sales.js";

// Editing a hypothesis in Chromium, in Russian, on 20 April 2026: the marketer moves a budget, a
// target, the channel and the responsible after leads came, the owner scales out with a new budget, and the sales department sees no form.
const suite = chromiumSuite({ now: "2026-04-20T09:00:00Z" });

/** A hypothesis with 120 mature leads, 12 won and its spend: a conversion of 5% and a CPL of 1,500 are met. */
async function provenHypothesis() {
  const id = await newHypothesis(suite.server, { conversionMin: 0.05, cplMax: "1500" });
  const campaign = await newCampaign(suite.server, id);
  await importCohorts(suite.server, campaign.utm, [{ day: "2026-03-02", leads: 120, won: 12, wonAfter: 9, qualified: 30 }]);
  await importSpend(suite.server, campaign.utm, { "2026-03-02": 120_000 });
  return id;
}

async function signedInRussian(key: string): Promise<Tab> {
  const tab = await openTab(suite.browser, suite.server.url);
  await tab.signIn(key);
  await Promise.all([tab.page.waitForEvent("load"), tab.page.getByRole("link", { name: "RU", exact: true }).click()]);
  return tab;
}

describe("editing a hypothesis in the browser", () => {
  it("lets a marketer change the budget and a target with a reason, and shows the change in the history and on the KPI row", async () => {
    const id = await provenHypothesis();
    const tab = await signedInRussian((await suite.server.call("POST", "/api/keys", { role: "marketer", name: "Ольга" })).body.key);
    const { page } = tab;
    await page.goto(`/hypotheses/${id}`);

    await page.getByText("✎ Изменить гипотезу").click();
    const budget = page.getByLabel("Бюджет", { exact: true });
    expect(await budget.inputValue()).toBe("500 000");
    await budget.fill("600 000");
    await page.getByLabel("Цель: цена лида, не больше", { exact: true }).fill("1 200");
    const channel = page.getByLabel("Канал", { exact: true });
    expect(await channel.locator("option:checked").textContent()).toBe("Яндекс Директ");
    await channel.selectOption({ label: "VK Реклама" });
    await page.getByLabel("Ответственный", { exact: true }).fill("Пётр");
    await page.getByLabel("Почему", { exact: true }).fill("Реклама подорожала, директор добавил бюджет");
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Сохранить изменения" }).click()]);

    const text = spaces(await mainText(page));
    expect(text).toContain("Изменения сохранены.");
    expect(text).toContain("Бюджет: 500 000 ₽ → 600 000 ₽");
    expect(text).toContain("Цель: цена лида, не больше: 1 500 ₽ → 1 200 ₽");
    expect(text).toContain("Канал: Яндекс Директ → VK Реклама");
    expect(text).toContain("Ответственный: «Мария» → «Пётр»");
    expect(text).toContain("Реклама подорожала, директор добавил бюджет — Ольга");
    expect(text).toContain("цель изменена 20 апр. 2026 г., было 1 500 ₽");
    expect((await suite.server.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ budget: "600000.00", channel: "vk_ads", responsible: "Пётр", targets: { cplMax: "1200.00" } });
    await tab.screenshot("hypothesis-edit-ru");

    expect(tab.errors()).toEqual([]);
    await tab.close();
  }, 120_000); // 120 imported leads and a page per step on a shared machine

  it("lets the owner approve scale-out with a new budget typed as people write it", async () => {
    const id = await provenHypothesis();
    await toOptimization(suite.server, id);
    const tab = await signedInRussian(OWNER_KEY);
    const { page } = tab;
    await page.goto(`/hypotheses/${id}`);

    await page.getByLabel("Новый бюджет на масштабирование", { exact: true }).fill("1 500 000,50");
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Одобрить масштабирование" }).click()]);

    const text = spaces(await mainText(page));
    expect(text).toContain("Бюджет: 500 000 ₽ → 1 500 000,50 ₽");
    expect(text).toContain("новый бюджет: 1 500 000,50 ₽");
    expect((await suite.server.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ stage: "scale", budget: "1500000.50" });
    await tab.screenshot("hypothesis-approval-budget-ru");
    expect(tab.errors()).toEqual([]);
    await tab.close();
  }, 120_000); // 120 imported leads and a page per step on a shared machine

  it("shows neither the page nor its edit form to a manager or a contractor", async () => {
    const id = await newHypothesis(suite.server, { cplMax: "1500" });
    const contractor = (await suite.server.call("POST", "/api/contractors", { name: "Агентство Юг" })).body.id;
    const keys = [
      (await addSalesPerson(suite.server, "manager")).key,
      (await suite.server.call("POST", "/api/keys", { role: "contractor", contractorId: contractor })).body.key,
    ];
    for (const key of keys) {
      const tab = await signedInRussian(key);
      await tab.expectStatus(403, () => tab.page.goto(`/hypotheses/${id}`));
      expect(await tab.page.getByText("Изменить гипотезу").count()).toBe(0);
      expect(tab.errors()).toEqual([]);
      await tab.close();
    }
  });
});
