import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { countersOn, createCampaign, createSource, postHook, token } from "../support/intake.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});

const DAY = "2026-03-02";
const form = (fields: Record<string, string>) => ({
  contentType: "application/x-www-form-urlencoded",
  text: new URLSearchParams(fields).toString(),
});
const json = (value: unknown) => ({ contentType: "application/json", text: JSON.stringify(value) });

/** The source's quarantined calls, newest first. */
async function quarantinedOf(sourceId: string) {
  return ((await h.call("GET", "/api/quarantine?limit=200")).body.items as any[]).filter((q) => q.sourceId === sourceId);
}

async function leadsOf(sourceId: string) {
  return ((await h.call("GET", "/api/leads?limit=200")).body.items as any[]).filter((l) => l.sourceId === sourceId);
}

/** The call was refused naming `paths`, waits in quarantine with that error, and left no lead behind. */
async function expectRefused(res: { status: number; body: any }, sourceId: string, paths: string[]) {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.error).toBe("invalid_input");
  expect(res.body.issues.map((issue: { path: string }) => issue.path)).toEqual(paths);
  const [item] = await quarantinedOf(sourceId);
  expect(item?.error).toMatchObject({ error: "invalid_input", issues: res.body.issues });
  expect(await leadsOf(sourceId)).toEqual([]);
}

describe("ids too long for a key", () => {
  it("quarantines a Tilda form whose tranid is too long, naming tranid, and captures nothing", async () => {
    const { campaignId, utm } = await createCampaign(h, "yandex", token());
    const tilda = await createSource(h, "tilda");
    const res = await postHook(h, tilda.key, form({ Name: "Анна", Phone: "+79161234567", tranid: "9".repeat(3000), ...utm }));
    await expectRefused(res, tilda.id, ["tranid"]);
    expect(res.body.issues[0].message).toContain("at most 200 bytes");
    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 0 });
  });

  it("quarantines a json lead whose externalId is too long in UTF-8, though short in characters", async () => {
    const source = await createSource(h, "json");
    // 700 letters of 4 bytes each: 2,800 bytes, over DynamoDB's 2,048-byte partition key.
    const res = await postHook(h, source.key, json({ externalId: "𝔞".repeat(700), name: "Пётр", phone: "+79165550011" }));
    await expectRefused(res, source.id, ["externalId"]);
  });

  it("quarantines a lead whose utm_campaign is too long once percent-encoded for the campaign key", async () => {
    const { campaignId } = await createCampaign(h, "vk", token());
    const source = await createSource(h, "json");
    // 400 Cyrillic letters are 400 characters but 2,400 bytes percent-encoded.
    const res = await postHook(h, source.key, json({ name: "Олег", phone: "+79165550012", utm_source: "vk", utm_campaign: "ы".repeat(400) }));
    await expectRefused(res, source.id, ["utm_campaign"]);
    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 0 });
  });

  it("quarantines a call with a too long Idempotency-Key, naming the header", async () => {
    const source = await createSource(h, "json");
    const res = await postHook(h, source.key, json({ name: "Вера", phone: "+79165550013" }), { "Idempotency-Key": "k".repeat(5000) });
    await expectRefused(res, source.id, ["Idempotency-Key"]);
  });

  it("quarantines an amoCRM call naming each id too long for a key: deal, pipeline, status, loss reason, contact", async () => {
    const amo = await createSource(h, "amocrm");
    const long = "7".repeat(2100);
    const res = await postHook(
      h,
      amo.key,
      form({
        "leads[add][0][id]": long,
        "leads[add][1][id]": token(),
        "leads[add][1][pipeline_id]": long,
        "leads[status][0][id]": token(),
        "leads[status][0][status_id]": "143",
        "leads[status][0][loss_reason_id]": long,
        "contacts[add][0][id]": long,
        "contacts[add][0][name]": "Анна",
      }),
    );
    await expectRefused(res, amo.id, ["leads.add.0.id", "leads.add.1.pipeline_id", "leads.status.0.loss_reason_id", "contacts.add.0.id"]);
  });

  it("does not lose a deal to a too long loss_reason_id: the move is refused and the lead stays where it was", async () => {
    const campaign = token();
    const { campaignId } = await createCampaign(h, "google", campaign);
    const amo = await createSource(h, "amocrm");
    const dealId = String(Date.now());
    const deal = { "leads[add][0][id]": dealId, "leads[add][0][custom_fields][0][name]": "utm_source", "leads[add][0][custom_fields][0][values][0][value]": "google" };
    const added = await postHook(h, amo.key, form({ ...deal, "leads[add][0][custom_fields][1][name]": "utm_campaign", "leads[add][0][custom_fields][1][values][0][value]": campaign }));
    expect(added.status).toBe(200);
    const leadId = added.body.leads[0].id;

    const lost = await postHook(h, amo.key, form({ "leads[status][0][id]": dealId, "leads[status][0][status_id]": "143", "leads[status][0][loss_reason_id]": "5".repeat(300) }));
    expect(lost.status).toBe(422);
    expect(lost.body.issues.map((i: any) => i.path)).toEqual(["leads.status.0.loss_reason_id"]);
    expect((await quarantinedOf(amo.id))[0].error.issues).toEqual(lost.body.issues);
    expect((await h.call("GET", `/api/leads/${leadId}`)).body.stage).toBe("new");
    expect(await countersOn(h, campaignId, DAY)).toMatchObject({ leads: 1, lost: 0 });
  });
});

