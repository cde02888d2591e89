import { beforeAll, describe, expect, it } from "vitest";
import { readDays } from "../../packages/core/src/counters/cohort-counters.js";
import { newId } from "../../packages/core/src/ids.js";
import { createHarness, type Harness } from "../support/harness.js";
import { hypothesisBody } from "../support/decisions.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** A campaign with a unique utm_campaign under a fresh hypothesis kept in `currency`, both created through the API. */
async function campaign(currency = "RUB") {
  const hypothesis = await h.call("POST", "/api/hypotheses", hypothesisBody({ channel: "vk_ads", currency, targets: { cplMax: 900 } }));
  expect(hypothesis.status).toBe(201);
  const created = await h.call("POST", `/api/hypotheses/${hypothesis.body.id}/campaigns`, { utmSource: "vk", utmCampaign: `spring-${newId().toLowerCase()}` });
  expect(created.status).toBe(201);
  return { id: created.body.id as string, utmCampaign: created.body.utmCampaign as string };
}

const csv = (text: string, opts: { key?: string } = {}) => h.call("POST", "/api/spend", undefined, { raw: text, contentType: "text/csv", ...opts });
const spendOf = async (campaignId: string) => Object.fromEntries((await readDays(h.ctx, campaignId)).map((d) => [d.day, d.spend]));
const stored = async (campaignId: string, query = "") => (await h.call("GET", `/api/spend?campaignId=${campaignId}${query}`)).body.items;

describe("importing spend", () => {
  it("stores a CSV's daily costs and books them on the campaign's day counters", async () => {
    const c = await campaign();
    const res = await csv(`date,utm_source,utm_campaign,cost\n2026-03-01,vk,${c.utmCampaign},1500.50\n2026-03-02,vk,${c.utmCampaign},900\n`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 2, replaced: 0, rejected: [] });
    expect(await spendOf(c.id)).toEqual({ "2026-03-01": 150050, "2026-03-02": 90000 });
    expect(await stored(c.id)).toEqual([
      expect.objectContaining({ campaignId: c.id, date: "2026-03-01", cost: "1500.50", currency: "RUB" }),
      expect.objectContaining({ campaignId: c.id, date: "2026-03-02", cost: "900.00", currency: "RUB" }),
    ]);
  });

  it("reads Excel's semicolon CSV with a BOM, quotes and decimal commas", async () => {
    const c = await campaign();
    const res = await csv(`\uFEFFdate;utm_source;utm_campaign;cost;currency\r\n2026-03-01;"VK";"${c.utmCampaign.toUpperCase()}";"1 234,56";rub\r\n`);
    expect(res.body).toEqual({ imported: 1, replaced: 0, rejected: [] });
    expect(await spendOf(c.id)).toEqual({ "2026-03-01": 123456 });
  });

  it("takes JSON rows with numeric or text costs", async () => {
    const c = await campaign();
    const res = await h.call("POST", "/api/spend", {
      rows: [
        { date: "2026-03-01", utm_source: "vk", utm_campaign: c.utmCampaign, cost: 250.5 },
        { date: "2026-03-02", utm_source: "vk", utm_campaign: c.utmCampaign, cost: "10", currency: "RUB" },
      ],
    });
    expect(res.body).toEqual({ imported: 2, replaced: 0, rejected: [] });
    expect(await spendOf(c.id)).toEqual({ "2026-03-01": 25050, "2026-03-02": 1000 });
  });

  it("sums the rows of one campaign and day in one file (an export split by ad group)", async () => {
    const c = await campaign();
    const res = await csv(`date,utm_source,utm_campaign,cost\n2026-03-01,vk,${c.utmCampaign},100\n2026-03-01,VK,${c.utmCampaign},23.45\n`);
    expect(res.body).toEqual({ imported: 2, replaced: 0, rejected: [] });
    expect(await stored(c.id)).toEqual([expect.objectContaining({ date: "2026-03-01", cost: "123.45" })]);
    expect(await spendOf(c.id)).toEqual({ "2026-03-01": 12345 });
  });
});

