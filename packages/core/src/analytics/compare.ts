import { z } from "zod";
import { IdSchema } from "../db/key-limits.js";
import type { Ctx } from "../context.js";
import type { DayCounters, WinCounters } from "../counters/cohort-counters.js";
import { formatKopecks } from "../money.js";
import { addDays, dayIn, daysBetween } from "../time.js";
import { missingSpendDays } from "../kpi/spend-coverage.js";
import { readHypothesisCounters } from "./hypothesis-counters.js";

/** Cohort ages, in days since arrival, at which channels are compared. */
export const COMPARE_AGES = [30, 60, 90] as const;

/**
 * `?ids=a,b,...&minLeads&minClients`. The thresholds apply to every channel alike, so that none
 * is judged on a sample another would be refused on.
 */
export const CompareQuery = z.strictObject({
  ids: z
    .string()
    .transform((value) => [...new Set(value.split(",").map((id) => id.trim()).filter(Boolean))])
    .pipe(z.array(IdSchema).min(1, "name at least one hypothesis id").max(20, "compare at most 20 hypotheses at once")),
  minLeads: z.coerce.number().int().min(1).default(30),
  minClients: z.coerce.number().int().min(1).default(5),
});
export type CompareQuery = z.output<typeof CompareQuery>;

/** A figure, or `insufficient_data` (value null) when the sample behind it is below the thresholds. */
export type Figure = { value: number | null; status: "ok" | "insufficient_data" };

export type AgeFigures = {
  age: number;
  /** The cohort days old enough to count: arrived on or before `lastCohortDay`; null without any. */
  cohorts: { first: string; last: string; days: number } | null;
  /** Leads of those cohorts, their spend, and the deals won (and revenue) within `age` days of arrival. */
  sample: { leads: number; won: number; spend: string; revenue: string };
  /** Roubles, rounded to kopecks. */
  revenuePerLead: Figure;
  revenuePerClient: Figure;
  cac: Figure;
  /** Days of those cohorts with leads of a paid campaign and no recorded spend: CAC is not given while there are any. */
  spendMissing?: { days: string[] };
};

const roubles = (kopecks: number) => Math.round(kopecks) / 100;

/**
 * Revenue per lead, revenue per client and CAC of cohorts at least `age` days old, counting only
 * what they won within `age` days of arrival: every channel is measured after the same time to
 * close, whatever its age. Pure.
 */
export function figuresAtAge(
  days: DayCounters[],
  wins: WinCounters[],
  asOf: string,
  age: number,
  thresholds: { minLeads: number; minClients: number },
  unpaidCampaignIds: string[] = [],
): AgeFigures {
  const old = (day: string) => daysBetween(day, asOf) >= age;
  let leads = 0;
  let spend = 0;
  const cohortDays = new Set<string>();
  for (const row of days) {
    if (!old(row.day)) continue;
    leads += row.leads;
    spend += row.spend;
    if (row.leads > 0 || row.spend > 0) cohortDays.add(row.day);
  }
  let won = 0;
  let revenue = 0;
  for (const row of wins) {
    if (!old(row.cohortDay) || daysBetween(row.cohortDay, row.winDay) > age) continue;
    won += row.won;
    revenue += row.revenue;
  }
  const sorted = [...cohortDays].sort();
  const unpriced = missingSpendDays(days.filter((row) => old(row.day)), unpaidCampaignIds);
  const enoughLeads = leads >= thresholds.minLeads;
  const enoughClients = enoughLeads && won >= thresholds.minClients;
  const figure = (ok: boolean, numerator: number, denominator: number): Figure =>
    ok && denominator > 0 ? { value: roubles(numerator / denominator), status: "ok" } : { value: null, status: "insufficient_data" };
  return {
    age,
    cohorts: sorted.length > 0 ? { first: sorted[0]!, last: sorted.at(-1)!, days: sorted.length } : null,
    sample: { leads, won, spend: formatKopecks(spend), revenue: formatKopecks(revenue) },
    revenuePerLead: figure(enoughLeads, revenue, leads),
    revenuePerClient: figure(enoughClients, revenue, won),
    cac: figure(enoughClients && unpriced.length === 0, spend, won),
    ...(unpriced.length > 0 ? { spendMissing: { days: unpriced } } : {}),
  };
}

export type ComparedHypothesis = { hypothesisId: string; title: string; channel: string; stage: string; ages: AgeFigures[] };

export type Comparison = { asOf: string; ages: number[]; minLeads: number; minClients: number; items: ComparedHypothesis[] };

/** The hypotheses side by side at equal cohort ages (404 when one of them does not exist). */
export async function compareHypotheses(ctx: Ctx, query: CompareQuery): Promise<Comparison> {
  const asOf = dayIn(ctx.now(), ctx.timeZone);
  // No cohort younger than the youngest age is ever counted.
  const to = addDays(asOf, -Math.min(...COMPARE_AGES));
  const items = await Promise.all(
    query.ids.map(async (id) => {
      const { hypothesis, ...counters } = await readHypothesisCounters(ctx, id);
      const days = counters.days.filter((row) => row.day <= to);
      const wins = counters.wins.filter((row) => row.cohortDay <= to);
      return {
        hypothesisId: id,
        title: hypothesis.title,
        channel: hypothesis.channel,
        stage: hypothesis.stage,
        ages: COMPARE_AGES.map((age) => figuresAtAge(days, wins, asOf, age, query, counters.unpaidCampaignIds)),
      };
    }),
  );
  return { asOf, ages: [...COMPARE_AGES], minLeads: query.minLeads, minClients: query.minClients, items };
}
