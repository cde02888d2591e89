import { describe, expect, it } from "vitest";
import type { CampaignReport, ContractorReport } from "../../packages/core/src/report/model.js";
import { reportCsv } from "../../packages/core/src/report/csv.js";
import { reportHtml } from "../../packages/core/src/report/html.js";
import { reportMail } from "../../packages/core/src/report/mail.js";
import { summarize } from "../../packages/core/src/report/summary.js";
import { BUSY_WEEK, parseCsv } from "../support/reports.js";

/** Realistic figures: the busy week of the contractor report's integration test. */
const figures = BUSY_WEEK;

function campaign(over: Partial<CampaignReport> = {}): CampaignReport {
  return {
    campaignId: "01CAMPAIGN",
    hypothesisId: "01HYP",
    hypothesisTitle: "Яндекс.Директ, сумки",
    utmSource: "yandex",
    utmCampaign: "bags",
    ...figures,
    targets: { cpl: "1500.00", conversion: 0.05 },
    verdicts: { cpl: "met", conversion: "met" },
    meetsTargets: true,
    summary: "Кампания выполняет все целевые показатели: стоимость лида, конверсия.",
    previous: { from: "2026-03-02", to: "2026-03-08", ...figures, spend: "20000.00", leads: 10 },
    change: { ...figures, spend: "4000.50", leads: 20, cpl: "-1199.98", qualifiedRate: 0.1333, matureLeads: 20, won: 2, conversion: 0, cac: "-11999.83", romi: 5.4998 },
    cumulative: {
      from: "2026-01-12",
      to: "2026-03-15",
      ...figures,
      leads: 300,
      cpl: "700.00",
      verdicts: { cpl: "met", conversion: "met" },
      meetsTargets: true,
      summary: "Кампания выполняет все целевые показатели: стоимость лида, конверсия.",
    },
    ...over,
  };
}

function report(campaigns: CampaignReport[], contractorName = "Агентство"): ContractorReport {
  return { contractorId: "01C", contractorName, from: "2026-03-09", to: "2026-03-15", asOf: "2026-04-01", campaigns, generatedAt: "2026-04-01T06:00:00.000Z" };
}

describe("the report as CSV for Excel", () => {
  it("starts with a UTF-8 BOM, separates by semicolons, writes decimal commas and Russian headers", () => {
    const csv = reportCsv(report([campaign()]));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, row] = parseCsv(csv.slice(1));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell("Расход, ₽")).toBe("24000,50");
    expect(cell("Доля квалифицированных, %")).toBe("23,33");
    expect(cell("ROMI, %")).toBe("649,98");
    expect(cell("Стоимость лида, ₽ (изменение)")).toBe("-1199,98");
    expect(cell("Цель: стоимость лида, ₽")).toBe("1500,00");
    expect(cell("Цель: конверсия, %")).toBe("5,00");
    expect(cell("Вердикт: стоимость лида")).toBe("выполнено");
    expect(cell("Вердикт: ROMI")).toBe("");
    expect(cell("Выполняет цели")).toBe("да");
  });

  it("leaves a figure with nothing to divide by empty", () => {
    const [header, row] = parseCsv(reportCsv(report([campaign({ leads: 0, cpl: null, qualifiedRate: null })])).slice(1));
    expect(row![header!.indexOf("Стоимость лида, ₽")]).toBe("");
    expect(row![header!.indexOf("Лиды")]).toBe("0");
  });

  it("quotes text holding separators or quotes, and keeps a formula from running", () => {
    const csv = reportCsv(report([campaign({ utmCampaign: 'sale; "spring"', hypothesisTitle: "=HYPERLINK(\"http://x\")" })]));
    const [header, row] = parseCsv(csv.slice(1));
    expect(row![header!.indexOf("utm_campaign")]).toBe('sale; "spring"');
    expect(row![header!.indexOf("Гипотеза")]).toBe("'=HYPERLINK(\"http://x\")");
  });
});