describe("re-importing spend", () => {
  it("leaves the totals unchanged when the same file is imported twice, and says it replaced", async () => {
    const c = await campaign();
    const file = `date,utm_source,utm_campaign,cost\n2026-03-01,vk,${c.utmCampaign},100\n2026-03-01,vk,${c.utmCampaign},50\n2026-03-02,vk,${c.utmCampaign},70\n`;
    expect((await csv(file)).body).toEqual({ imported: 3, replaced: 0, rejected: [] });
    expect((await csv(file)).body).toEqual({ imported: 3, replaced: 3, rejected: [] });
    expect(await spendOf(c.id)).toEqual({ "2026-03-01": 15000, "2026-03-02": 7000 });
    expect((await stored(c.id)).map((d: any) => d.cost)).toEqual(["150.00", "70.00"]);
  });

  it("replaces a corrected day instead of adding to it, and leaves the other days alone", async () => {
    const c = await campaign();
    await csv(`date,utm_source,utm_campaign,cost\n2026-03-01,vk,${c.utmCampaign},100\n2026-03-02,vk,${c.utmCampaign},200\n`);
    const res = await h.call("POST", "/api/spend", { rows: [{ date: "2026-03-02", utm_source: "vk", utm_campaign: c.utmCampaign, cost: 80 }] });
    expect(res.body).toEqual({ imported: 1, replaced: 1, rejected: [] });
    expect(await spendOf(c.id)).toEqual({ "2026-03-01": 10000, "2026-03-02": 8000 });
  });

  it("keeps the day counter equal to the stored cost when imports of one day race", async () => {
    const c = await campaign();
    const costs = [100, 250, 375, 410, 520, 640, 777, 815];
    const results = await Promise.all(
      costs.map((cost) => h.call("POST", "/api/spend", { rows: [{ date: "2026-03-05", utm_source: "vk", utm_campaign: c.utmCampaign, cost }] })),
    );

    expect(results.map((r) => r.status)).toEqual(costs.map(() => 200));
    const [day] = await stored(c.id);
    expect(costs.map((cost) => `${cost}.00`)).toContain(day.cost);
    expect(await spendOf(c.id)).toEqual({ "2026-03-05": Number(day.cost) * 100 });
    // Exactly one import found the day empty; every other one replaced a stored cost.
    expect(results.filter((r) => r.body.replaced === 0)).toHaveLength(1);
  });
});

