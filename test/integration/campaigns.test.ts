import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { createHarness, type Harness } from "../support/harness.js";
import { hypothesisBody } from "../support/decisions.js";

let h: Harness;
let contractorId: string;
let contractorKey: string;
beforeAll(async () => {
  h = await createHarness();
  contractorId = (await h.call("POST", "/api/contractors", { name: "Direct Agency" })).body.id;
  contractorKey = (await h.call("POST", "/api/keys", { role: "contractor", contractorId })).body.key;
});

async function newHypothesis(): Promise<string> {
  const res = await h.call("POST", "/api/hypotheses", hypothesisBody({ targets: { cplMax: 1500 } }));
  return res.body.id;
}
/** A UTM campaign name no other test uses. */
const utmCampaign = () => `spring_${newId().toLowerCase()}`;

describe("linking campaigns to a hypothesis", () => {
  it("creates a campaign under the hypothesis and shows it everywhere", async () => {
    const hypothesisId = await newHypothesis();
    const utm = utmCampaign();

    const created = await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, { utmSource: "yandex", utmCampaign: utm, contractorId });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), hypothesisId, contractorId, utmSource: "yandex", utmCampaign: utm });
    const underHypothesis = await h.call("GET", `/api/hypotheses/${hypothesisId}/campaigns`);
    expect(underHypothesis.body.items).toEqual([created.body]);
    const all = await h.call("GET", "/api/campaigns");
    expect(all.body.items.map((c: any) => c.id)).toContain(created.body.id);
    const one = await h.call("GET", `/api/campaigns/${created.body.id}`);
    expect(one.body).toEqual(created.body);
  });

  it("takes a campaign without a contractor", async () => {
    const hypothesisId = await newHypothesis();
    const res = await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, { utmSource: "cold_calls", utmCampaign: utmCampaign() });
    expect(res.status).toBe(201);
    expect(res.body.contractorId).toBeNull();
  });

  it("gives a (source, campaign) pair to one campaign only, whatever its case, across hypotheses", async () => {
    const [first, second] = [await newHypothesis(), await newHypothesis()];
    const utm = utmCampaign();
    expect((await h.call("POST", `/api/hypotheses/${first}/campaigns`, { utmSource: "VK", utmCampaign: utm })).status).toBe(201);

    const again = await h.call("POST", `/api/hypotheses/${second}/campaigns`, { utmSource: " vk ", utmCampaign: utm.toUpperCase() });

    expect(again.status).toBe(409);
    expect(again.body.error).toBe("utm_taken");
    expect((await h.call("GET", `/api/hypotheses/${second}/campaigns`)).body.items).toEqual([]);
  });

  it("refuses a campaign for a closed hypothesis", async () => {
    const hypothesisId = await newHypothesis();
    await h.call("POST", `/api/hypotheses/${hypothesisId}/transitions`, { to: "closed", reason: "budget cut", lesson: "Budget first" });

    const res = await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, { utmSource: "vk", utmCampaign: utmCampaign() });

    expect(res.status).toBe(409);
    expect(res.body.error).toBe("hypothesis_closed");
  });

  it("answers 404 for an unknown hypothesis or contractor", async () => {
    const noHypothesis = await h.call("POST", "/api/hypotheses/01NOSUCH/campaigns", { utmSource: "vk", utmCampaign: utmCampaign() });
    expect(noHypothesis.status).toBe(404);
    expect((await h.call("GET", "/api/hypotheses/01NOSUCH/campaigns")).status).toBe(404);
    const hypothesisId = await newHypothesis();
    const noContractor = await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, {
      utmSource: "vk",
      utmCampaign: utmCampaign(),
      contractorId: "01NOSUCHCONTRACTOR",
    });
    expect(noContractor.status).toBe(404);
    expect((await h.call("GET", "/api/campaigns/01NOSUCH")).status).toBe(404);
  });

  it("names missing and unknown fields", async () => {
    const hypothesisId = await newHypothesis();
    const res = await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, { utmSource: "", hypothesisId: "other" });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: any) => i.path).sort()).toEqual(["hypothesisId", "utmCampaign", "utmSource"]);
  });

  it("lets a contractor list its campaigns but not create them or read the hypothesis' list", async () => {
    const hypothesisId = await newHypothesis();
    const refused = await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, { utmSource: "vk", utmCampaign: utmCampaign() }, { key: contractorKey });
    expect(refused.status).toBe(403);
    expect((await h.call("GET", "/api/campaigns", undefined, { key: contractorKey })).status).toBe(200);
    expect((await h.call("GET", `/api/hypotheses/${hypothesisId}/campaigns`, undefined, { key: contractorKey })).status).toBe(403);
  });
});
