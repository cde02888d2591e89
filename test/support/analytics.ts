import { newId } from "../../packages/core/src/ids.js";
import type { Harness } from "./harness.js";

/** A hypothesis with one campaign, both through the API. */
export async function createChannel(h: Harness, options: { maturityDays?: number } = {}) {
  const hypothesis = await h.call("POST", "/api/hypotheses", {
    title: `Контекст ${newId()}`,
    statement: "Директ приводит клиентов на оптовые поставки дешевле 5000 ₽ за клиента",
    channel: "yandex_direct",
    responsible: "Ирина",
    budget: "300000",
    probe: { start: "2026-01-01", end: "2026-03-31" },
    maturityDays: options.maturityDays ?? 15,
    targets: { cacMax: "5000", conversionMin: 0.1 },
  });
  if (hypothesis.status !== 201) throw new Error(`hypothesis not created: ${hypothesis.text}`);
  const utmCampaign = `wholesale_${newId().toLowerCase()}`;
  const campaign = await h.call("POST", `/api/hypotheses/${hypothesis.body.id}/campaigns`, { utmSource: "yandex", utmCampaign });
  if (campaign.status !== 201) throw new Error(`campaign not created: ${campaign.text}`);
  return { hypothesisId: hypothesis.body.id as string, campaignId: campaign.body.id as string, utmSource: "yandex", utmCampaign };
}
export type Channel = Awaited<ReturnType<typeof createChannel>>;

/** A past lead for `POST /api/leads/import`: when it arrived (ISO time with offset) and how its deal ended. */
export type PastLead = { createdAt: string; stage?: string; amount?: string | number; lostReason?: string; closedAt?: string };

/**
 * Imports past leads of the channel's campaign and returns their ids in the order given.
 * Each gets its own CRM id, so identical rows stay distinct leads.
 */
export async function importPastLeads(h: Harness, channel: Channel, leads: PastLead[]): Promise<string[]> {
  const externalIds = leads.map(() => `crm-${newId()}`);
  const res = await h.call("POST", "/api/leads/import", {
    leads: leads.map((lead, i) => ({
      externalId: externalIds[i],
      name: `Клиент ${i + 1}`,
      phone: `+7916${String(1_000_000 + i).slice(-7)}`,
      utm_source: channel.utmSource,
      utm_campaign: channel.utmCampaign,
      ...lead,
    })),
  });
  if (res.status !== 200 || res.body.imported !== leads.length) throw new Error(`import failed: ${res.text}`);
  const ids = new Map<string, string>();
  let cursor: string | null = null;
  do {
    const page: any = await h.call("GET", `/api/leads?campaignId=${channel.campaignId}&limit=200${cursor ? `&cursor=${cursor}` : ""}`);
    for (const lead of page.body.items) ids.set(lead.externalId, lead.id);
    cursor = page.body.nextCursor;
  } while (cursor);
  return externalIds.map((id) => ids.get(id)!);
}

/** Books ad spend (roubles) for the channel's campaign on each day given. */
export async function bookSpend(h: Harness, channel: Channel, costs: Record<string, string | number>) {
  const rows = Object.entries(costs).map(([date, cost]) => ({ date, utm_source: channel.utmSource, utm_campaign: channel.utmCampaign, cost }));
  const res = await h.call("POST", "/api/spend", { rows });
  if (res.status !== 200 || res.body.rejected.length > 0) throw new Error(`spend not booked: ${res.text}`);
}

/** `count` copies of a past lead. */
export const times = (count: number, lead: PastLead): PastLead[] => Array.from({ length: count }, () => ({ ...lead }));
