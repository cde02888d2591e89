import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hypothesisBody } from "../support/decisions.js";
import { readDays } from "../../packages/core/src/counters/cohort-counters.js";
import { newId } from "../../packages/core/src/ids.js";
import { spendFixture } from "../fixtures/spend/read.js";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** A hypothesis kept in `currency`, created through the API. */
async function hypothesis(currency = "RUB"): Promise<string> {
  const res = await h.call("POST", "/api/hypotheses", hypothesisBody({ channel: "paid_ads", currency, targets: { cplMax: 2000 } }));
  expect(res.status).toBe(201);
  return res.body.id;
}

/** A campaign under a (new) hypothesis, created through the API. */
async function campaign(body: { utmSource: string; utmCampaign: string; platformCampaignIds?: string[] }, hypothesisId?: string) {
  const res = await h.call("POST", `/api/hypotheses/${hypothesisId ?? (await hypothesis())}/campaigns`, body);
  expect(res.status).toBe(201);
  return res.body as { id: string; platformCampaignIds: string[] };
}

/** A platform campaign id no other test uses. */
const platformId = () => String(randomInt(1_000_000_000, 9_999_999_999));
const token = () => newId().slice(-8);
const post = (text: string, query = "", contentType = "text/csv") => h.call("POST", `/api/spend${query}`, undefined, { raw: text, contentType });
const countersOf = async (campaignId: string) => Object.fromEntries((await readDays(h.ctx, campaignId)).map((d) => [d.day, d.spend]));
const stored = async (campaignId: string) =>
  Object.fromEntries((await h.call("GET", `/api/spend?campaignId=${campaignId}`)).body.items.map((d: any) => [d.date, d.cost]));

describe("Yandex.Direct Reports API exports", () => {
  it("books a report in micro-units on the campaigns named by id and by name, exact to the kopeck", async () => {
    const [byId, otherId, name] = [platformId(), platformId(), `Сушилки РСЯ ${token()}`];
    const search = await campaign({ utmSource: "yandex", utmCampaign: byId });
    const network = await campaign({ utmSource: "Yandex", utmCampaign: name.toLowerCase() });
    const report = spendFixture("yandex-direct-micros.tsv", { "70012345": byId, "70012399": otherId, "Сушилки РСЯ": name });

    const res = await post(report, "", "text/tab-separated-values");

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 5, replaced: 0, rejected: [] });
    // 1234565000 micro-units are 1234.565: half a kopeck rounds up; 987654321 rounds down.
    expect(await stored(search.id)).toEqual({ "2026-03-01": "1234.56", "2026-03-02": "1234.57", "2026-03-03": "987.65" });
    expect(await countersOf(search.id)).toEqual({ "2026-03-01": 123456, "2026-03-02": 123457, "2026-03-03": 98765 });
    expect(await stored(network.id)).toEqual({ "2026-03-01": "455.00", "2026-03-02": "0.00" });
  });

  it("asks how whole-number money was exported, and reads roubles when told, also with the format named", async () => {
    const id = platformId();
    const c = await campaign({ utmSource: "yandex", utmCampaign: id });
    const report = `Date\tCampaignId\tCost\n2026-03-04\t${id}\t1500\n`;

    const unsure = await post(report, "", "text/plain");
    expect(unsure.status).toBe(400);
    expect(unsure.body.issues).toEqual([expect.objectContaining({ path: "moneyInMicros" })]);
    expect((await post(report, "?moneyInMicros=maybe")).body.issues).toEqual([{ path: "moneyInMicros", message: "must be true or false" }]);

    const res = await post(report, "?format=yandex_direct&moneyInMicros=false", "text/plain");
    expect(res.body).toEqual({ imported: 1, replaced: 0, rejected: [] });
    expect(await stored(c.id)).toEqual({ "2026-03-04": "1500.00" });
  });

  it("replaces each day when a corrected report is imported again, never adding", async () => {
    const id = platformId();
    const c = await campaign({ utmSource: "yandex", utmCampaign: id });
    const report = spendFixture("yandex-direct-decimals.tsv", { "70012345": id });
    expect((await post(report)).body).toEqual({ imported: 2, replaced: 0, rejected: [] });

    const res = await post(report.replace("99.00", "120.40"));

    expect(res.body).toEqual({ imported: 2, replaced: 2, rejected: [] });
    expect(await stored(c.id)).toEqual({ "2026-03-01": "1234.56", "2026-03-02": "120.40" });
    expect(await countersOf(c.id)).toEqual({ "2026-03-01": 123456, "2026-03-02": 12040 });
  });
});

