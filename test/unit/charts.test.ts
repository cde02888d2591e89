import { jsx } from "hono/jsx";
import { describe, expect, it } from "vitest";
import { cohortTable } from "../../packages/core/src/analytics/cohorts.js";
import { forecast } from "../../packages/core/src/analytics/forecast.js";
import { funnel } from "../../packages/core/src/analytics/funnel.js";
import type { DayCounters } from "../../packages/core/src/counters/cohort-counters.js";
import { BeforeAfterChart } from "../../packages/web/src/charts/before-after.js";
import { HorizontalBars } from "../../packages/web/src/charts/bars.js";
import { CohortHeatmap } from "../../packages/web/src/charts/cohort-heatmap.js";
import { FunnelChart } from "../../packages/web/src/charts/funnel.js";
import { KpiTargetChart, type TargetRow } from "../../packages/web/src/charts/kpi-targets.js";
import { extent, linear, shade } from "../../packages/web/src/charts/scale.js";
import { ForecastMoney, ForecastWaterfall, type ForecastOk } from "../../packages/web/src/charts/waterfall.js";
import { dictionaries } from "../../packages/web/src/i18n/index.js";
import { formatterFor } from "../../packages/web/src/i18n/format.js";
import type { View } from "../../packages/web/src/view.js";
import { textOf } from "../support/web.js";

const v: View = { lang: "en", t: dictionaries.en, fmt: formatterFor("en-GB", "Europe/Moscow"), csrf: "", here: "/", origin: "http://localhost" };
const render = (component: (props: any) => unknown, props: Record<string, unknown>) => String(jsx(component as any, props));
const day = (d: string, counts: Partial<DayCounters>): DayCounters => ({ campaignId: "c", day: d, leads: 0, contacted: 0, qualified: 0, proposal: 0, won: 0, lost: 0, revenue: 0, spend: 0, ...counts });

