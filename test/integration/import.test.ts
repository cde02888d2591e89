import { beforeAll, describe, expect, it } from "vitest";
import { readAllCounters } from "../../packages/core/src/counters/cohort-counters.js";
import { createHarness, type Harness } from "../support/harness.js";
import { countersOn, createCampaign, createSource, postHook, token } from "../support/intake.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});

/** Three months of a campaign's CRM history: a fresh lead, a won deal, a lost one, and one without a CRM id. */
function history(utm: { utm_source: string; utm_campaign: string }) {
  return [
    { externalId: token(), name: "Анна", phone: "8 916 111-22-33", createdAt: "2025-12-05T10:00:00+03:00", ...utm },
    {
      externalId: token(),
      name: "Борис",
      url: `https://shop.ru/?utm_source=${utm.utm_source}&utm_campaign=${utm.utm_campaign}`,
      createdAt: "2025-12-31T22:30:00Z", // already January 1 in Moscow
      stage: "won",
      amount: "45000.50",
      closedAt: "2026-01-20T12:00:00+03:00",
    },
    { externalId: token(), email: "v@example.ru", createdAt: "2026-02-10T09:00:00+03:00", stage: "lost", lostReason: "дорого", ...utm },
    { name: "Без CRM id", phone: "+7 903 000 00 00", createdAt: "2026-02-11T09:00:00+03:00", stage: "qualified", ...utm },
  ];
}

