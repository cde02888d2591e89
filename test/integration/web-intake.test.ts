import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { createCampaign, createSource, fixtureWith, postHook, token } from "../support/intake.js";
import { Browser, expectPage, ownerSignedIn, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let owner: Browser;
beforeAll(async () => {
  ({ h, owner } = await ownerSignedIn());
});

const postLead = (key: string, lead: Record<string, unknown>) => postHook(h, key, { contentType: "application/json", text: JSON.stringify(lead) });

describe("sources", () => {
  it("creates a source and shows its webhook URL and a curl example that delivers a lead", async () => {
    const name = `Landing ${newId()}`;
    await owner.get("/sources");

    const created = await owner.post("/sources", { name, format: "json" });
    const page = await owner.get(created.location!.split("#")[0]!);

    expect(created.status).toBe(303);
    const source = (await h.call("GET", "/api/sources")).body.items.find((s: any) => s.name === name);
    expect(page.html).toContain(`<code id="url-${source.id}" translate="no">http://localhost/hooks/${source.key}</code>`);
    expect(textOf(page.html)).toContain(`curl -X POST 'http://localhost/hooks/${source.key}'`);
    expect(page.html).toContain(`data-copy="curl-${source.id}"`);
    const example = JSON.parse(/-d '(\{.*?\})'/.exec(textOf(page.html))![1]!);
    expect((await postLead(source.key, { ...example, externalId: token() })).status).toBe(200);
  });

  it("refuses a source without a name at the form", async () => {
    await owner.get("/sources");
    const page = await owner.post("/sources", { name: " ", format: "json" });
    expect(page.status).toBe(400);
    expect(page.html).toMatch(/id="f-name"[^>]*aria-invalid="true"/);
  });
});

describe("leads", () => {
  it("filters by campaign, stage and unattributed, a page at a time, and shows a lead with its stage history", async () => {
    const source = await createSource(h, "json");
    const { hypothesisId, campaignId, utm } = await createCampaign(h, "vk", token());
    const first = (await postLead(source.key, { externalId: token(), name: "Анна Первая", phone: "+79160000001", ...utm })).body.leads[0] as { id: string };
    await postLead(source.key, { externalId: token(), name: "Борис Второй", phone: "+79160000002", ...utm });
    await postLead(source.key, { externalId: token(), name: "Вера Без кампании", phone: "+79160000003", utm_source: "nowhere", utm_campaign: token() });
    await h.call("PATCH", `/api/leads/${first.id}`, { stage: "qualified" });

    const byCampaign = textOf((await owner.get(`/leads?campaignId=${campaignId}`)).html);
    const qualified = textOf((await owner.get(`/leads?hypothesisId=${hypothesisId}&stage=qualified`)).html);
    const unattributed = textOf((await owner.get("/leads?unattributed=true")).html);
    const firstPage = await owner.get(`/leads?campaignId=${campaignId}&limit=1`);
    const nextHref = /href="([^"]+)" rel="next"/.exec(firstPage.html)![1]!.replace(/&amp;/g, "&");
    const secondPage = await owner.get(nextHref);
    const detail = textOf((await owner.get(`/leads/${first.id}`)).html);

    expect(byCampaign).toContain("Анна Первая");
    expect(byCampaign).toContain("Борис Второй");
    expect(byCampaign).not.toContain("Вера Без кампании");
    expect(qualified).toContain("Анна Первая");
    expect(qualified).not.toContain("Борис Второй");
    expect(unattributed).toContain("Вера Без кампании");
    expect(unattributed).not.toContain("Анна Первая");
    expect(textOf(firstPage.html)).toContain("Борис Второй");
    expect(nextHref).toContain("limit=1");
    expect(textOf(secondPage.html)).toContain("Анна Первая");
    expect(detail).toContain("+79160000001");
    expect(detail).toContain("New → Qualified");
  });

  it("says what is wrong with a filter that cannot be", async () => {
    const page = await owner.get(`/leads?unattributed=true&hypothesisId=${newId()}`);
    expectPage(page, 400, "unattributed leads have no hypothesis or campaign");
  });
});

