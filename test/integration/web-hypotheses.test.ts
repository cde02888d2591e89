import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { hypothesisForm } from "../support/decisions.js";
import { OWNER_KEY } from "../support/harness.js";
import { Browser, expectPage, ownerSignedIn, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let owner: Browser;
beforeAll(async () => {
  ({ h, owner } = await ownerSignedIn());
});

const form = (over: Record<string, string> = {}) =>
  hypothesisForm({
    title: `VK ads ${newId()}`,
    statement: "Targeted VK ads bring leads under 900 ₽, 5% of them buy",
    channel: "vk_ads",
    responsible: "Anna Petrova",
    "targets.conversionMin": "5",
    ...over,
  });

/** Creates a hypothesis through the form and returns its id. */
async function createThroughForm(over: Record<string, string> = {}) {
  await owner.get("/hypotheses/new");
  const created = await owner.post("/hypotheses", form(over));
  expect(created.status, created.html).toBe(303);
  return /^\/hypotheses\/([^?]+)\?notice=created$/.exec(created.location!)![1]!;
}

describe("creating a hypothesis", () => {
  it("registers it from the form, with percent targets kept as fractions, and shows it in Probe on the board", async () => {
    const title = `Bags through VK ${newId()}`;

    const id = await createThroughForm({ title });
    const page = await owner.get(`/hypotheses/${id}?notice=created`);
    const board = await owner.get("/");

    expect(textOf(page.html)).toContain("Created.");
    expect(textOf(page.html)).toContain("Cost per lead, at most RUB 900");
    expect(textOf(page.html)).toContain("Conversion to a deal, at least % 5%");
    const api = (await h.call("GET", `/api/hypotheses/${id}`)).body;
    expect(api).toMatchObject({ title, stage: "probe", budget: "150000.00", targets: { cplMax: "900.00", conversionMin: 0.05 } });
    const probeColumn = textOf(board.html).split("Probe")[1]!.split("Analysis")[0]!;
    expect(probeColumn).toContain(title);
    expect(probeColumn).toContain("RUB 0 of RUB 150,000");
    expect(probeColumn).toContain("Gate … too early to judge");
  });

  it("re-renders a refused form with each problem beside its field and what was typed", async () => {
    await owner.get("/hypotheses/new");

    const page = await owner.post("/hypotheses", form({ title: "Kept title", "probe.end": "2026-02-01", "targets.cplMax": "", "targets.conversionMin": "" }));

    expect(page.status).toBe(400);
    expect(page.html).toContain('value="Kept title"');
    expect(page.html).toMatch(/id="f-probe-end"[^>]*aria-invalid="true"/);
    expect(textOf(page.html)).toContain("must not be before start");
    expect(textOf(page.html)).toContain("name at least one target");
  });

  it("takes the confidence in percent, as the hypothesis page shows it, and says a percent field's bounds in percent", async () => {
    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(OWNER_KEY);
    const blank = await ru.get("/hypotheses/new");
    expect(blank.html).toMatch(/name="confidence"[^>]*value="90"/);

    const refused = await ru.post("/hypotheses", form({ confidence: "0,9", "targets.conversionMin": "150" }));
    expect(refused.status).toBe(400);
    const text = textOf(refused.html).replace(/[\u00a0\u202f]/g, " ");
    expect(text).toContain("Уверенность: должно быть больше 50 %");
    expect(text).toContain("Конверсия в сделку, не меньше %: не больше 100 %");
    expect(text).not.toMatch(/больше 0\.5|%: не больше 1(?!\d)/);

    const id = await createThroughForm({ confidence: "95" });
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body.confidence).toBe(0.95);
  });

  it("is for owners and marketers only", async () => {
    const contractor = (await h.call("POST", "/api/contractors", { name: "Agency" })).body;
    const key = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor.id })).body.key;
    const browser = h.browser();
    await browser.signIn(key);

    expect((await browser.post("/hypotheses", form())).status).toBe(403);
    expect((await browser.get(`/hypotheses/${await createThroughForm()}`)).status).toBe(403);
  });
});

