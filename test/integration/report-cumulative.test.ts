import { beforeAll, describe, expect, it } from "vitest";
import { countRequests } from "../support/dynamo-requests.js";
import { createHarness, type Harness } from "../support/harness.js";
import { token } from "../support/intake.js";
import { importArrivals, importSpend, newCampaign, newContractor, newHypothesis, outboxTo, parseCsv } from "../support/reports.js";

/**
 * A contract's targets (CPL at most 1,500, conversion at least 5%, judged from 100 leads on) and
 * two campaigns that started in January: in March alone each has 40 leads, too few to judge; since
 * January each has 240. "good" costs 500 a lead, "costly" 4,000; both convert 15%.
 * Today is 1 April 2026, 09:00 Moscow: the monthly run for March; every cohort is mature.
 */
let h: Harness;
let requests: ReturnType<typeof countRequests>;
let contractorId: string;
let email: string;
let good: string;
let costly: string;
const march = "from=2026-03-01&to=2026-03-31";

beforeAll(async () => {
  h = await createHarness({ now: "2026-04-01T06:00:00Z" });
  requests = countRequests(h.ctx.doc);
  email = `${token()}@agency.example`;
  contractorId = await newContractor(h, { email });
  const hypothesis = await newHypothesis(h, { cplMax: "1500", conversionMin: 0.05, minLeads: 100 });
  const campaign = async (costPerLead: number) => {
    const { id, utm } = await newCampaign(h, hypothesis.id, contractorId);
    const months = [
      { day: "2026-01-12", leads: 100, won: 15 },
      { day: "2026-02-09", leads: 100, won: 15 },
      { day: "2026-03-10", leads: 40, won: 6 },
    ];
    await importArrivals(h, utm, months);
    await importSpend(h, utm, Object.fromEntries(months.map((m) => [m.day, String(m.leads * costPerLead)])));
    return id;
  };
  good = await campaign(500);
  costly = await campaign(4000);
}, 180_000);

const campaignOf = (body: any, id: string) => body.campaigns.find((c: any) => c.campaignId === id);