describe("quarantine", () => {
  it("lists a refused call with its error, and Replay takes it through once the source's format is corrected", async () => {
    const source = await createSource(h, "amocrm"); // a Tilda site registered with the wrong format
    await postHook(h, source.key, fixtureWith("tilda-form.txt", { "3148702741": token() }));
    const raw = (await h.call("GET", "/api/quarantine?limit=200")).body.items.find((q: any) => q.sourceId === source.id);

    const listed = await owner.get("/quarantine");
    const stillRefused = await owner.post(`/quarantine/${raw.id}/replay`, {});
    await h.call("PATCH", `/api/sources/${source.id}`, { format: "tilda" });
    const replayed = await owner.post(`/quarantine/${raw.id}/replay`, {});
    const after = await owner.get(replayed.location!);

    // The parser's refusal in the page's words, naming the events it looked for as the sender must send them.
    expect(textOf(listed.html)).toContain("The body holds no lead: it has none of the fields leads[add] , leads[status] , leads[update] , contacts[add|update]");
    expect(listed.html).toContain(`action="/quarantine/${raw.id}/replay"`);
    expectPage(stillRefused, 422, "still refused");
    expect(replayed.status).toBe(303);
    expect(textOf(after.html)).toContain("Replayed: the call went through.");
    expect(after.html).not.toContain(`action="/quarantine/${raw.id}/replay"`);
  });
});

describe("spend", () => {
  it("imports an uploaded file and shows what was imported, replaced and rejected; the board shows the spend", async () => {
    const { hypothesisId, utm } = await createCampaign(h, "vk", token());
    const csv = `date,utm_source,utm_campaign,cost\n2026-03-01,vk,${utm.utm_campaign},1500.50\n2026-03-01,vk,no-such-campaign,10\n`;
    const upload = () => {
      const body = new FormData();
      body.set("file", new File([csv], "spend.csv", { type: "text/csv" }));
      body.set("text", "");
      return body;
    };
    await owner.get("/spend");

    const first = textOf((await owner.post("/spend", upload())).html);
    const again = textOf((await owner.post("/spend", upload())).html);
    const board = textOf((await owner.get("/")).html);

    expect(first).toContain("Imported: 1 rows");
    expect(first).toContain("Replaced an earlier figure: 0");
    expect(first).toContain("Rejected: 1");
    expect(first).toMatch(/2 .*no-such-campaign/);
    expect(again).toContain("Replaced an earlier figure: 1");
    const title = (await h.call("GET", `/api/hypotheses/${hypothesisId}`)).body.title;
    expect(board.split(title)[1]).toMatch(/^ Channel Yandex Direct Spend RUB 1,501 of RUB 100,000 /);
  });

  it("reads pasted text, and asks for content when there is none", async () => {
    const { utm } = await createCampaign(h, "vk", token());
    await owner.get("/spend");

    const pasted = await owner.post("/spend", { text: `date;utm_source;utm_campaign;cost\n2026-03-01;vk;${utm.utm_campaign};99,90`, format: "", moneyInMicros: "" });
    const empty = await owner.post("/spend", { text: "  " });

    expectPage(pasted, 200, "Imported: 1 rows");
    expectPage(empty, 400, "Choose a file or paste the content.");
  });
});

describe("contractors", () => {
  it("adds a contractor and lists its campaigns with their hypotheses", async () => {
    const name = `Север ${newId()}`;
    await owner.get("/contractors");

    const created = await owner.post("/contractors", { name });
    const contractor = (await h.call("GET", "/api/contractors")).body.items.find((c: any) => c.name === name);
    const { hypothesisId } = await createCampaign(h, "yandex", token());
    await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, { utmSource: "yandex", utmCampaign: `north_${token()}`, contractorId: contractor.id });
    const page = textOf((await owner.get("/contractors")).html);

    expect(created.status).toBe(303);
    expect(page.split(name)[1]).toMatch(/^ utm_source utm_campaign Hypothesis Yandex north_/);
  });
});