describe("the hypothesis page", () => {
  it("adds a campaign with its contractor, and refuses a taken UTM pair at the form with 409", async () => {
    const id = await createThroughForm();
    const agency = (await h.call("POST", "/api/contractors", { name: `Agency ${newId()}` })).body;
    const utmCampaign = `spring_${newId().toLowerCase()}`;
    await owner.get(`/hypotheses/${id}`);

    const added = await owner.post(`/hypotheses/${id}/campaigns`, { utmSource: "vk", utmCampaign, contractorId: agency.id, platformCampaignIds: "123, 456" });
    const page = await owner.get(added.location!);
    const taken = await owner.post(`/hypotheses/${id}/campaigns`, { utmSource: "VK", utmCampaign, contractorId: "" });

    expect(added.status).toBe(303);
    expect(textOf(page.html)).toContain("Campaign added.");
    expect(textOf(page.html)).toContain(`VK ${utmCampaign} ${agency.name} 123, 456`);
    expectPage(taken, 409, "already belongs to another campaign");
    expect((await h.call("GET", `/api/hypotheses/${id}/campaigns`)).body.items).toHaveLength(1);
  });

  it("offers the next stage and closing as buttons; a refused move says why, closing needs a reason", async () => {
    const id = await createThroughForm();
    const page = await owner.get(`/hypotheses/${id}`);
    expect(textOf(page.html)).toContain("Move to Analysis →");

    const refused = await owner.post(`/hypotheses/${id}/transitions`, { to: "analysis", expectedVersion: "1" });
    const noReason = await owner.post(`/hypotheses/${id}/transitions`, { to: "closed", expectedVersion: "1", reason: "", lesson: "Yandex brings wholesale buyers" });
    const closed = await owner.post(`/hypotheses/${id}/transitions`, { to: "closed", expectedVersion: "1", reason: "Budget moved to Yandex", lesson: "Yandex brings wholesale buyers" });
    const after = await owner.get(`/hypotheses/${id}`);
    const board = await owner.get("/");

    expectPage(refused, 409, "No lead has been attributed to this hypothesis yet");
    expectPage(noReason, 409, "Closing a hypothesis needs a reason.");
    expect(closed.status).toBe(303);
    expect(textOf(after.html)).toContain("Closed: Budget moved to Yandex");
    expect(textOf(after.html)).toContain("stage changed: Probe → Closed");
    expect(after.html).not.toContain("Move to");
    expect(textOf(board.html).split("Closed (")[1]).toContain("Budget moved to Yandex");
  });

  it("refuses a move decided on a stale page", async () => {
    const id = await createThroughForm();
    await owner.get(`/hypotheses/${id}`);
    await owner.post(`/hypotheses/${id}/rules`, { responsible: "Oleg", leadHandling: "Call within 15 minutes", checklist: "Call" });

    const stale = await owner.post(`/hypotheses/${id}/transitions`, { to: "closed", expectedVersion: "1", reason: "Seen on an old page", lesson: "Reload first" });

    expectPage(stale, 409, "reload it and decide again");
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body.stage).toBe("probe");
  });

  it("saves the written rules as versions, shows the earlier ones and fills the form with the current", async () => {
    const id = await createThroughForm();
    await owner.get(`/hypotheses/${id}`);

    const first = await owner.post(`/hypotheses/${id}/rules`, { responsible: "Oleg", leadHandling: "Call within 15 minutes", checklist: "Call\r\nSend the price list\n\n" });
    const second = await owner.post(`/hypotheses/${id}/rules`, { responsible: "Irina", leadHandling: "Call within 10 minutes", checklist: "Call\nSend the price list\nAsk for the INN" });
    const page = await owner.get(`/hypotheses/${id}`);
    const text = textOf(page.html);

    expect([first.status, second.status]).toEqual([303, 303]);
    expect(text).toMatch(/Version 2, .* by owner/);
    expect(text).toContain("☐ Ask for the INN");
    expect(text).toContain("Earlier versions Version 1");
    expect(text).toContain("rules written (version 2)");
    expect(page.html).toContain('value="Irina"');
    const api = (await h.call("GET", `/api/hypotheses/${id}/rules`)).body;
    expect(api.versions.map((r: any) => r.checklist)).toEqual([["Call", "Send the price list"], ["Call", "Send the price list", "Ask for the INN"]]);
  });

  it("shows a refused rules form with the field's problem", async () => {
    const id = await createThroughForm();
    await owner.get(`/hypotheses/${id}`);

    const page = await owner.post(`/hypotheses/${id}/rules`, { responsible: "", leadHandling: "Call", checklist: "" });

    expect(page.status).toBe(400);
    expect(page.html).toMatch(/id="f-responsible"[^>]*aria-invalid="true"/);
    expect(page.html).toMatch(/id="f-checklist"[^>]*aria-invalid="true"/);
  });

  it("answers a hypothesis that does not exist with a 404 page", async () => {
    const page = await owner.get(`/hypotheses/${newId()}`);
    expectPage(page, 404, "Not found");
  });
});
