import { newId } from "../../packages/core/src/ids.js";
import { readDays } from "../../packages/core/src/counters/cohort-counters.js";
import { webhookFixture } from "../fixtures/webhooks/read.js";
import type { Harness } from "./harness.js";

/** A new lead source of `format`; returns the API's answer (id, key, webhookUrl...). */
export async function createSource(h: Harness, format: "tilda" | "amocrm" | "json", statusMap?: Record<string, string>) {
  const res = await h.call("POST", "/api/sources", { name: `${format} ${newId()}`, format, ...(statusMap ? { statusMap } : {}) });
  if (res.status !== 201) throw new Error(`source not created: ${res.text}`);
  return res.body as { id: string; name: string; key: string; webhookUrl: string };
}

/** A hypothesis with one campaign claiming (utmSource, utmCampaign). */
export async function createCampaign(h: Harness, utmSource: string, utmCampaign: string) {
  const hypothesis = await h.call("POST", "/api/hypotheses", {
    title: `Канал ${newId()}`,
    statement: "Яндекс.Директ приводит покупателей сумок дешевле 1500 ₽ за лид",
    channel: "yandex_direct",
    responsible: "Мария",
    budget: "100000",
    probe: { start: "2026-03-01", end: "2026-03-31" },
    targets: { cplMax: "1500" },
  });
  if (hypothesis.status !== 201) throw new Error(`hypothesis not created: ${hypothesis.text}`);
  const campaign = await h.call("POST", `/api/hypotheses/${hypothesis.body.id}/campaigns`, { utmSource, utmCampaign });
  if (campaign.status !== 201) throw new Error(`campaign not created: ${campaign.text}`);
  return {
    hypothesisId: hypothesis.body.id as string,
    title: hypothesis.body.title as string,
    campaignId: campaign.body.id as string,
    utm: { utm_source: utmSource, utm_campaign: utmCampaign },
  };
}

/** Posts a raw body to a source's public webhook, without an API key. */
export function postHook(h: Harness, key: string, body: { contentType?: string; text: string }, headers: Record<string, string> = {}) {
  return h.call("POST", `/hooks/${key}`, undefined, { key: null, raw: body.text, contentType: body.contentType, headers });
}

/** A sample body with some of its text replaced (fresh ids and campaigns per test). */
export function fixtureWith(name: string, replacements: Record<string, string> = {}) {
  const fixture = webhookFixture(name);
  let text = fixture.text;
  for (const [from, to] of Object.entries(replacements)) text = text.split(from).join(to);
  return { contentType: fixture.contentType, text };
}

/** A campaign's counters on one cohort day (zeros when nothing was counted). */
export async function countersOn(h: Harness, campaignId: string | null, day: string) {
  const [row] = await readDays(h.ctx, campaignId, day, day);
  return row ?? { leads: 0, contacted: 0, qualified: 0, proposal: 0, won: 0, lost: 0, revenue: 0, spend: 0 };
}

/** A unique lower-case token for utm values and sender ids. */
export const token = () => newId().toLowerCase();
