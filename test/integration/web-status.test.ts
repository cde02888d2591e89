import { beforeAll, describe, expect, it } from "vitest";
import { OWNER_KEY } from "../support/harness.js";
import { importCohorts, importSpend, newCampaign, newHypothesis, toOptimization } from "../support/decisions.js";
import { createWebHarness, textOf, type Browser, type WebHarness } from "../support/web.js";

// Today is 20 April 2026; each channel has 120 mature leads of 2 March (12 won) and 30 of 12 April.
let h: WebHarness;
let ru: Browser;
let en: Browser;
const ids: Record<string, string> = {};
const titles: Record<string, string> = {};
beforeAll(async () => {
  h = await createWebHarness({ now: "2026-04-20T09:00:00Z" });
  const seeded = async (name: string, targets: Record<string, unknown>, { probeEnd = "2026-03-31", spend = true, optimize = false } = {}) => {
    const id = await newHypothesis(h, targets, { probe: { start: "2026-03-01", end: probeEnd } });
    const campaign = await newCampaign(h, id);
    await importCohorts(h, campaign.utm, [
      { day: "2026-03-02", leads: 120, won: 12, wonAfter: 9 },
      { day: "2026-04-12", leads: 30 },
    ]);
    // Without spend the 12 April leads have no recorded cost: one day missing.
    await importSpend(h, campaign.utm, spend ? { "2026-03-02": 120_000, "2026-04-12": 30_000 } : { "2026-03-02": 120_000 });
    if (optimize) await toOptimization(h, id);
    ids[name] = id;
    titles[name] = (await h.call("GET", `/api/hypotheses/${id}`)).body.title;
  };
  await seeded("ready", { conversionMin: 0.05 }, { optimize: true });
  await seeded("failing", { conversionMin: 0.2 });
  await seeded("maturing", { conversionMin: 0.08 }, { probeEnd: "2026-12-31" });
  await seeded("spendMissing", { conversionMin: 0.05 }, { spend: false, optimize: true });
  await seeded("failingWithoutSpend", { conversionMin: 0.2 }, { spend: false });
  ru = h.browser({ acceptLanguage: "ru" });
  en = h.browser({ acceptLanguage: "en" });
  await ru.signIn(OWNER_KEY);
  await en.signIn(OWNER_KEY);
}, 180_000);

const BADGE = /<span class="badge (\w+)">([^<]*)<\/span>/;
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** The status badge on a hypothesis' board card: its colour class and its words. */
async function boardBadge(browser: Browser, name: string) {
  const html = (await browser.get("/")).html;
  const card = html.split(titles[name]!)[1]!.split("</li>")[0]!;
  const match = BADGE.exec(card)!;
  return { tone: match[1], words: spaces(textOf(match[2]!)) };
}

/** The status badge in the hypothesis page's header (the facts list after the stage). */
async function headerBadge(browser: Browser, name: string) {
  const html = (await browser.get(`/hypotheses/${ids[name]}`)).html;
  const header = html.split('id="overview"')[1]!.split("</dl>")[0]!;
  const badges = [...header.matchAll(new RegExp(BADGE, "g"))];
  // The first badge is the stage; the second the status.
  return { tone: badges[1]![1], words: spaces(textOf(badges[1]![2]!)) };
}

describe("status at a glance", () => {
  it("tells ready for the owner (green), failing (red), maturing (grey) and spend missing (amber) apart on the board, in Russian", async () => {
    expect(await boardBadge(ru, "ready")).toEqual({ tone: "good", words: "✓ готово для владельца: ждёт решения о масштабировании" });
    expect(await boardBadge(ru, "failing")).toEqual({ tone: "bad", words: "✗ не достигнуто 1 из 1" });
    const maturing = await boardBadge(ru, "maturing");
    expect(maturing.tone).toBe("neutral");
    expect(maturing.words).toMatch(/^… рано судить: ещё около \d+ (день|дня|дней)$/);
    expect(await boardBadge(ru, "spendMissing")).toEqual({ tone: "pending", words: "⚠ нет расходов за 1 день: стоимость лида неизвестна" });
  });

  it("keeps a failing channel red even while its spend is missing, and never shows missing spend as green or grey", async () => {
    expect((await boardBadge(ru, "failingWithoutSpend")).tone).toBe("bad");
    const failing = await boardBadge(ru, "failing");
    const maturing = await boardBadge(ru, "maturing");
    expect(failing.tone).not.toBe(maturing.tone);
    expect(failing.words).not.toBe(maturing.words);
    // The gate alone would pass (conversion met): the missing day is what holds it back.
    expect((await boardBadge(ru, "spendMissing")).tone).not.toMatch(/good|neutral/);
  });

  it("says the same in English", async () => {
    expect(await boardBadge(en, "ready")).toEqual({ tone: "good", words: "✓ ready for the owner: awaiting the scale-out decision" });
    expect(await boardBadge(en, "failing")).toEqual({ tone: "bad", words: "✗ failing: 1 of 1 targets not met" });
    expect(await boardBadge(en, "spendMissing")).toEqual({ tone: "pending", words: "⚠ spend missing for 1 day: the cost of a lead is unknown" });
  });

  it("shows the board card's status in the hypothesis' header", async () => {
    for (const name of ["ready", "failing", "maturing", "spendMissing", "failingWithoutSpend"]) {
      expect(await headerBadge(ru, name)).toEqual(await boardBadge(ru, name));
    }
  });

  it("explains every sign in a legend on the board, in words", async () => {
    const board = spaces(textOf((await ru.get("/")).html));
    expect(board).toContain("Что значат отметки о целях");
    for (const words of ["✗ не достигнуто: хотя бы одна цель не достигнута", "⚠ нет расходов: за дни с лидами не записан расход", "… рано судить: данные ещё созревают", "✓ достигнуты: все цели достигнуты"]) {
      expect(board).toContain(words);
    }
    // The sign a hypothesis awaiting the owner wears is in the legend in its own words too.
    expect(board).toContain("на этапе оптимизации отметка — «готово для владельца»: ждёт его решения о масштабировании");
  });
});