describe("the verdict since the campaign started, beside the period's", () => {
  // A week too short to judge, a campaign that since January misses its CPL target.
  const early = campaign({
    verdicts: { cpl: "insufficient_data", conversion: "insufficient_data" },
    meetsTargets: null,
    summary: "Пока недостаточно данных, чтобы судить о показателях: стоимость лида, конверсия.",
    cumulative: {
      from: "2026-01-12",
      to: "2026-03-15",
      ...figures,
      leads: 300,
      cpl: "2100.00",
      verdicts: { cpl: "not_met", conversion: "insufficient_data" },
      meetsTargets: false,
      summary: "Кампания не выполняет целевые показатели: стоимость лида 2\u00a0100,00\u00a0₽ при цели не выше 1\u00a0500,00\u00a0₽.",
    },
  });

  it("gives each target a 'since the start' column in words, and the figures since the start, in the CSV", () => {
    const [header, row] = parseCsv(reportCsv(report([early])).slice(1));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect([cell("Вердикт: стоимость лида"), cell("С начала: стоимость лида"), cell("С начала: конверсия"), cell("С начала: стоимость клиента")]).toEqual([
      "недостаточно данных",
      "цель не достигнута",
      "пока рано судить",
      "",
    ]);
    expect([cell("Выполняет цели"), cell("Выполняет цели с начала"), cell("С начала кампании с"), cell("Стоимость лида, ₽ (с начала кампании)")]).toEqual([
      "пока неясно",
      "нет",
      "2026-01-12",
      "2100,00",
    ]);
  });

  it("leads the page and the mail with the verdict since the start", () => {
    const html = reportHtml(report([early]));
    expect(html).toContain("С начала кампании (с 12.01.2026 по 15.03.2026) выполняет цели: нет. Кампания не выполняет целевые показатели: стоимость лида 2\u00a0100,00");
    expect(html).toContain("<td>800,02\u00a0₽</td><td>1\u00a0500,00\u00a0₽</td><td>недостаточно данных</td><td>2\u00a0100,00\u00a0₽</td><td>цель не достигнута</td>");
    const { text } = reportMail(report([early]), "weekly");
    const lines = text.split("\n");
    const at = (start: string) => lines.findIndex((line) => line.startsWith(start));
    expect(at("  С начала кампании (с 12.01.2026 по 15.03.2026) выполняет цели: нет.")).toBeGreaterThan(0);
    expect(at("  С начала кампании")).toBeLessThan(at("  За период выполняет цели: пока неясно."));
    expect(text).toContain("    стоимость лида: за период 800,02\u00a0₽, с начала 2\u00a0100,00\u00a0₽ — цель не достигнута");
    expect(text).toContain("    конверсия: за период 10,00\u00a0%, с начала 10,00\u00a0% — пока рано судить");
  });
});

describe("the report as a printable page", () => {
  it("escapes every name and UTM value", () => {
    const html = reportHtml(report([campaign({ utmCampaign: '"><img src=x onerror=alert(1)>' })], "<script>alert('x')</script> & Co"));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("shows figures the Russian way, with the target, verdict and change", () => {
    const html = reportHtml(report([campaign()]));
    expect(html).toContain("24\u00a0000,50\u00a0₽");
    expect(html).toContain("<td>800,02\u00a0₽</td><td>1\u00a0500,00\u00a0₽</td><td>выполнено</td>");
    expect(html).toContain("+13,33\u00a0п.п.");
    expect(html).not.toMatch(/<script|<link|src=/);
  });
});

describe("the one-line verdict on a campaign", () => {
  it("says so when every target is met", () => {
    expect(summarize(figures, { targets: { cpl: "1500.00" }, verdicts: { cpl: "met" }, meetsTargets: true })).toBe(
      "Кампания выполняет все целевые показатели: стоимость лида.",
    );
  });

  it("names each missed target with the figure and the target", () => {
    const line = summarize({ ...figures, cpl: "1650.00", conversion: 0.031 }, {
      targets: { cpl: "1500.00", conversion: 0.05, qualifiedRate: 0.2 },
      verdicts: { cpl: "not_met", conversion: "not_met", qualifiedRate: "met" },
      meetsTargets: false,
    });
    expect(line).toBe("Кампания не выполняет целевые показатели: стоимость лида 1\u00a0650,00\u00a0₽ при цели не выше 1\u00a0500,00\u00a0₽; конверсия 3,10\u00a0% при цели не ниже 5,00\u00a0%.");
  });

  it("says it is too early while a target lacks data, counting the leads still maturing", () => {
    const line = summarize({ ...figures, leads: 30, matureLeads: 12 }, {
      targets: { cpl: "1500.00", conversion: 0.05 },
      verdicts: { cpl: "met", conversion: "insufficient_data" },
      meetsTargets: null,
    });
    expect(line).toBe("Пока недостаточно данных, чтобы судить о показателях: конверсия; выполнены: стоимость лида (лидов, чьи когорты ещё не созрели: 18).");
  });

  it("says when the hypothesis has no targets to judge by", () => {
    expect(summarize(figures, { targets: {}, verdicts: {}, meetsTargets: null })).toBe("Для гипотезы кампании не заданы целевые показатели.");
  });
});
