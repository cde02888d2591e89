import { beforeAll, describe, expect, it } from "vitest";
import { OWNER_KEY } from "../support/harness.js";
import { importCohorts, importSpend, newCampaign, newHypothesis, toOptimization, type Cohort } from "../support/decisions.js";
import { Browser, createWebHarness, expectPage, textOf, type WebHarness } from "../support/web.js";

// Today is 20 April 2026 in Moscow; maturity is the default 15 days. The machine running the
// suite may be busy: importing leads through the API takes its time.
let h: WebHarness;
let owner: Browser;
let marketer: Browser;
/** A hypothesis with real figures, shared by the tests that only read its page (and the approval, which only moves it on). */
let proven: string;
beforeAll(async () => {
  h = await createWebHarness({ now: "2026-04-20T09:00:00Z" });
  owner = h.browser({ acceptLanguage: "en" });
  await owner.signIn(OWNER_KEY);
  marketer = h.browser({ acceptLanguage: "en" });
  await marketer.signIn((await h.call("POST", "/api/keys", { role: "marketer" })).body.key);
  proven = await provenHypothesis();
}, 180_000);

/**
 * March 2: 120 leads, 30 qualified, 12 won 9 days after arriving, 20 lost as "дорого"; April 15:
 * 20 leads still maturing; 1,000 a lead. Conversion 10% against >= 5% and CPL 1,000 against
 * <= 1,500: both met.
 */
const cohorts: Cohort[] = [
  { day: "2026-03-02", leads: 120, won: 12, wonAfter: 9, qualified: 30, lost: 20 },
  { day: "2026-04-15", leads: 20 },
];

async function provenHypothesis() {
  const id = await newHypothesis(h, { conversionMin: 0.05, cplMax: "1500" });
  const campaign = await newCampaign(h, id);
  await importCohorts(h, campaign.utm, cohorts);
  await importSpend(h, campaign.utm, { "2026-03-02": 120_000, "2026-04-15": 20_000 });
  return id;
}

/** A hypothesis with three young leads, walked to Optimization: its gate cannot pass. */
async function unprovenInOptimization() {
  const id = await newHypothesis(h, { conversionMin: 0.05, minLeads: 100 });
  await importCohorts(h, (await newCampaign(h, id)).utm, [{ day: "2026-04-18", leads: 3 }]);
  await toOptimization(h, id);
  return id;
}

/** The markup of one SVG chart of a page, found by its id. */
function chart(html: string, id: string): string {
  const start = html.indexOf(`<title id="${id}-title">`);
  expect(start, `chart ${id} is on the page`).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf("<svg", start), html.indexOf("</svg>", start) + 6);
}