describe("Google Ads campaign reports", () => {
  it("imports the UI's CSV by campaign name, skips the Total rows and reports the campaign it cannot place", async () => {
    const [name, strayId, strayName] = [`Spring Search ${token()}`, platformId(), `Display Dryers ${token()}`];
    const c = await campaign({ utmSource: "google", utmCampaign: name.toLowerCase() });
    const report = spendFixture("google-ads-ui.csv", { "Spring Search": name, "Display Dryers": strayName, "21000333444": strayId });

    const res = await post(report);

    expect(res.body).toEqual({
      imported: 2,
      replaced: 0,
      rejected: [
        {
          row: 2,
          errors: [`Google Ads campaign ${strayId} "${strayName}" matches no campaign with utm_source google: give a campaign that utm_campaign, or list the id in its platformCampaignIds.`],
          platformCampaign: { platform: "google_ads", id: strayId, name: strayName },
        },
      ],
    });
    expect(await stored(c.id)).toEqual({ "2026-03-01": "15234.50", "2026-03-02": "14870.25" });
  });

  it("imports the API's cost_micros rows on a campaign that lists the platform's id", async () => {
    const id = platformId();
    const c = await campaign({ utmSource: "google", utmCampaign: `brand_${token()}`, platformCampaignIds: [id] });
    expect(c.platformCampaignIds).toEqual([id]);

    const res = await post(spendFixture("google-ads-gaql.csv", { "21000111222": id, "Spring Search": `Renamed ${token()}` }));

    expect(res.body).toEqual({ imported: 2, replaced: 0, rejected: [] });
    expect(await stored(c.id)).toEqual({ "2026-03-01": "15234.50", "2026-03-02": "14870.26" });
  });

  it("refuses rows in another currency than the hypothesis', naming the platform campaign", async () => {
    const id = platformId();
    await campaign({ utmSource: "google", utmCampaign: id }, await hypothesis("USD"));

    const res = await post(spendFixture("google-ads-gaql.csv", { "21000111222": id }));

    expect(res.body.imported).toBe(0);
    expect(res.body.rejected).toEqual([1, 2].map((row) => ({
      row,
      errors: [expect.stringMatching(/^currency RUB differs from the hypothesis currency USD/)],
      platformCampaign: { platform: "google_ads", id, name: "Spring Search" },
    })));
  });
});

describe("VK Ads statistics exports", () => {
  it("imports the cabinet's export on a vk_ads campaign given the platform id and a vk campaign named alike", async () => {
    const [id, name] = [platformId(), `Ретаргет сушилки ${token()}`];
    const spring = await campaign({ utmSource: "vk_ads", utmCampaign: `vesna_${token()}` });
    const retargeting = await campaign({ utmSource: "vk", utmCampaign: name.toLowerCase() });
    const put = await h.call("PUT", `/api/campaigns/${spring.id}/platform-ids`, { ids: [id] });
    expect(put.status).toBe(200);

    const res = await post(spendFixture("vk-ads-campaigns.csv", { "11223344": id, "11229900": platformId(), "Ретаргет сушилки": name }));

    expect(res.body).toEqual({ imported: 3, replaced: 0, rejected: [] });
    expect(await stored(spring.id)).toEqual({ "2026-03-01": "1234.56", "2026-03-02": "1402.10" });
    expect(await stored(retargeting.id)).toEqual({ "2026-03-01": "310.00" });
  });

  it("refuses a platform campaign two campaigns claim, storing nothing for it", async () => {
    const id = platformId();
    const first = await campaign({ utmSource: "vk", utmCampaign: id });
    const second = await campaign({ utmSource: "vk_ads", utmCampaign: `other_${token()}`, platformCampaignIds: [id] });

    const res = await post(`Дата;ID кампании;Потрачено\n01.03.2026;${id};"100,00"\n`);

    expect(res.body.imported).toBe(0);
    expect(res.body.rejected).toEqual([
      {
        row: 1,
        errors: [expect.stringMatching(new RegExp(`^VK Ads campaign ${id} matches 2 campaigns \\((${first.id}, ${second.id}|${second.id}, ${first.id})\\)`))],
        platformCampaign: { platform: "vk_ads", id, name: null },
      },
    ]);
    expect(await stored(first.id)).toEqual({});
    expect(await stored(second.id)).toEqual({});
  });
});

describe("a campaign's platform ids", () => {
  it("replaces the list, so only the ids listed now place rows", async () => {
    const [old, current] = [platformId(), platformId()];
    const c = await campaign({ utmSource: "yandex", utmCampaign: `search_${token()}`, platformCampaignIds: [old] });

    const put = await h.call("PUT", `/api/campaigns/${c.id}/platform-ids`, { ids: [current, ` ${current} `] });

    expect(put.body).toMatchObject({ id: c.id, platformCampaignIds: [current] });
    expect((await h.call("GET", `/api/campaigns/${c.id}`)).body.platformCampaignIds).toEqual([current]);
    const res = await post(`Date\tCampaignId\tCost\n2026-03-05\t${old}\t10.00\n2026-03-05\t${current}\t20.00\n`);
    expect(res.body).toMatchObject({ imported: 1, rejected: [{ row: 1, platformCampaign: { platform: "yandex_direct", id: old, name: null } }] });
    expect(await stored(c.id)).toEqual({ "2026-03-05": "20.00" });
  });

  it("answers 404 for an unknown campaign, 400 for a bad body, and lets only owners and marketers change it", async () => {
    const c = await campaign({ utmSource: "google", utmCampaign: `display_${token()}` });
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
    const contractorId = (await h.call("POST", "/api/contractors", { name: "Ads Agency" })).body.id;
    const contractor = (await h.call("POST", "/api/keys", { role: "contractor", contractorId })).body.key;

    expect((await h.call("PUT", "/api/campaigns/01NOPE/platform-ids", { ids: ["1"] })).status).toBe(404);
    const bad = await h.call("PUT", `/api/campaigns/${c.id}/platform-ids`, { ids: "1", extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.path).sort()).toEqual(["extra", "ids"]);
    expect((await h.call("PUT", `/api/campaigns/${c.id}/platform-ids`, { ids: ["1"] }, { key: contractor })).status).toBe(403);
    expect((await h.call("PUT", `/api/campaigns/${c.id}/platform-ids`, { ids: ["1"] }, { key: marketer })).status).toBe(200);
  });
});
