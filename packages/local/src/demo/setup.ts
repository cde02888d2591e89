import { addDays } from "@parom/core";
import { ok, type Api } from "./api.js";
import { contractors, sources, type HypothesisPlan } from "./story.js";

/**
 * Find-or-create for the demo's named things, so a second run reuses what the first made:
 * contractors and sources by name, hypotheses by title, campaigns by their utm pair.
 */

export type Ids = { contractors: Map<string, string>; sources: { tilda: Source; amocrm: Source } };
export type Source = { id: string; key: string; created: boolean };
export type ContractorKey = { contractorId: string; name: string; keyId: string; key: string };

export async function ensureContractors(api: Api): Promise<Map<string, string>> {
  const existing: Array<{ id: string; name: string }> = (await ok("list contractors", api("GET", "/api/contractors"))).items;
  const ids = new Map<string, string>();
  for (const contractor of contractors) {
    const found = existing.find((c) => c.name === contractor.name);
    ids.set(contractor.name, found?.id ?? (await ok(`create contractor ${contractor.name}`, api("POST", "/api/contractors", contractor))).id);
  }
  return ids;
}

export async function ensureSources(api: Api): Promise<Ids["sources"]> {
  const existing: Array<{ id: string; key: string; name: string }> = (await ok("list sources", api("GET", "/api/sources"))).items;
  const ensure = async (input: { name: string; format: string }): Promise<Source> => {
    const found = existing.find((s) => s.name === input.name);
    if (found) return { id: found.id, key: found.key, created: false };
    const made = await ok(`create source ${input.name}`, api("POST", "/api/sources", input));
    return { id: made.id, key: made.key, created: true };
  };
  return { tilda: await ensure(sources.tilda), amocrm: await ensure(sources.amocrm) };
}

/** The demo's day: kept in the data as the ready hypothesis' probe start, so later runs rebuild the same history. */
export async function demoDay(api: Api, plans: HypothesisPlan[], today: string): Promise<{ asOf: string; existing: Map<string, any> }> {
  const items: any[] = (await ok("list hypotheses", api("GET", "/api/hypotheses"))).items;
  const existing = new Map<string, any>();
  for (const plan of plans) {
    const found = items.find((h) => h.title === plan.title);
    if (found) existing.set(plan.role, found);
  }
  const anchor = plans.find((plan) => existing.has(plan.role));
  const asOf = anchor ? addDays(existing.get(anchor.role).probe.start, anchor.probe.since) : today;
  return { asOf, existing };
}

export async function ensureHypothesis(api: Api, plan: HypothesisPlan, asOf: string, existing: any | undefined): Promise<any> {
  if (existing) return existing;
  const start = addDays(asOf, -plan.probe.since);
  return ok(
    `create hypothesis «${plan.title}»`,
    api("POST", "/api/hypotheses", {
      title: plan.title,
      statement: plan.statement,
      channel: plan.channel,
      responsible: plan.responsible,
      budget: plan.budget,
      probe: { start, end: addDays(start, plan.probe.days - 1) },
      targets: plan.targets,
    }),
  );
}

/** The hypothesis' campaigns in plan order, created where missing. */
export async function ensureCampaigns(api: Api, hypothesisId: string, plan: HypothesisPlan, contractorIds: Map<string, string>): Promise<string[]> {
  const existing: Array<{ id: string; utmSource: string; utmCampaign: string }> = (
    await ok("list campaigns", api("GET", `/api/hypotheses/${hypothesisId}/campaigns`))
  ).items;
  const ids: string[] = [];
  for (const campaign of plan.campaigns) {
    const found = existing.find((c) => c.utmSource === campaign.utmSource && c.utmCampaign === campaign.utmCampaign);
    if (found) {
      ids.push(found.id);
      continue;
    }
    const body = {
      utmSource: campaign.utmSource,
      utmCampaign: campaign.utmCampaign,
      ...(campaign.contractor ? { contractorId: contractorIds.get(campaign.contractor) } : {}),
      ...(campaign.platformCampaignIds ? { platformCampaignIds: campaign.platformCampaignIds } : {}),
      ...(campaign.paid === false ? { paid: false } : {}),
    };
    ids.push((await ok(`create campaign ${campaign.utmSource}/${campaign.utmCampaign}`, api("POST", `/api/hypotheses/${hypothesisId}/campaigns`, body))).id);
  }
  return ids;
}

/**
 * One working key per contractor: a key from an earlier run (`known`) while it is still active,
 * else a new one. Only a key's hash is stored, so earlier keys can be shown only if the caller kept them.
 */
export async function ensureContractorKeys(api: Api, contractorIds: Map<string, string>, known: ContractorKey[]): Promise<ContractorKey[]> {
  const active: Array<{ id: string; revokedAt?: string }> = (await ok("list keys", api("GET", "/api/keys"))).items.filter((k: any) => !k.revokedAt);
  const keys: ContractorKey[] = [];
  for (const [name, contractorId] of contractorIds) {
    const kept = known.find((k) => k.contractorId === contractorId && active.some((a) => a.id === k.keyId));
    if (kept) {
      keys.push({ ...kept, name });
      continue;
    }
    // Named as the contractor, as a person's key is named as the person: the keys page and histories show it.
    const made = await ok(`create a key for ${name}`, api("POST", "/api/keys", { role: "contractor", contractorId, name }));
    keys.push({ contractorId, name, keyId: made.id, key: made.key });
  }
  return keys;
}
