import { beforeAll, describe, expect, it } from "vitest";
import { importCohorts, importSpend, newCampaign, newHypothesis } from "../support/decisions.js";
import { OWNER_KEY } from "../support/harness.js";
import { Browser, createWebHarness, expectPage, textOf, type WebHarness } from "../support/web.js";

// Today is 20 April 2026 in Moscow: the cohorts of March are mature.
let h: WebHarness;
let ru: Browser;
beforeAll(async () => {
  h = await createWebHarness({ now: "2026-04-20T09:00:00Z" });
  ru = h.browser({ acceptLanguage: "ru-RU,ru;q=0.9" });
  await ru.signIn(OWNER_KEY);
});

/** A hypothesis in analysis with 120 mature leads (12 won) at 1,000 a lead. */
async function inAnalysis(targets: Record<string, unknown>): Promise<string> {
  const id = await newHypothesis(h, targets);
  const campaign = await newCampaign(h, id);
  await importCohorts(h, campaign.utm, [{ day: "2026-03-02", leads: 120, won: 12, qualified: 30 }]);
  await importSpend(h, campaign.utm, { "2026-03-02": 120_000 });
  expect((await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "analysis" })).status).toBe(200);
  return id;
}

describe("leaving analysis from the hypothesis page", () => {
  it("asks in Russian for a reason while targets are undecided, naming them, then moves with it and shows it in the history", async () => {
    // 120 leads against minLeads 1000: neither conversion nor CPL can be decided.
    const id = await inAnalysis({ conversionMin: 0.05, cplMax: "1500", minLeads: 1000 });
    const page = await ru.get(`/hypotheses/${id}`);
    expect(textOf(page.html)).toContain("Причина, если по цели ещё рано судить");

    const refused = await ru.post(`/hypotheses/${id}/transitions`, { to: "rules", expectedVersion: "2", moveReason: "" });

    expect(refused.status).toBe(409);
    const said = textOf(refused.html);
    expect(said).toContain("По целям пока рано судить, данных мало: Конверсия в сделку, Стоимость лида.");
    expect(said).toContain("напишите причину");
    expect(said).not.toMatch(/Targets still undecided|insufficient_data|\bcpl\b/);
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body.stage).toBe("analysis");

    const reason = "Договор с агентством до мая: регламент пишем, пока идут лиды";
    const moved = await ru.post(`/hypotheses/${id}/transitions`, { to: "rules", expectedVersion: "2", moveReason: reason });

    expect(moved.status).toBe(303);
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body.stage).toBe("rules");
    const after = textOf((await ru.get(`/hypotheses/${id}`)).html);
    expect(after).toContain(`смена этапа: Анализ → Регламент ${reason} — владелец`);
  });

  it("refuses in Russian while a target is not met, even with a reason", async () => {
    const id = await inAnalysis({ conversionMin: 0.2 });
    await ru.get(`/hypotheses/${id}`);

    const refused = await ru.post(`/hypotheses/${id}/transitions`, { to: "rules", expectedVersion: "2", moveReason: "Всё равно верим" });

    expectPage(refused, 409, "Цели не достигнуты: Конверсия в сделку.");
    expect(textOf(refused.html)).not.toContain("Targets not met");
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body.stage).toBe("analysis");
  });
});
