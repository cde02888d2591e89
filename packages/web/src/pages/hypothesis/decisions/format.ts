import type { KpiName, KpiRow } from "@parom/core/kpi";
import type { TargetRow } from "../../../charts/kpi-targets.js";
import type { View } from "../../../view.js";

/**
 * How a KPI's number reads: rates and ROMI as percents, money KPIs (roubles in the KPI answer) in
 * the hypothesis' currency, days with their unit, counts as counts.
 */
export function kpiFormat(v: View, kpi: KpiName, currency: string): (value: number) => string {
  switch (kpi) {
    case "qualifiedRate":
    case "conversion":
    case "romi":
      return v.fmt.percent;
    case "cpl":
    case "cac":
    case "averageDeal":
    case "spend":
      return (roubles) => v.fmt.amount(Math.round(roubles * 100), currency);
    case "medianDaysToWin":
      return (days) => v.t.decisions.kpi.days(v.fmt.number(Math.round(days * 10) / 10));
    case "leads":
      return v.fmt.number;
  }
}

/** A judged KPI row as the target chart draws it; null for a KPI without a target. */
export function targetRow(v: View, row: KpiRow, currency: string): TargetRow | null {
  if (row.target === undefined || row.direction === undefined || row.verdict === undefined) return null;
  return {
    name: v.t.decisions.kpi.names[row.kpi],
    observed: row.observed,
    interval: row.interval,
    target: row.target,
    direction: row.direction,
    verdict: row.verdict,
    probability: row.probability,
    format: kpiFormat(v, row.kpi, currency),
  };
}

/** The page's own query (`?budget=`, `?by=`): sections see the request only through the view. */
export const pageQuery = (v: View) => new URL(v.here, "http://page").searchParams;

/** This page's path with some query parameters replaced, keeping the others. */
export function withQuery(v: View, changes: Record<string, string>, hash = ""): string {
  const url = new URL(v.here, "http://page");
  for (const [name, value] of Object.entries(changes)) url.searchParams.set(name, value);
  url.searchParams.delete("notice");
  return `${url.pathname}?${url.searchParams}${hash}`;
}