/** The text of the page's section with this heading id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `section ${id} is on the page`).toBeGreaterThan(-1);
  return textOf(html.slice(html.lastIndexOf("<section", start), html.indexOf("</section>", start)));
}

describe("the hypothesis page's figures", () => {
  it("draws each target against the observed figure with its 95% interval, the verdict and its probability", async () => {
    const page = await owner.get(`/hypotheses/${proven}`);

    expect(page.status).toBe(200);
    const svg = chart(page.html, "kpi-chart");
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="kpi-chart-title kpi-chart-desc"');
    expect(svg).toContain('stroke-dasharray="5 3"'); // the target line
    const text = textOf(svg);
    expect(text).toContain("Conversion to a deal 10% 95%: 5.8% – 16.7% target ≥ 5% ✓ met chance the target is met: 95.7%");
    expect(text).toContain("Cost per lead RUB 1,000 95%: RUB 847.43 – RUB 1,179.56 target ≤ RUB 1,500 ✓ met chance the target is met: 100%");
    const kpis = section(page.html, "kpis");
    expect(kpis).toContain("Leads 140 — — — —");
    expect(kpis).toContain("Leads of cohorts younger than the maturity period: 20");
  });

  it("says the gate passed, and for a hypothesis short of data what is missing", async () => {
    const short = await newHypothesis(h, { conversionMin: 0.05, minLeads: 100 });

    const passed = section((await owner.get(`/hypotheses/${proven}`)).html, "gate");
    const missing = section((await owner.get(`/hypotheses/${short}`)).html, "gate");

    expect(passed).toContain("✓ passed");
    expect(passed).toContain("Passed: all 2 targets are met with at least 90% certainty.");
    expect(passed).toContain("20 leads are still maturing");
    expect(missing).toContain("Not passed: 0 of 1 targets met.");
    expect(missing).toContain("What is missing Conversion to a deal (? insufficient data): needs at least 100 leads, has 0");
  });

  it("shows the cohort heat map with each cell's deals and share, immature cells hatched and labelled", async () => {
    const page = await owner.get(`/hypotheses/${proven}`);
    const weekly = await owner.get(`/hypotheses/${proven}?by=week`);

    const svg = chart(page.html, "cohort-map");
    expect(textOf(svg)).toContain("month 0 month 1 March 2026 · 120 leads 12 · 10% 12 · 10% maturing April 2026 · 20 leads 0 · 0% maturing");
    expect(svg.match(/fill="url\(#cohort-map-hatch\)"/g)).toHaveLength(3); // two immature cells and the legend
    expect(textOf(svg)).toContain("March 2026, month 1: 12 won (10%), still maturing.");
    expect(section(page.html, "cohorts")).toContain("March 2026 120 RUB 120,000 12 RUB 600,000 RUB 10,000 400% ✓ mature");
    // Cohorts are named as readers name months and weeks, not by the keys "2026-03" and "2026-W10".
    expect(textOf(chart(weekly.html, "cohort-map"))).toContain("2 Mar – 8 Mar 2026 · 120 leads");
    expect(textOf(weekly.html)).not.toMatch(/2026-W\d/);
    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(OWNER_KEY);
    const russian = textOf((await ru.get(`/hypotheses/${proven}?by=week`)).html).replace(/[\u00a0\u202f]/g, " ");
    expect(russian).toContain("2 мар. – 8 мар. 2026 г. · лидов 120");
    expect(textOf((await ru.get(`/hypotheses/${proven}`)).html)).toContain("март 2026 г.");
  });

  it("draws the funnel and names its largest drop-off in words and in the chart", async () => {
    const page = await owner.get(`/hypotheses/${proven}`);

    const funnel = section(page.html, "funnel");
    expect(funnel).toContain("⚠ Largest drop-off: Qualified → Proposal: 71.4% of the leads (30) did not get further.");
    const svg = chart(page.html, "funnel-chart");
    expect(textOf(svg)).toContain("Proposal 12 (8.6%) ↓ 12 go on, 30 drop off (71.4%) — ⚠ largest drop-off");
    expect(svg.match(/fill="url\(#funnel-chart-hatch\)"/g)).toHaveLength(1);
    expect(funnel).toContain("Why leads were lost Reason Leads дорого 20");
  });

  it("forecasts the hypothesis' budget, or the budget typed, as a waterfall with 80% intervals", async () => {
    const standard = await owner.get(`/hypotheses/${proven}`);
    const typed = await owner.get(`/hypotheses/${proven}?budget=100000`);
    const wrong = await owner.get(`/hypotheses/${proven}?budget=lots`);
    const empty = await owner.get(`/hypotheses/${await newHypothesis(h, { conversionMin: 0.05 })}`);

    expect(textOf(chart(standard.html, "forecast-counts"))).toMatch(/^What RUB 500,000 would bring, with 80% intervals/);
    const counts = textOf(chart(typed.html, "forecast-counts"));
    expect(counts).toMatch(/Leads: [\d.]+, 80%: \d+–\d+\. − not qualified: [\d.]+\. Qualified: [\d.]+, 80%: \d+–\d+\. − not won: [\d.]+\. Deals: [\d.]+, 80%: \d+–\d+\./);
    expect(textOf(chart(typed.html, "forecast-money"))).toMatch(/Budget: RUB 100,000 Revenue: RUB [\d,.]+ \(80%: RUB [\d,.]+–RUB [\d,.]+\) ROMI: [\d.]+% \(80%: /);
    expect(section(typed.html, "forecast")).toContain("Based on 120 mature leads and 12 deals; a lead cost RUB 1,000.");
    expect(typed.html).toContain('name="budget" inputmode="decimal" required="" value="100000"');
    expect(section(wrong.html, "forecast")).toContain("⚠ Type a positive amount");
    expect(wrong.html).not.toContain('id="forecast-counts-title"');
    expect(section(empty.html, "forecast")).toContain("No forecast: no leads yet.");
  });

  it("records an optimization from the form and shows its rates before and after", async () => {
    await owner.get(`/hypotheses/${proven}`);

    const refused = await owner.post(`/hypotheses/${proven}/optimizations`, { area: "audience", change: " ", startedOn: "2026-03-10" });
    const recorded = await owner.post(`/hypotheses/${proven}/optimizations`, { area: "audience", change: "Excluded students", startedOn: "2026-03-10" });
    const page = await owner.get(recorded.location!);

    expect(refused.status).toBe(400);
    expect(section(refused.html, "optimizations")).toContain("⚠ The form has problems: What was changed: must not be empty");
    expect(recorded.status).toBe(303);
    expect(recorded.location).toBe(`/hypotheses/${proven}?notice=optimizationRecorded#optimizations`);
    expect(textOf(page.html)).toContain("✓ Optimization recorded.");
    const card = section(page.html, "optimizations");
    expect(card).toContain("audience: Excluded students");
    expect(card).toContain("42 days before (27 Jan 2026 – 9 Mar 2026) against 42 days after (10 Mar 2026 – 20 Apr 2026)");
    const id = (await h.call("GET", `/api/hypotheses/${proven}/optimizations`)).body.items.find((o: any) => o.change === "Excluded students").id;
    const svg = textOf(chart(page.html, `before-after-${id}`));
    expect(svg).toContain("Qualified leads before 35% (95%: 27% – 43.9%) after 0% (95%: 0.1% – 16.1%)");
    expect(svg).toMatch(/Qualified leads: worse \(chance it got better: [\d.]+%\)/);
    expect(svg).toContain("Conversion to a deal: insufficient data (chance it got better: —)");
  });

  it("reads in Russian for a Russian browser", async () => {
    const browser = h.browser({ acceptLanguage: "ru-RU" });
    await browser.signIn(OWNER_KEY);

    const page = await browser.get(`/hypotheses/${proven}`);

    expect(textOf(chart(page.html, "kpi-chart"))).toContain("Конверсия в сделку 10 % 95%: 5,8 % – 16,7 % цель ≥ 5 % ✓ выполнено вероятность, что цель достигнута: 95,7 %");
    expect(section(page.html, "funnel")).toContain("Самый большой отсев: Квалифицирован → КП: 71,4 % лидов (30) не прошли дальше.");
  });
});

describe("the owner's decision on scale-out", () => {
  it("lets the owner approve with a comment: the hypothesis moves to Scale and the decision is listed", async () => {
    await toOptimization(h, proven);
    const before = await owner.get(`/hypotheses/${proven}`);

    const approved = await owner.post(`/hypotheses/${proven}/approvals`, { decision: "approve", comment: "Go, double the budget" });
    const page = await owner.get(approved.location!);

    expect(before.html).toContain('name="decision" value="approve"');
    expect(approved.status).toBe(303);
    expect(approved.location).toBe(`/hypotheses/${proven}?notice=approved#approval`);
    expect(textOf(page.html)).toContain("✓ Scale-out approved: the hypothesis is in Scale.");
    expect(section(page.html, "approval")).toMatch(/Decisions .+ — ✓ approved by owner \(gate passed at the time\) Go, double the budget/);
    expect((await h.call("GET", `/api/hypotheses/${proven}`)).body.stage).toBe("scale");
  });

  it("shows the owner why an approval is refused, and records a rejection", async () => {
    const id = await unprovenInOptimization();
    await owner.get(`/hypotheses/${id}`);

    const refused = await owner.post(`/hypotheses/${id}/approvals`, { decision: "approve", comment: "Let's go" });
    const rejected = await owner.post(`/hypotheses/${id}/approvals`, { decision: "reject", comment: "Wait for 100 leads" });
    const page = await owner.get(rejected.location!);

    expect(refused.status).toBe(409);
    const approval = section(refused.html, "approval");
    expect(approval).toContain("⚠ The form has problems: the KPI gate does not pass (conversion insufficient_data); scale-out cannot be approved");
    expect(refused.html).toContain(">Let&#39;s go</textarea>");
    expect(rejected.location).toBe(`/hypotheses/${id}?notice=rejected#approval`);
    expect(section(page.html, "approval")).toMatch(/— ✕ rejected by owner \(gate not passed at the time\) Wait for 100 leads/);
    const decisions = (await h.call("GET", `/api/hypotheses/${id}/approvals`)).body.items;
    expect(decisions.map((d: any) => d.decision)).toEqual(["reject"]);
  });

  it("shows a marketer who decides, without the buttons, and refuses a forged approval with 403", async () => {
    const id = await unprovenInOptimization();

    const page = await marketer.get(`/hypotheses/${id}`);
    const forged = await marketer.post(`/hypotheses/${id}/approvals`, { decision: "reject", comment: "forged" });

    expect(section(page.html, "approval")).toContain("Only the owner decides on scale-out.");
    expect(page.html).not.toContain(`action="/hypotheses/${id}/approvals"`);
    expectPage(forged, 403, "Your role may not open this page.");
    expect((await h.call("GET", `/api/hypotheses/${id}/approvals`)).body.items).toEqual([]);
  });
});
