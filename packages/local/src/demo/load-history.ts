import { type Random, seededRandom } from "@parom/core/stats";
import { allPages, inPool, ok, type Api } from "./api.js";
import { pastLeads, pastSpend, type PastLead } from "./history.js";
import { unattributed, type CampaignPlan, type HypothesisPlan } from "./story.js";

/**
 * Loads the simulated past through the public API: leads with their outcomes by
 * POST /api/leads/import under the amoCRM source (the CRM they came from), losses after a lead got
 * past `new` by PATCH /api/leads/{id} (so the funnel shows how far it got), and daily spend by
 * POST /api/spend (Yandex.Direct as its Reports TSV, the others as JSON rows).
 */

/** `present`: leads an earlier run already loaded, which are not sent again. */
export type HistoryCounts = { imported: number; present: number; markedLost: number; spendDays: number };
export type HistoryContext = { api: Api; asOf: string; timeZone: string; amocrmSourceId: string; counts: HistoryCounts };

const IMPORT_BATCH = 1000;
const PATCHES_IN_FLIGHT = 16;

/** amoCRM deal ids: each campaign has its own block, so ids stay put when another campaign's volume changes. */
const idBase = (block: number) => 31_000_000 + block * 20_000;

/** A campaign's leads (null: leads no campaign claims). */
export type LeadBatch = { campaignId: string | null; leads: PastLead[] };

/** The simulated leads of a campaign; `block` is its place in the story, which fixes its amoCRM ids. */
export function campaignBatch(plan: HypothesisPlan, campaign: CampaignPlan, campaignId: string, block: number, asOf: string, timeZone: string): LeadBatch {
  const utm = { utm_source: campaign.utmSource, utm_medium: campaign.utmMedium, utm_campaign: campaign.utmCampaign };
  const improved = plan.optimization && { since: plan.optimization.since, funnel: plan.optimization.improved };
  const options = { asOf, timeZone, idBase: idBase(block), ...(improved ? { improved } : {}) };
  return { campaignId, leads: pastLeads(campaign, utm, `${campaign.utmSource}/${campaign.utmCampaign}`, options) };
}

/** Calls to the number on the site (no UTM at all) and clicks from an Instagram profile no campaign claims. */
export function unattributedBatch(firstBlock: number, asOf: string, timeZone: string): LeadBatch {
  const shape = { ...unattributed, hours: [9, 19] as [number, number], weekend: 0.3, earlyLosses: ["просто сравнивали цены", "нужна розница, не опт"] };
  const calls = pastLeads(shape, {}, "unattributed/calls", { asOf, timeZone, idBase: idBase(firstBlock) });
  const instagram = pastLeads(
    { ...shape, leadsPerWeekday: unattributed.instagramPerDay, weekend: 1 },
    { utm_source: "instagram", utm_medium: "social", utm_campaign: "bio_link" },
    "unattributed/instagram",
    { asOf, timeZone, idBase: idBase(firstBlock + 1) },
  );
  return { campaignId: null, leads: [...calls, ...instagram] };
}

type StoredLead = { id: string; stage: string };

/**
 * Imports the leads their listings do not hold yet (all of them on a first run, the rest after an
 * interrupted one), then loses those lost after they were reached: they were imported at the
 * stage they got to, and PATCH moves them to lost with their reason. Both go in a shuffled order:
 * writes in flight together then touch different campaigns' and days' counters instead of
 * queueing on one.
 */
export async function loadLeads(context: HistoryContext, batches: LeadBatch[]): Promise<void> {
  const { api, amocrmSourceId, counts } = context;
  const order = seededRandom("demo/order");
  let stored = await Promise.all(batches.map((batch) => storedByExternalId(api, batch.campaignId)));
  const missing = shuffle(order, batches.flatMap((batch, i) => batch.leads.filter((lead) => !stored[i]!.has(lead.row.externalId!))));
  counts.present += batches.reduce((sum, batch) => sum + batch.leads.length, 0) - missing.length;
  for (let i = 0; i < missing.length; i += IMPORT_BATCH) {
    const rows = missing.slice(i, i + IMPORT_BATCH).map((lead) => lead.row);
    const result = await ok("import past leads", api("POST", "/api/leads/import", { sourceId: amocrmSourceId, leads: rows }));
    if (result.rejected.length > 0) throw new Error(`the import refused demo leads: ${JSON.stringify(result.rejected.slice(0, 3))}`);
    counts.imported += result.imported;
    counts.present += result.duplicates;
  }
  if (missing.length > 0) stored = await Promise.all(batches.map((batch) => storedByExternalId(api, batch.campaignId)));
  const pending = batches.flatMap((batch, i) =>
    batch.leads.flatMap((lead) => {
      const found = lead.loseLater ? stored[i]!.get(lead.row.externalId!) : undefined;
      return found && found.stage !== "lost" ? [{ id: found.id, lostReason: lead.loseLater! }] : [];
    }),
  );
  await inPool(shuffle(order, pending), PATCHES_IN_FLIGHT, async ({ id, lostReason }) => {
    await ok(`mark lead ${id} lost`, api("PATCH", `/api/leads/${id}`, { stage: "lost", lostReason }));
    counts.markedLost++;
  });
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

async function storedByExternalId(api: Api, campaignId: string | null): Promise<Map<string, StoredLead>> {
  const listing = campaignId ? `/api/leads?campaignId=${campaignId}` : "/api/leads?unattributed=true";
  const stored = new Map<string, StoredLead>();
  for (const lead of await allPages(api, listing)) if (lead.externalId) stored.set(lead.externalId, lead);
  return stored;
}

/** Sends the days whose stored cost differs (all of them on a first run): a day's spend replaces what it held. */
export async function loadSpend({ api, asOf, counts }: HistoryContext, campaign: CampaignPlan, campaignId: string): Promise<void> {
  const stored = new Map<string, string>();
  for (const day of (await ok("read spend", api("GET", `/api/spend?campaignId=${campaignId}`))).items) stored.set(day.date, day.cost);
  const days = pastSpend(campaign, asOf).filter((d) => stored.get(d.date) !== d.cost.toFixed(2));
  if (days.length === 0) return;
  const platformId = campaign.utmSource === "yandex" ? campaign.platformCampaignIds?.[0] : undefined;
  let result;
  if (platformId) {
    // As Yandex.Direct's Reports API sends it: a title line, the FieldNames, money in micro-units, a footer.
    const lines = days.map((d) => `${d.date}\t${platformId}\t${campaign.utmCampaign}\t${Math.round(d.cost * 100) * 10_000}`);
    const tsv = [`"${campaign.utmCampaign} (${days[0]!.date} - ${days.at(-1)!.date})"`, "Date\tCampaignId\tCampaignName\tCost", ...lines, `Total rows: ${lines.length}`].join("\n");
    result = await ok("import Yandex.Direct spend", api("POST", "/api/spend", undefined, { raw: `${tsv}\n`, contentType: "text/tab-separated-values" }));
  } else {
    const rows = days.map((d) => ({ date: d.date, utm_source: campaign.utmSource, utm_campaign: campaign.utmCampaign, cost: d.cost.toFixed(2), currency: "RUB" }));
    result = await ok(`import spend of ${campaign.utmCampaign}`, api("POST", "/api/spend", { rows }));
  }
  if (result.rejected.length > 0) throw new Error(`the spend import refused demo rows: ${JSON.stringify(result.rejected.slice(0, 3))}`);
  counts.spendDays += result.imported;
}
