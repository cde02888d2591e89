import { beforeAll, describe, expect, it } from "vitest";
import { arrive, attempts, NOW } from "../support/discipline.js";
import { OWNER_KEY } from "../support/harness.js";
import { importCohorts, importSpend, newCampaign, newHypothesis } from "../support/decisions.js";
import { createSource } from "../support/intake.js";
import { addSalesTeam } from "../support/sales.js";
import { contractorKey, newContractor } from "../support/reports.js";
import { leaksIn, visibleText } from "../support/leaks.js";
import { type Browser, createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let owner: Browser;
let marketer: Browser;
let head: Browser;
let manager: Browser;
let contractor: Browser;
let agencyId: string;
/** Pages with figures: a hypothesis with mature leads, spend and a lost lead of each kind. */
let paths: string[];
/** Text typed by people in this test (utm campaigns, source names): theirs to spell. */
let typed: string[];

beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  const team = await addSalesTeam(h);
  const source = await createSource(h, "json", { "41923": "qualified" });
  expect((await h.call("PUT", `/api/sources/${source.id}/loss-reasons`, { "7656397": "Дорого" })).status).toBe(200);
  const hypothesis = await newHypothesis(h, { conversionMin: 0.05, cplMax: "1500" });
  const agency = await newContractor(h, { name: "Агентство Север" });
  agencyId = agency;
  const campaign = await newCampaign(h, hypothesis, agency);
  await importCohorts(h, campaign.utm, [{ day: "2026-02-02", leads: 40, won: 4, wonAfter: 5, qualified: 10, lost: 6 }]);
  await importSpend(h, campaign.utm, { "2026-02-02": 40_000 });
  const unreached = await arrive(h, source, "2026-03-02T08:00:00+03:00", { utm: { utm_source: "yandex_direct", utm_campaign: "spring" } });
  await attempts(h, unreached, ["2026-03-03T09:00:00+03:00", "2026-03-03T19:00:00+03:00", "2026-03-04T09:00:00+03:00", "2026-03-04T19:00:00+03:00", "2026-03-05T09:00:00+03:00"]);
  const crmLost = await arrive(h, source, "2026-03-02T08:00:00+03:00", { stages: [{ stage: "lost", lostReason: "crm_status_143" }] });
  // The names and titles this test gave its people, source and hypothesis carry random tokens: theirs to spell.
  const named = async (path: string, field = "name") => (await h.call("GET", path)).body.items.map((x: Record<string, string>) => x[field]!);
  const names = [...(await named("/api/people")), ...(await named("/api/sources")), ...(await named("/api/hypotheses", "title"))];
  typed = [campaign.utm.utm_campaign, "spring", ...names].sort((a, b) => b.length - a.length);
  paths = ["/", "/leads", `/leads/${unreached}`, `/leads/${crmLost}`, `/hypotheses/${hypothesis}`, "/hypotheses/new", "/people", "/quarantine", "/spend", "/sources", `/sources/${source.id}`, `/sources/${source.id}/status-map/41923/remove`, `/sources/${source.id}/loss-reasons/7656397/remove`, "/assignment", "/contractors", "/quality", "/results", "/keys", "/callbacks", "/access-log", "/reconciliation"];
  owner = h.browser({ acceptLanguage: "ru" });
  await owner.signIn(OWNER_KEY);
  marketer = h.browser({ acceptLanguage: "ru" });
  await marketer.signIn((await h.call("POST", "/api/keys", { role: "marketer" })).body.key);
  head = h.browser({ acceptLanguage: "ru" });
  await head.signIn(team.head.key);
  manager = h.browser({ acceptLanguage: "ru" });
  await manager.signIn(team.leadManagerA.key);
  contractor = h.browser({ acceptLanguage: "ru" });
  await contractor.signIn(await contractorKey(h, agency));
}, 180_000);

/** The list of what must never show on a Russian page: codes, English refusals, broken figures. */
const leaked = /\p{L}_\p{L}|\brefused\b|\binvalid\b|\bmust\b|P\(|crm_status|no_contact|yandex_direct|\bundefined\b|\bNaN\b|\bnull\b/giu;

/** What a person reads: the text between tags, without scripts, attribute values or the data typed in this test. */
function visible(html: string): string {
  let text = textOf(html.replace(/<(textarea|code|pre)[^>]*>[\s\S]*?<\/\1>/g, " "));
  for (const own of typed) text = text.split(own).join(" ");
  return text;
}

async function leaksOf(browser: Browser, visited = paths) {
  const found: Record<string, string[]> = {};
  for (const path of visited) {
    const page = await browser.get(path);
    if (page.status === 403 || page.status === 404) continue;
    const text = visible(page.html);
    const hits = [...text.matchAll(leaked)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + 30));
    // And what test/support/leaks.ts finds on the demo: English words, attributes a person reads.
    hits.push(...leaksIn(visibleText(page.html), typed));
    if (hits.length) found[path] = hits;
  }
  return found;
}

describe("Russian pages on seeded data", () => {
  it("show the owner no codes or English", async () => {
    expect(await leaksOf(owner)).toEqual({});
  });

  it("show the marketer no codes or English", async () => {
    expect(await leaksOf(marketer)).toEqual({});
  });

  it("show the head of sales and a manager no codes or English", async () => {
    expect(await leaksOf(head)).toEqual({});
    expect(await leaksOf(manager)).toEqual({});
  });

  it("show a contractor no codes or English on their campaigns and report", async () => {
    const own = ["/", `/contractors/${agencyId}/report`];
    for (const path of own) expect((await contractor.get(path)).status, path).toBe(200);
    expect(await leaksOf(contractor, own)).toEqual({});
  });
});
