import { expect } from "vitest";
import { addDays } from "../../packages/core/src/time.js";
import type { Harness } from "./harness.js";
import { token } from "./intake.js";

/** One arrival day of a campaign's leads and how they ended; the rest stay `new`. */
export type Cohort = {
  day: string;
  leads: number;
  /** Leads that reached `qualified` and stopped there. */
  qualified?: number;
  won?: number;
  /** Each won deal's amount. */
  amount?: string;
  /** Days from arrival to the win. */
  wonAfter?: number;
  lost?: number;
};

const HYPOTHESIS = {
  statement: "Поиск по запросу «кожаная сумка» приводит покупателей дешевле 1500 ₽ за лид",
  channel: "yandex_direct",
  responsible: "Мария",
  budget: "500000",
  probe: { start: "2026-03-01", end: "2026-03-31" },
  targets: { cplMax: "1500", conversionMin: 0.05 },
};

/** A valid body for POST /api/hypotheses with a fresh title; `over` sets what a test depends on. */
export const hypothesisBody = (over: Record<string, unknown> = {}) => ({ title: `Сумки ${token()}`, ...HYPOTHESIS, ...over });

/** The new-hypothesis page's form as a person fills it (money as typed, no channel chosen); `over` sets what a test depends on. */
export const hypothesisForm = (over: Record<string, string> = {}) => ({
  title: `Канал ${token()}`,
  statement: "Реклама даёт лиды дешевле 900 ₽",
  responsible: "Анна Петрова",
  budget: "150 000",
  currency: "RUB",
  "probe.start": "2026-03-01",
  "probe.end": "2026-03-31",
  maturityDays: "15",
  confidence: "90",
  "targets.cplMax": "900",
  ...over,
});

/** A hypothesis registered through the API (probe from 1 March 2026); returns its id. */
export async function newHypothesis(h: Harness, targets: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await h.call(
    "POST",
    "/api/hypotheses",
    hypothesisBody({
      title: `Яндекс.Директ, сумки ${token()}`,
      statement: "Поиск по запросу «кожаная сумка» приводит покупателей с конверсией не ниже 5%",
      targets,
      ...extra,
    }),
  );
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

/** A campaign of the hypothesis with a fresh utm pair (optionally run by a contractor). */
export async function newCampaign(h: Harness, hypothesisId: string, contractorId?: string) {
  const res = await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, {
    utmSource: "yandex",
    utmCampaign: `bags-${token()}`,
    ...(contractorId ? { contractorId } : {}),
  });
  expect(res.status, res.text).toBe(201);
  return { id: res.body.id as string, utm: { utm_source: "yandex", utm_campaign: res.body.utmCampaign as string } };
}

/** Past leads with their outcomes through POST /api/leads/import, arriving at 10:00 Moscow time. */
export async function importCohorts(h: Harness, utm: { utm_source: string; utm_campaign: string }, cohorts: Cohort[]) {
  const leads = cohorts.flatMap((c) => {
    const createdAt = `${c.day}T10:00:00+03:00`;
    const won = Array.from({ length: c.won ?? 0 }, () => ({
      stage: "won",
      amount: c.amount ?? "50000",
      closedAt: `${addDays(c.day, c.wonAfter ?? 10)}T12:00:00+03:00`,
    }));
    const qualified = Array.from({ length: c.qualified ?? 0 }, () => ({ stage: "qualified" }));
    const lost = Array.from({ length: c.lost ?? 0 }, () => ({ stage: "lost", lostReason: "дорого" }));
    const fresh = Array.from({ length: c.leads - won.length - qualified.length - lost.length }, () => ({}));
    return [...won, ...qualified, ...lost, ...fresh].map((outcome) => ({ externalId: token(), createdAt, ...utm, ...outcome }));
  });
  for (let i = 0; i < leads.length; i += 1000) {
    const res = await h.call("POST", "/api/leads/import", { leads: leads.slice(i, i + 1000) });
    expect(res.status, res.text).toBe(200);
    expect(res.body.rejected).toEqual([]);
  }
}

/** Daily ad costs through POST /api/spend. */
export async function importSpend(h: Harness, utm: { utm_source: string; utm_campaign: string }, costs: Record<string, number>) {
  const rows = Object.entries(costs).map(([date, cost]) => ({ date, ...utm, cost }));
  const res = await h.call("POST", "/api/spend", { rows });
  expect(res.status, res.text).toBe(200);
  expect(res.body.rejected).toEqual([]);
}

const rules = { responsible: "Мария", leadHandling: "Перезвонить в течение 15 минут", checklist: ["скрипт согласован"] };

/**
 * Walks a hypothesis with leads to `optimization` through the public transitions. Leaving analysis
 * gives a reason, since the callers' targets may still be short of data (a target not met still stops it).
 */
export async function toOptimization(h: Harness, id: string) {
  for (const step of [{ to: "analysis" }, { to: "rules", reason: "Rules written while the data gathers" }]) {
    const res = await h.call("POST", `/api/hypotheses/${id}/transitions`, step);
    expect(res.status, res.text).toBe(200);
  }
  expect((await h.call("PUT", `/api/hypotheses/${id}/rules`, rules)).status).toBe(200);
  expect((await h.call("POST", `/api/hypotheses/${id}/transitions`, { to: "optimization" })).status).toBe(200);
}

/** A KPI row of an answer by name. */
export const kpiOf = (body: { kpis: Array<{ kpi: string }> }, name: string) => body.kpis.find((row) => row.kpi === name) as any;