describe("rejecting spend rows", () => {
  it("reports each bad CSV row by its data row number with sentences naming the field, and imports the rest", async () => {
    const c = await campaign();
    const res = await csv(
      [
        "date,utm_source,utm_campaign,cost,currency",
        `2026-03-01,vk,${c.utmCampaign},100,`,
        `2026-02-30,vk,${c.utmCampaign},100,`,
        `2026-03-02,vk,no-such-campaign,100,`,
        `2026-03-03,vk,${c.utmCampaign},-5,`,
        `2026-03-04,vk,${c.utmCampaign},12.345,`,
        `2026-03-05,vk,${c.utmCampaign},100,USD`,
        `2026-03-06,vk,${c.utmCampaign},60,RUB`,
      ].join("\n"),
    );

    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(2);
    expect(res.body.rejected).toEqual([
      { row: 2, errors: ['date "2026-02-30" is not a calendar day written as YYYY-MM-DD.'] },
      { row: 3, errors: [expect.stringMatching(/^utm_source "vk" with utm_campaign "no-such-campaign" matches no campaign/)] },
      { row: 4, errors: ["cost -5 is negative; spend cannot be below zero."] },
      { row: 5, errors: [expect.stringMatching(/^cost "12.345" is not an amount of money/)] },
      { row: 6, errors: [expect.stringMatching(/^currency USD differs from the hypothesis currency RUB/)] },
    ]);
    expect(await spendOf(c.id)).toEqual({ "2026-03-01": 10000, "2026-03-06": 6000 });
  });

  it("numbers rejected JSON rows by their index in rows", async () => {
    const c = await campaign();
    const res = await h.call("POST", "/api/spend", {
      rows: [
        { date: "2026-03-01", utm_source: "vk", utm_campaign: c.utmCampaign, cost: 1 },
        { date: "01.03.2026", utm_source: "vk", cost: 1 },
      ],
    });
    expect(res.body).toEqual({
      imported: 1,
      replaced: 0,
      rejected: [{ row: 1, errors: ['date "01.03.2026" is not a calendar day written as YYYY-MM-DD.', "utm_campaign is missing."] }],
    });
  });

  it("accepts a row's currency when it is the hypothesis currency, also when that is not roubles", async () => {
    const c = await campaign("USD");
    const res = await csv(`date,utm_source,utm_campaign,cost,currency\n2026-03-01,vk,${c.utmCampaign},10,usd\n2026-03-02,vk,${c.utmCampaign},10,RUB\n`);
    expect(res.body.imported).toBe(1);
    expect(res.body.rejected).toEqual([{ row: 2, errors: [expect.stringMatching(/^currency RUB differs from the hypothesis currency USD/)] }]);
    expect(await stored(c.id)).toEqual([expect.objectContaining({ date: "2026-03-01", currency: "USD" })]);
  });

  it("refuses a whole body it cannot read, naming what is wrong", async () => {
    const header = await csv("date,utm_source,cost,clicks\n2026-03-01,vk,1,2\n");
    expect(header.status).toBe(400);
    expect(header.body.issues).toEqual([
      { path: "utm_campaign", message: "column is missing from the header" },
      { path: "clicks", message: "is not a spend column" },
    ]);
    const envelope = await h.call("POST", "/api/spend", { rows: [], source: "vk" });
    expect(envelope.status).toBe(400);
    expect(envelope.body.issues).toEqual([{ path: "source", message: "unknown field" }]);
    const binary = await h.call("POST", "/api/spend", undefined, { raw: "PK\u0003\u0004", contentType: "application/octet-stream" });
    expect(binary.status).toBe(400);
    expect(binary.body.error).toBe("unsupported_format");
  });

  it("asks for a file over 5,000 rows to be split, storing nothing", async () => {
    const c = await campaign();
    const rows = Array.from({ length: 5001 }, () => ({ date: "2026-03-01", utm_source: "vk", utm_campaign: c.utmCampaign, cost: 1 }));
    const res = await h.call("POST", "/api/spend", { rows });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe("too_many_rows");
    expect(await spendOf(c.id)).toEqual({});
  });
});

describe("reading stored spend", () => {
  it("lists a campaign's days within from and to", async () => {
    const c = await campaign();
    await csv(`date,utm_source,utm_campaign,cost\n2026-03-01,vk,${c.utmCampaign},1\n2026-03-02,vk,${c.utmCampaign},2\n2026-03-03,vk,${c.utmCampaign},3\n`);
    expect((await stored(c.id, "&from=2026-03-02&to=2026-03-03")).map((d: any) => d.date)).toEqual(["2026-03-02", "2026-03-03"]);
  });

  it("answers 404 for an unknown campaign and 400 for a bad query", async () => {
    expect((await h.call("GET", "/api/spend?campaignId=01NOPE")).status).toBe(404);
    const bad = await h.call("GET", "/api/spend?from=2026-3-1");
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.path)).toEqual(["campaignId", "from"]);
  });
});

describe("who may touch spend", () => {
  it("lets a marketer import and read, and keeps contractors out", async () => {
    const c = await campaign();
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
    const contractorId = (await h.call("POST", "/api/contractors", { name: "Agency" })).body.id;
    const contractor = (await h.call("POST", "/api/keys", { role: "contractor", contractorId })).body.key;
    const file = `date,utm_source,utm_campaign,cost\n2026-03-01,vk,${c.utmCampaign},1\n`;

    expect((await csv(file, { key: marketer })).status).toBe(200);
    expect((await h.call("GET", `/api/spend?campaignId=${c.id}`, undefined, { key: marketer })).status).toBe(200);
    expect((await csv(file, { key: contractor })).status).toBe(403);
    expect((await h.call("GET", `/api/spend?campaignId=${c.id}`, undefined, { key: contractor })).status).toBe(403);
  });
});
