import { expect } from "vitest";
import type { ReportFigures } from "../../packages/core/src/report/model.js";
import { addDays } from "../../packages/core/src/time.js";
import type { Harness } from "./harness.js";
import { token } from "./intake.js";

/**
 * The busy campaign's week in report.test.ts (30 leads, 7 of them qualified or further, 3 won at
 * 60 000 each, 24 000.50 spent): what the API must compute there, and the rendering tests' input.
 */
export const BUSY_WEEK: ReportFigures = {
  spend: "24000.50",
  leads: 30,
  cpl: "800.02",
  qualifiedRate: 0.2333,
  matureLeads: 30,
  won: 3,
  conversion: 0.1,
  cac: "8000.17",
  romi: Math.round(((180000 - 24000.5) / 24000.5) * 10_000) / 10_000,
};

/** Leads arriving on one day (10:00 Moscow) and how they ended; the rest stay `new`. */
export type Arrivals = { day: string; leads: number; qualified?: number; won?: number; amount?: string; wonAfter?: number; lost?: number };

export async function newContractor(h: Harness, body: { name?: string; email?: string } = {}): Promise<string> {
  const res = await h.call("POST", "/api/contractors", { name: `Агентство ${token()}`, ...body });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

/** A contractor key, bound to `contractorId`. */
export async function contractorKey(h: Harness, contractorId: string): Promise<string> {
  const res = await h.call("POST", "/api/keys", { role: "contractor", contractorId });
  expect(res.status, res.text).toBe(201);
  return res.body.key;
}

export async function newHypothesis(h: Harness, targets: Record<string, unknown>, maturityDays = 15): Promise<{ id: string; title: string }> {
  const title = `Яндекс.Директ, сумки ${token()}`;
  const res = await h.call("POST", "/api/hypotheses", {
    title,
    statement: "Поиск по запросу «кожаная сумка» приводит покупателей дешевле 1500 ₽ за лид",
    channel: "yandex_direct",
    responsible: "Мария",
    budget: "500000",
    probe: { start: "2026-03-01", end: "2026-03-31" },
    maturityDays,
    targets,
  });
  expect(res.status, res.text).toBe(201);
  return { id: res.body.id, title };
}

export async function newCampaign(h: Harness, hypothesisId: string, contractorId?: string, utmCampaign = `bags-${token()}`) {
  const res = await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, { utmSource: "yandex", utmCampaign, ...(contractorId ? { contractorId } : {}) });
  expect(res.status, res.text).toBe(201);
  return { id: res.body.id as string, utm: { utm_source: "yandex", utm_campaign: utmCampaign } };
}

/** Past leads through POST /api/leads/import, each with a name, phone and e-mail (which no report may show). */
export async function importArrivals(h: Harness, utm: { utm_source: string; utm_campaign: string }, arrivals: Arrivals[]) {
  const leads = arrivals.flatMap((a) => {
    const createdAt = `${a.day}T10:00:00+03:00`;
    const won = Array.from({ length: a.won ?? 0 }, () => ({
      stage: "won",
      amount: a.amount ?? "50000",
      closedAt: `${addDays(a.day, a.wonAfter ?? 5)}T12:00:00+03:00`,
    }));
    const qualified = Array.from({ length: a.qualified ?? 0 }, () => ({ stage: "qualified" }));
    const lost = Array.from({ length: a.lost ?? 0 }, () => ({ stage: "lost", lostReason: "дорого" }));
    const fresh = Array.from({ length: a.leads - won.length - qualified.length - lost.length }, () => ({}));
    return [...won, ...qualified, ...lost, ...fresh].map((outcome, i) => ({
      externalId: token(),
      name: `Иван Контактов ${i}`,
      phone: `+7 999 555-${String(1000 + i).slice(-4)}`,
      email: `client${i}@example.ru`,
      createdAt,
      ...utm,
      ...outcome,
    }));
  });
  const res = await h.call("POST", "/api/leads/import", { leads });
  expect(res.status, res.text).toBe(200);
  expect(res.body.rejected).toEqual([]);
}

export async function importSpend(h: Harness, utm: { utm_source: string; utm_campaign: string }, costs: Record<string, string>) {
  const res = await h.call("POST", "/api/spend", { rows: Object.entries(costs).map(([date, cost]) => ({ date, ...utm, cost })) });
  expect(res.status, res.text).toBe(200);
  expect(res.body.rejected).toEqual([]);
}

/** Every outbox mail to `to`. */
export async function outboxTo(h: Harness, to: string) {
  const res = await h.call("GET", "/api/outbox?limit=100");
  expect(res.status, res.text).toBe(200);
  return (res.body.items as Array<{ to: string; subject: string; html: string; text: string; attachments?: Array<{ filename: string; content: string }> }>).filter(
    (mail) => mail.to === to,
  );
}

/** Splits a `;`-separated CSV (after its BOM) into rows, honouring double quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ";") row.push(cell), (cell = "");
    else if (ch === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += ch;
  }
  return rows;
}