describe("a monthly report judges the campaign so far beside the month", () => {
  it("says the month alone is too early, and since January the targets are met (or missed)", async () => {
    const res = await h.call("GET", `/api/contractors/${contractorId}/report?${march}`);
    expect(res.status, res.text).toBe(200);

    const ok = campaignOf(res.body, good);
    expect(ok).toMatchObject({ leads: 40, cpl: "500.00", verdicts: { cpl: "insufficient_data", conversion: "insufficient_data" }, meetsTargets: null });
    expect(ok.cumulative).toMatchObject({
      from: "2026-01-12",
      to: "2026-03-31",
      spend: "120000.00",
      leads: 240,
      cpl: "500.00",
      matureLeads: 240,
      won: 36,
      conversion: 0.15,
      verdicts: { cpl: "met", conversion: "met" },
      meetsTargets: true,
      summary: "Кампания выполняет все целевые показатели: стоимость лида, конверсия.",
    });

    const bad = campaignOf(res.body, costly);
    expect(bad).toMatchObject({ leads: 40, verdicts: { cpl: "insufficient_data", conversion: "insufficient_data" }, meetsTargets: null });
    expect(bad.cumulative).toMatchObject({ leads: 240, cpl: "4000.00", verdicts: { cpl: "not_met", conversion: "met" }, meetsTargets: false });
    expect(bad.cumulative.summary).toBe("Кампания не выполняет целевые показатели: стоимость лида 4\u00a0000,00\u00a0₽ при цели не выше 1\u00a0500,00\u00a0₽.");
  });

  it("reads each campaign's counters once for the month, the month before and the campaign so far", async () => {
    const { byOperation } = await requests.during(() => h.call("GET", `/api/contractors/${contractorId}/report?${march}`));
    // The contractor's campaigns (one query), then one query per campaign; the rest are single-item reads.
    expect(byOperation.Query).toBe(1 + 2);
  });

  it("puts the verdict since the start beside each target in the CSV, with the figures since the start", async () => {
    const res = await h.call("GET", `/api/contractors/${contractorId}/report?${march}&format=csv`);
    const [header, ...rows] = parseCsv(res.text.replace(/^\uFEFF/, ""));
    const rowOf = (id: string) => {
      const row = rows.find((r) => r[header!.indexOf("ID кампании")] === id)!;
      return (name: string) => {
        expect(header!.indexOf(name), name).toBeGreaterThanOrEqual(0);
        return row[header!.indexOf(name)];
      };
    };
    const ok = rowOf(good);
    expect([ok("Вердикт: стоимость лида"), ok("С начала: стоимость лида"), ok("С начала: конверсия"), ok("С начала: ROMI")]).toEqual([
      "недостаточно данных",
      "цель достигнута",
      "цель достигнута",
      "",
    ]);
    expect([ok("Выполняет цели"), ok("Выполняет цели с начала")]).toEqual(["пока неясно", "да"]);
    expect([ok("С начала кампании с"), ok("С начала кампании по"), ok("Лиды (с начала кампании)"), ok("Стоимость лида, ₽ (с начала кампании)")]).toEqual([
      "2026-01-12",
      "2026-03-31",
      "240",
      "500,00",
    ]);
    const bad = rowOf(costly);
    expect([bad("Вердикт: стоимость лида"), bad("С начала: стоимость лида"), bad("Выполняет цели с начала")]).toEqual(["недостаточно данных", "цель не достигнута", "нет"]);
  });

  it("leads the printable page with the verdict since the start, and shows it beside each target", async () => {
    const html = (await h.call("GET", `/api/contractors/${contractorId}/report?${march}&format=html`)).text;
    const section = (id: string) => html.split("<section>").find((part) => part.includes(id === good ? "Стоимость лида</th><td>500,00" : "Стоимость лида</th><td>4\u00a0000,00"))!;

    expect(section(good)).toContain("С начала кампании (с 12.01.2026 по 31.03.2026) выполняет цели: да. Кампания выполняет все целевые показатели: стоимость лида, конверсия.");
    expect(section(good)).toContain("За период выполняет цели: пока неясно.");
    expect(section(good)).toContain(
      '<th scope="row">Стоимость лида</th><td>500,00\u00a0₽</td><td>1\u00a0500,00\u00a0₽</td><td>недостаточно данных</td><td>500,00\u00a0₽</td><td>цель достигнута</td>',
    );
    expect(section(costly)).toContain("С начала кампании (с 12.01.2026 по 31.03.2026) выполняет цели: нет.");
    expect(section(costly)).toContain("<td>4\u00a0000,00\u00a0₽</td><td>цель не достигнута</td>");
  });

  it("mails the monthly report with the verdict since the start, in the text, the page and the CSV", async () => {
    const run = await h.call("POST", "/api/reports/run", { period: "monthly" });
    expect(run.status, run.text).toBe(200);
    expect(run.body).toMatchObject({ from: "2026-03-01", to: "2026-03-31" });
    const [mail] = await outboxTo(h, email);

    expect(mail!.text).toContain("С начала кампании (с 12.01.2026 по 31.03.2026) выполняет цели: да. Кампания выполняет все целевые показатели: стоимость лида, конверсия.");
    expect(mail!.text).toContain("    стоимость лида: за период 500,00\u00a0₽, с начала 500,00\u00a0₽ — цель достигнута");
    expect(mail!.text).toContain("    стоимость лида: за период 4\u00a0000,00\u00a0₽, с начала 4\u00a0000,00\u00a0₽ — цель не достигнута");
    expect(mail!.text).toContain("  За период выполняет цели: пока неясно.");
    expect(mail!.html).toContain("<td>цель не достигнута</td>");
    const [header, ...rows] = parseCsv(mail!.attachments![0]!.content.slice(1));
    expect(rows.map((row) => row[header!.indexOf("С начала: стоимость лида")]).sort()).toEqual(["цель достигнута", "цель не достигнута"]);
  });
});
