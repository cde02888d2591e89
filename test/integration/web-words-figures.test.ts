import { beforeAll, describe, expect, it } from "vitest";
import { OWNER_KEY } from "../support/harness.js";
import { importCohorts, importSpend, newCampaign, newHypothesis } from "../support/decisions.js";
import { type Browser, createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let ru: Browser;
let hypothesis: string;

// 120 leads on March 2 (30 qualified, 12 won), 1,000 a lead; today is April 20, so all are mature.
beforeAll(async () => {
  h = await createWebHarness({ now: "2026-04-20T09:00:00Z" });
  ru = h.browser({ acceptLanguage: "ru" });
  await ru.signIn(OWNER_KEY);
  hypothesis = await newHypothesis(h, { conversionMin: 0.05, minLeads: 100 });
  const campaign = await newCampaign(h, hypothesis);
  await importCohorts(h, campaign.utm, [{ day: "2026-03-02", leads: 120, won: 12, wonAfter: 9, qualified: 30, lost: 20 }]);
  await importSpend(h, campaign.utm, { "2026-03-02": 120_000 });
}, 180_000);

/** The text of one SVG chart of a page, found by its id. */
function chartText(html: string, id: string): string {
  const start = html.indexOf(`<title id="${id}-title">`);
  expect(start, `chart ${id} is on the page`).toBeGreaterThan(-1);
  return textOf(html.slice(html.lastIndexOf("<svg", start), html.indexOf("</svg>", start) + 6));
}

describe("counts of people and deals on the Russian page", () => {
  it("forecasts whole leads, qualified leads and deals, never half a person", async () => {
    const page = await ru.get(`/hypotheses/${hypothesis}?budget=150050`);

    const counts = chartText(page.html, "forecast-counts").split("интервалами")[1]!;

    expect(counts).toMatch(/^ Лиды: \d+, 80%: \d+–\d+\. − не квалифицированы: \d+\. Квалифицированы: \d+, 80%: \d+–\d+\. − без сделки: \d+\. Сделки: \d+, 80%/);
    expect(counts).not.toMatch(/\d,\d/);
  });

  it("shows no 95% interval for a count that has no uncertainty", async () => {
    const text = textOf((await ru.get(`/hypotheses/${hypothesis}`)).html);

    expect(text).toContain("Лиды 120 — —");
    expect(text).not.toMatch(/120 – 120/);
    expect(text).toMatch(/Конверсия в сделку 10 % 95%: \d/);
  });

  it("keeps the record's internal version number off the page's header", async () => {
    const text = textOf((await ru.get(`/hypotheses/${hypothesis}`)).html);

    expect(text).toContain("Этап Проба Цели ✓ достигнуты Канал");
    expect(text).not.toMatch(/версия \d/);
  });

  it("ends the sentence after a date with the date's own full stop, not a second one", async () => {
    const text = textOf((await ru.get(`/hypotheses/${hypothesis}`)).html);

    expect(text).toContain("На 20 апр. 2026 г. Лидов из когорт");
    expect(text).not.toMatch(/\bCPL\b|\bCAC\b/);
    expect(text).not.toContain("г..");
  });
});