describe("historical import", () => {
  it("loads past leads with their outcomes, each counted on its own cohort day", async () => {
    const { campaignId, utm } = await createCampaign(h, "yandex", token());
    const res = await h.call("POST", "/api/leads/import", { leads: history(utm) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 4, duplicates: 0, rejected: [], failed: 0 });

    expect(await countersOn(h, campaignId, "2025-12-05")).toMatchObject({ leads: 1, contacted: 0, won: 0 });
    expect(await countersOn(h, campaignId, "2026-01-01")).toMatchObject({ leads: 1, contacted: 1, qualified: 1, proposal: 1, won: 1, revenue: 4_500_050 });
    expect(await countersOn(h, campaignId, "2026-02-10")).toMatchObject({ leads: 1, lost: 1, contacted: 0 });
    expect(await countersOn(h, campaignId, "2026-02-11")).toMatchObject({ leads: 1, contacted: 1, qualified: 1, proposal: 0 });
    expect((await readAllCounters(h.ctx, campaignId)).wins).toEqual([{ campaignId, cohortDay: "2026-01-01", winDay: "2026-01-20", won: 1, revenue: 4_500_050 }]);

    const listed = (await h.call("GET", `/api/leads?campaignId=${campaignId}`)).body.items;
    expect(listed.map((l: any) => l.createdAt)).toEqual([
      "2026-02-11T06:00:00.000Z",
      "2026-02-10T06:00:00.000Z",
      "2025-12-31T22:30:00.000Z",
      "2025-12-05T07:00:00.000Z",
    ]);
    const won = listed[2];
    expect(won).toMatchObject({ sourceId: "import", stage: "won", amount: "45000.50", cohortDay: "2026-01-01", campaignId });
    expect(listed[1]).toMatchObject({ stage: "lost", lostReason: "дорого", furthestStage: "new" });
    expect(listed[3].contact.phone).toBe("+79161112233");
    const wonHistory = (await h.call("GET", `/api/leads/${won.id}/history`)).body.items;
    expect(wonHistory).toEqual([expect.objectContaining({ at: "2026-01-20T09:00:00.000Z", from: "new", to: "won", amount: "45000.50" })]);
  });

  it("never imports or counts a lead twice, also when the same import is sent twice at once", async () => {
    const { campaignId, utm } = await createCampaign(h, "yandex", token());
    const leads = history(utm);
    const [a, b] = await Promise.all([h.call("POST", "/api/leads/import", { leads }), h.call("POST", "/api/leads/import", { leads })]);
    expect(a.body.imported + b.body.imported).toBe(4);
    expect(a.body.duplicates + b.body.duplicates).toBe(4);

    const again = await h.call("POST", "/api/leads/import", { leads });
    expect(again.body).toMatchObject({ imported: 0, duplicates: 4, rejected: [], failed: 0 });
    expect(await countersOn(h, campaignId, "2026-01-01")).toMatchObject({ leads: 1, won: 1, revenue: 4_500_050 });
    expect((await h.call("GET", `/api/leads?campaignId=${campaignId}`)).body.items).toHaveLength(4);
  });

  it("recognises leads the webhook already captured when imported under the same source", async () => {
    const amo = await createSource(h, "amocrm");
    const crmId = String(Date.now());
    const body = `leads%5Badd%5D%5B0%5D%5Bid%5D=${crmId}&leads%5Badd%5D%5B0%5D%5Bstatus_id%5D=55512345&account%5Bsubdomain%5D=shop`;
    const captured = await postHook(h, amo.key, { contentType: "application/x-www-form-urlencoded", text: body });
    expect(captured.status).toBe(200);

    const res = await h.call("POST", "/api/leads/import", {
      sourceId: amo.id,
      leads: [{ externalId: crmId, createdAt: "2026-02-01T10:00:00Z" }, { externalId: `${crmId}-other`, createdAt: "2026-02-01T11:00:00Z" }],
    });
    expect(res.body).toMatchObject({ imported: 1, duplicates: 1, rejected: [], failed: 0 });
  });

  it("names the source on an imported lead's touch, as a webhook's lead does", async () => {
    const amo = await createSource(h, "amocrm");
    const res = await h.call("POST", "/api/leads/import", { sourceId: amo.id, leads: [{ externalId: token(), createdAt: "2026-02-01T10:00:00Z" }] });
    expect(res.body).toMatchObject({ imported: 1 });
    const lead = (await h.call("GET", `/api/leads/${res.body.rows[0].leadId}`)).body;
    expect(lead.touches).toEqual([expect.objectContaining({ sourceId: amo.id, sourceName: amo.name })]);
  });

  it("rejects bad leads one by one, naming their fields, and imports the rest", async () => {
    const good = { externalId: token(), name: "Годный", createdAt: "2026-01-10T10:00:00Z" };
    const res = await h.call("POST", "/api/leads/import", {
      leads: [
        { ...good, manager: "Иван", source: "crm" },
        { externalId: token(), name: "Нет даты" },
        { externalId: token(), name: "Выиграна", createdAt: "2026-01-10T10:00:00Z", stage: "won" },
        { externalId: token(), name: "Потеряна", createdAt: "2026-01-10T10:00:00Z", stage: "lost" },
        { externalId: token(), name: "Сумма", createdAt: "2026-01-10T10:00:00Z", amount: 100 },
        { externalId: token(), name: "Закрыта раньше", createdAt: "2026-01-10T10:00:00Z", stage: "lost", lostReason: "x", closedAt: "2026-01-09T10:00:00Z" },
        { externalId: token(), name: "Будущее", createdAt: "2026-04-01T10:00:00Z" },
        { externalId: token(), name: "Без зоны", createdAt: "2026-01-10T10:00:00" },
        "not a lead",
        { createdAt: "2026-01-10T10:00:00Z", utm_source: "yandex" },
        good,
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(1);
    const paths = Object.fromEntries(res.body.rejected.map((r: any) => [r.index, r.issues.map((i: any) => i.path).sort()]));
    expect(paths).toEqual({
      0: ["manager", "source"],
      1: ["createdAt"],
      2: ["amount"],
      3: ["lostReason"],
      4: ["amount"],
      5: ["closedAt"],
      6: ["createdAt"],
      7: ["createdAt"],
      8: ["(lead)"],
      9: ["(body)"],
    });
  });

  it("refuses more than 1,000 leads, unknown top-level fields and an unknown source", async () => {
    const lead = { name: "x", createdAt: "2026-01-10T10:00:00Z" };
    const tooMany = await h.call("POST", "/api/leads/import", { leads: Array.from({ length: 1001 }, () => lead) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.issues).toEqual([expect.objectContaining({ path: "leads" })]);
    const unknown = await h.call("POST", "/api/leads/import", { leads: [lead], dryRun: true });
    expect(unknown.body.issues).toEqual([{ path: "dryRun", message: "unknown field" }]);
    expect((await h.call("POST", "/api/leads/import", { sourceId: "01NOSUCHSOURCE", leads: [lead] })).status).toBe(404);
  });

  it("takes 1,000 leads in one call", { timeout: 120_000 }, async () => {
    const { campaignId, utm } = await createCampaign(h, "vk", token());
    const leads = Array.from({ length: 1000 }, (_, i) => ({
      externalId: `bulk-${campaignId}-${i}`,
      phone: `8916${String(1000000 + i).slice(1)}`,
      createdAt: new Date(Date.parse("2026-01-01T09:00:00Z") + (i % 30) * 86_400_000).toISOString(),
      ...utm,
    }));
    const res = await h.call("POST", "/api/leads/import", { leads });
    expect(res.body).toMatchObject({ imported: 1000, duplicates: 0, rejected: [], failed: 0 });
    const days = await Promise.all(Array.from({ length: 30 }, (_, d) => countersOn(h, campaignId, `2026-01-${String(d + 1).padStart(2, "0")}`)));
    expect(days.reduce((sum, day) => sum + day.leads, 0)).toBe(1000);
  });
});