describe("leads per call", { timeout: 120_000 }, () => {
  it("refuses an amoCRM call with more than 250 leads before capturing any, and quarantines it; 250 go through", async () => {
    const amo = await createSource(h, "amocrm");
    const fields: Record<string, string> = {};
    for (let i = 0; i < 251; i++) fields[`leads[add][${i}][id]`] = `${i + 1}${Date.now()}`;
    const res = await postHook(h, amo.key, form(fields));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: "too_many_leads", limit: 250, count: 251 });
    expect(res.body.message).toContain("at most 250");
    const [item] = await quarantinedOf(amo.id);
    expect(item.error).toMatchObject({ error: "too_many_leads", limit: 250, count: 251 });
    expect(await leadsOf(amo.id)).toEqual([]);

    delete fields["leads[add][250][id]"];
    const atCap = await postHook(h, amo.key, form(fields));
    expect(atCap.status).toBe(200);
    expect(atCap.body.leads.filter((l: any) => !l.duplicate)).toHaveLength(250);
    expect(await leadsOf(amo.id)).toHaveLength(200); // one page of the listing
  });
});

describe("API parameters too long for a key", () => {
  const long = "0".repeat(3000);

  it("answers 400 naming the path parameter, on every kind of route, instead of 500", async () => {
    const calls: Array<[string, string, unknown?]> = [
      ["GET", `/api/leads/${long}`],
      ["PATCH", `/api/leads/${long}`, { stage: "contacted" }],
      ["PUT", `/api/leads/${long}/tags`, { city: "Тула" }],
      ["GET", `/api/hypotheses/${long}`],
      ["GET", `/api/hypotheses/${long}/kpis`],
      ["POST", `/api/hypotheses/${long}/campaigns`, { utmSource: "vk", utmCampaign: token() }],
      ["PATCH", `/api/campaigns/${long}`, { paid: false }],
      ["GET", `/api/sources/${long}`],
      ["PUT", `/api/sources/${long}/required-tags`, { fromStage: "contacted", tags: ["city"] }],
      ["GET", `/api/contractors/${long}`],
      ["GET", `/api/reconciliations/${long}`],
      ["POST", `/api/quarantine/${long}/replay`],
    ];
    for (const [method, path, body] of calls) {
      const res = await h.call(method, path, body);
      expect(res.status, `${method} ${path.slice(0, 40)}: ${res.text.slice(0, 200)}`).toBe(400);
      expect(res.body.issues.map((issue: { path: string }) => issue.path)).toEqual(["id"]);
    }
    const hook = await postHook(h, long, json({ name: "Анна" }));
    expect(hook.status).toBe(400);
    expect(hook.body.issues.map((issue: { path: string }) => issue.path)).toEqual(["key"]);
  });

  it("answers 400 naming a query or body id too long for a key", async () => {
    const calls: Array<[string, string, string, unknown?]> = [
      ["GET", `/api/leads?campaignId=${long}`, "campaignId"],
      ["GET", `/api/leads?hypothesisId=${long}`, "hypothesisId"],
      ["GET", `/api/spend?campaignId=${long}`, "campaignId"],
      ["GET", `/api/quality?hypothesisId=${long}`, "hypothesisId"],
      ["GET", `/api/reports?contractorId=${long}`, "contractorId"],
      ["GET", `/api/hypotheses/compare?ids=${long}`, "ids.0"],
    ];
    for (const [method, path, field] of calls) {
      const res = await h.call(method, path);
      expect(res.status, `${path.slice(0, 40)}: ${res.text.slice(0, 200)}`).toBe(400);
      expect(res.body.issues.map((issue: { path: string }) => issue.path)).toEqual([field]);
    }
    const { hypothesisId } = await createCampaign(h, "vk", token());
    const campaign = await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, { utmSource: "vk", utmCampaign: "ы".repeat(400) });
    expect(campaign.status).toBe(400);
    expect(campaign.body.issues.map((issue: { path: string }) => issue.path)).toEqual(["utmCampaign"]);
  });

  it("reports a spend row whose utm_campaign is too long for a campaign key as matching no campaign, beside the rows stored", async () => {
    const { utm } = await createCampaign(h, "vk", token());
    const res = await h.call("POST", "/api/spend", {
      rows: [
        { date: DAY, ...utm, cost: 100 },
        { date: DAY, utm_source: "vk", utm_campaign: "ы".repeat(400), cost: 50 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(1);
    expect(res.body.rejected).toEqual([{ row: 1, errors: [expect.stringContaining("matches no campaign")] }]);
  });
});
