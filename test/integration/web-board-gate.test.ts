import { beforeAll, describe, expect, it } from "vitest";
import { OWNER_KEY } from "../support/harness.js";
import { importCohorts, importSpend, newCampaign, newHypothesis } from "../support/decisions.js";
import { createWebHarness, textOf, type WebHarness } from "../support/web.js";

// Today is 20 April 2026; each hypothesis has 120 mature leads of 2 March (12 won) and 30 of 12 April.
let h: WebHarness;
const titles: Record<string, string> = {};
beforeAll(async () => {
  h = await createWebHarness({ now: "2026-04-20T09:00:00Z" });
  const seeded = async (name: string, targets: Record<string, unknown>, probeEnd = "2026-03-31") => {
    const id = await newHypothesis(h, targets, { probe: { start: "2026-03-01", end: probeEnd } });
    const campaign = await newCampaign(h, id);
    await importCohorts(h, campaign.utm, [
      { day: "2026-03-02", leads: 120, won: 12, wonAfter: 9 },
      { day: "2026-04-12", leads: 30 },
    ]);
    await importSpend(h, campaign.utm, { "2026-03-02": 120_000, "2026-04-12": 30_000 });
    titles[name] = (await h.call("GET", `/api/hypotheses/${id}`)).body.title;
  };
  await seeded("passing", { conversionMin: 0.05 });
  await seeded("failing", { conversionMin: 0.2 });
  await seeded("early", { conversionMin: 0.08 }, "2026-12-31");
  await seeded("beyondProbe", { conversionMin: 0.08 });
}, 120_000);

/** The gate badge of a hypothesis' card on the board: its class and its words. */
async function badge(name: string, language: "en" | "ru") {
  const browser = h.browser({ acceptLanguage: language });
  await browser.signIn(OWNER_KEY);
  const html = (await browser.get("/")).html;
  const card = html.split(titles[name]!)[1]!.split("</li>")[0]!;
  const match = /<span class="badge (\w+)">([^<]*(?:<!-- -->[^<]*)*)<\/span>/.exec(card)!;
  return { tone: match[1], words: textOf(match[2]!) };
}

describe("the board's gate badge", () => {
  it("tells a failing channel (red) from one too early to judge (grey) and from one that passed (green)", async () => {
    expect(await badge("passing", "en")).toEqual({ tone: "good", words: "✓ passed" });
    expect(await badge("failing", "en")).toEqual({ tone: "bad", words: "✗ failing: 1 of 1 targets not met" });
    const early = await badge("early", "en");
    expect(early.tone).toBe("neutral");
    expect(early.words).toMatch(/^… too early to judge: about \d+ more days$/);
    expect(await badge("beyondProbe", "en")).toEqual({ tone: "neutral", words: "… too early to judge: not within the probe window" });
  });

  it("says the same in Russian, with the days' plural form", async () => {
    expect((await badge("failing", "ru")).words).toBe("✗ не достигнуто 1 из 1");
    expect((await badge("early", "ru")).words).toMatch(/^… рано судить: ещё около \d+ (день|дня|дней)$/);
    expect((await badge("beyondProbe", "ru")).words).toBe("… рано судить: в окне пробы данных не хватит");
  });
});
