import { beforeAll, describe, expect, it } from "vitest";
import { importCohorts, importSpend, newCampaign, newHypothesis } from "../support/decisions.js";
import { OWNER_KEY } from "../support/harness.js";
import { Browser, createWebHarness, expectPage, textOf, type WebHarness } from "../support/web.js";

// Today is 20 April 2026 in Moscow; maturity is the default 15 days.
let h: WebHarness;
let ru: Browser;
let en: Browser;
beforeAll(async () => {
  h = await createWebHarness({ now: "2026-04-20T09:00:00Z" });
  ru = h.browser({ acceptLanguage: "ru" });
  en = h.browser({ acceptLanguage: "en" });
  await ru.signIn(OWNER_KEY);
  await en.signIn(OWNER_KEY);
}, 60_000);

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const pageText = async (browser: Browser, path: string) => spaces(textOf((await browser.get(path)).html));

/** A hypothesis with a CPL target whose campaign has leads on `leadDays` and spend on `spendDays`. */
async function hypothesisWith(leadDays: string[], spendDays: string[], title: string) {
  const id = await newHypothesis(h, { cplMax: "1500" }, { title });
  const campaign = await newCampaign(h, id);
  await importCohorts(h, campaign.utm, leadDays.map((day) => ({ day, leads: 10 })));
  if (spendDays.length > 0) await importSpend(h, campaign.utm, Object.fromEntries(spendDays.map((day) => [day, 10_000])));
  return { id, campaign };
}

describe("spend missing on the pages", () => {
  it("says on the board card, in Russian plural forms and in English, for how many days spend is missing", async () => {
    await hypothesisWith(["2026-03-02"], [], "Один день без расходов");
    await hypothesisWith(["2026-03-02", "2026-03-03", "2026-03-04"], [], "Три дня без расходов");
    await hypothesisWith(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"], [], "Пять дней без расходов");
    await hypothesisWith(["2026-03-02", "2026-03-03"], ["2026-03-02", "2026-03-03"], "Все расходы на месте");

    const board = await pageText(ru, "/");
    const card = (title: string) => board.slice(board.indexOf(title), board.indexOf("Цели", board.indexOf(title)));
    expect(card("Один день без расходов")).toContain("нет расходов за 1 день");
    expect(card("Три дня без расходов")).toContain("нет расходов за 3 дня");
    expect(card("Пять дней без расходов")).toContain("нет расходов за 5 дней");
    expect(card("Все расходы на месте")).not.toContain("нет расходов");
    expect(await pageText(en, "/")).toContain("spend missing for 3 days");
  });

  it("lists the missing days in the KPI section and gives them as the gate's reason", async () => {
    const { id } = await hypothesisWith(["2026-03-02", "2026-03-03", "2026-03-04"], ["2026-03-03"], "Расходы за один день из трёх");

    const page = await pageText(ru, `/hypotheses/${id}`);
    expect(page).toContain("Нет расходов за 2 дня с лидами (2 мар. 2026 г., 4 мар. 2026 г.).");
    expect(page).toContain("Стоимость лида (? недостаточно данных): нет расходов за 2 дня");
    expect(await pageText(en, `/hypotheses/${id}`)).toContain("Spend missing for 2 days with leads (2 Mar 2026, 4 Mar 2026).");
  });

  it("gives no forecast while mature days miss their spend, and says so in Russian", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05 }, { title: "Прогноз без расходов" });
    const campaign = await newCampaign(h, id);
    await importCohorts(h, campaign.utm, ["2026-03-02", "2026-03-03", "2026-03-04"].map((day) => ({ day, leads: 20, won: 2, wonAfter: 5 })));
    await importSpend(h, campaign.utm, { "2026-03-03": 20_000 });
    expect(await pageText(ru, `/hypotheses/${id}`)).toContain("Прогноза нет: нет расходов за 2 дня созревших когорт с лидами, стоимость лида неизвестна.");
  });

  it("marks a campaign unpaid from the campaigns list, after which its recorded cost stands", async () => {
    const { id, campaign } = await hypothesisWith(["2026-03-02", "2026-03-03"], ["2026-03-02"], "Холодная база");
    const before = await pageText(ru, `/hypotheses/${id}`);
    expect(before).toContain("платная: нужны расходы за каждый день с лидами");

    await ru.get(`/hypotheses/${id}`); // the page's form token
    const marked = await ru.post(`/hypotheses/${id}/campaigns/${campaign.id}/paid`, { paid: "false" });
    expect(marked.status).toBe(303);
    expect((await h.call("GET", `/api/campaigns/${campaign.id}`)).body.paid).toBe(false);

    const after = await pageText(ru, marked.location!);
    expect(after).toContain("Кампания изменена.");
    expect(after).toContain("бесплатная: стоимость — сколько расходов записано");
    expect(after).not.toContain("Нет расходов за");
  });

  it("refuses to mark a campaign of another hypothesis from this page", async () => {
    const { id } = await hypothesisWith(["2026-03-02"], [], "Своя кампания");
    const other = await hypothesisWith(["2026-03-02"], [], "Чужая кампания");
    await ru.get(`/hypotheses/${id}`);
    const res = await ru.post(`/hypotheses/${id}/campaigns/${other.campaign.id}/paid`, { paid: "false" });
    // The Russian page says the refusal in words (issue 13), not the API's English "campaign … does not exist".
    expectPage(res, 400, "Такой записи нет: её удалили или ссылка неверна.");
    expect((await h.call("GET", `/api/campaigns/${other.campaign.id}`)).body.paid).toBe(true);
  });
});