/** WCAG contrast of two #rrggbb colours. */
function contrast(a: string, b: string) {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("chart scales", () => {
  it("maps values linearly and keeps zero and every value inside the domain", () => {
    expect(linear([0, 200], [100, 500])(50)).toBe(200);
    expect(linear([5, 5], [100, 500])(5)).toBe(100);
    expect(extent([0.03, 0.05, 0.08])).toEqual([0, 0.088]);
    expect(extent([-1, 3])).toEqual([-1.4, 3.4]);
    expect(extent([])).toEqual([0, 1]);
  });

  it("shades heat-map cells so the dark number stays readable on the darkest one", () => {
    expect(shade(0)).toBe("#ffffff");
    expect(shade(2)).toBe(shade(1));
    expect(contrast(shade(1), "#1b1f24")).toBeGreaterThanOrEqual(4.5);
  });
});

describe("the targets chart", () => {
  const percent = (x: number) => v.fmt.percent(x);
  const row = (over: Partial<TargetRow>): TargetRow => ({
    name: "Conversion to a deal",
    observed: 0.1,
    interval: [0.05, 0.15],
    target: 0.05,
    direction: "min",
    verdict: "met",
    probability: 0.97,
    format: percent,
    ...over,
  });

  it("draws the interval, the observed dot and the target line where the scale puts them, with the verdict in words", () => {
    const svg = render(KpiTargetChart, { v, id: "k", rows: [row({})] });

    // Domain [0, 0.165] onto x 250..660.
    const x = linear([0, 0.165], [250, 660]);
    expect(svg).toContain(`<circle cx="${x(0.1)}" cy="45"`);
    expect(svg).toContain(`<line x1="${x(0.05)}" y1="45" x2="${x(0.15)}" y2="45">`);
    expect(svg).toContain(`<line x1="${x(0.05)}" y1="21" x2="${x(0.05)}" y2="67" stroke="#1b1f24" stroke-width="2" stroke-dasharray="5 3">`);
    expect(textOf(svg)).toContain("Conversion to a deal 10% 95%: 5% – 15% target ≥ 5% ✓ met chance the target is met: 97%");
    expect(svg).toContain('<desc id="k-desc">Conversion to a deal: observed 10%, 95% interval 5% – 15%, target ≥ 5%: met, chance the target is met: 97%.</desc>');
  });

  it("says not met and insufficient data in words, and draws no dot without a figure", () => {
    const svg = render(KpiTargetChart, {
      v,
      id: "k",
      rows: [row({ verdict: "not_met", probability: 0.01 }), row({ name: "ROMI", observed: null, interval: null, verdict: "insufficient_data", probability: undefined })],
    });

    expect(textOf(svg)).toContain("✕ not met chance the target is met: 1%");
    expect(textOf(svg)).toContain("ROMI no figure yet target ≥ 5% ? insufficient data chance the target is met: —");
    expect(svg.match(/<circle/g)).toHaveLength(1);
  });
});

describe("the cohort heat map", () => {
  it("prints each cell's deals and share, shades them against the best cell, and hatches and labels immature ones", () => {
    const table = cohortTable({
      by: "month",
      asOf: "2026-03-20",
      maturityDays: 15,
      days: [day("2026-01-10", { leads: 100, won: 10 }), day("2026-03-05", { leads: 40, won: 1 })],
      wins: [
        { campaignId: "c", cohortDay: "2026-01-10", winDay: "2026-01-20", won: 6, revenue: 0 },
        { campaignId: "c", cohortDay: "2026-01-10", winDay: "2026-02-15", won: 4, revenue: 0 },
        { campaignId: "c", cohortDay: "2026-03-05", winDay: "2026-03-08", won: 1, revenue: 0 },
      ],
    });

    const svg = render(CohortHeatmap, { v, id: "m", table });

    expect(textOf(svg)).toContain("month 0 month 1 month 2 January 2026 · 100 leads 6 · 6% 10 · 10% 10 · 10% maturing March 2026 · 40 leads 1 · 2.5% maturing");
    expect(svg).toContain(`fill="${shade(1)}"`); // the best cell, 10%
    expect(svg).toContain(`fill="${shade(0.6)}"`); // 6% of a best 10%
    expect(svg.match(/fill="url\(#m-hatch\)"/g)).toHaveLength(3); // two immature cells and the legend
    expect(svg).toContain("March 2026, month 0: 1 won (2.5%), still maturing.");
  });
});

describe("the funnel chart", () => {
  it("hatches only the largest drop-off and names it", () => {
    const result = funnel({ days: [day("2026-03-01", { leads: 100, contacted: 80, qualified: 20, proposal: 15, won: 5 })], lostReasons: [], asOf: "2026-04-01", maturityDays: 15 });

    const svg = render(FunnelChart, { v, id: "f", funnel: result });

    expect(svg.match(/fill="url\(#f-hatch\)"/g)).toHaveLength(1);
    expect(textOf(svg)).toContain("Qualified 20 (20%) ↓ 20 go on, 60 drop off (75%) — ⚠ largest drop-off");
    expect(textOf(svg)).toContain("Contacted 80 (80%) ↓ 80 go on, 20 drop off (20%) Qualified");
  });
});

describe("the forecast charts", () => {
  const result = forecast({
    days: [day("2026-01-10", { leads: 200, qualified: 60, won: 20, spend: 20_000_000, revenue: 100_000_000 })],
    budget: 10_000_000,
    asOf: "2026-03-01",
    maturityDays: 15,
    runs: 2_000,
  }) as ForecastOk;

  it("draws totals with 80% whiskers and the steps down hatched", () => {
    const svg = render(ForecastWaterfall, { v, id: "w", forecast: result, currency: "RUB" });

    expect(result.status).toBe("ok");
    expect(svg.match(/fill="url\(#w-hatch\)"/g)).toHaveLength(2);
    const n = (x: number) => v.fmt.number(x);
    expect(textOf(svg)).toContain(`Deals: ${n(Math.round(result.won.expected))}, 80%: ${n(result.won.interval[0])}–${n(result.won.interval[1])}.`);
    expect(textOf(svg)).toContain("What RUB 100,000 would bring");
  });

  it("sets the budget against the revenue and says the ROMI", () => {
    const svg = textOf(render(ForecastMoney, { v, id: "money", forecast: result, currency: "RUB" }));

    expect(svg).toContain("Budget: RUB 100,000");
    expect(svg).toContain(`ROMI: ${v.fmt.percent(result.romi.expected)} (80%: `);
  });
});

describe("the before/after and plain bar charts", () => {
  it("labels the before and after bars in words and says when a side has no figure", () => {
    const svg = render(BeforeAfterChart, {
      v,
      id: "b",
      title: "Rates",
      rates: [{ name: "Qualified leads", before: { observed: 0.2, interval: [0.1, 0.3] }, after: { observed: null, interval: null }, verdict: "Qualified leads: insufficient data" }],
    });

    expect(textOf(svg)).toContain("Qualified leads before 20% (95%: 10% – 30%) after no figure yet Qualified leads: insufficient data");
    expect(svg.match(/<rect/g)).toHaveLength(1);
  });

  it("draws no bar for a missing value but still prints its text", () => {
    const svg = render(HorizontalBars, { id: "h", title: "Hours", bars: [{ label: "Anna", value: 3, text: "3 h" }, { label: "Oleg", value: null, text: "no attempt yet" }] });

    expect(svg.match(/<rect/g)).toHaveLength(1);
    expect(textOf(svg)).toContain("Anna 3 h Oleg no attempt yet");
  });
});
