import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCohorts, importSpend, newCampaign, newHypothesis, toOptimization } from "../../support/decisions.js";
import { launchChromium, mainText, openTab, startServer, type BrowserServer, type Tab } from "../../support/browser.js";
import { token } from "../../support/intake.js";

// What a contractor and a marketer may and may not do in Chromium. Today is 20 April 2026; the
// data is made through the API, the looking and refusing happens in the browser.
let server: BrowserServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ now: "2026-04-20T09:00:00Z" }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newKey(role: "marketer" | "contractor", contractorId?: string): Promise<string> {
  const res = await server.call("POST", "/api/keys", { role, ...(contractorId ? { contractorId } : {}) });
  expect(res.status, res.text).toBe(201);
  return res.body.key;
}

async function newContractor(name: string): Promise<string> {
  const res = await server.call("POST", "/api/contractors", { name });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

/** A hypothesis in optimization whose gate passes: 40 mature leads, 6 won, 1,000 ₽ a lead. */
async function provenHypothesis() {
  const id = await newHypothesis(server, { conversionMin: 0.05, cplMax: "1500" });
  const campaign = await newCampaign(server, id);
  await importCohorts(server, campaign.utm, [{ day: "2026-03-02", leads: 40, won: 6, wonAfter: 9, qualified: 10 }]);
  await importSpend(server, campaign.utm, { "2026-03-02": 40_000 });
  await toOptimization(server, id);
  return id;
}

/** Opens `path` expecting the page to refuse with `status` and say `message`. */
async function expectRefusedPage(tab: Tab, path: string, status: number, message: string) {
  await tab.expectStatus(status, () => tab.page.goto(path));
  expect(await mainText(tab.page), path).toContain(message);
}

describe("the contractor in the browser", () => {
  it("sees only its own campaigns, and neither another contractor's page nor the team's pages", async () => {
    const [own, other] = await Promise.all([newContractor(`North Ads ${token()}`), newContractor(`South Ads ${token()}`)]);
    const ownHypothesis = await newHypothesis(server, { cplMax: "1500" });
    const ownCampaign = await newCampaign(server, ownHypothesis, own);
    await importCohorts(server, ownCampaign.utm, [{ day: "2026-04-01", leads: 7, won: 1 }]);
    await importSpend(server, ownCampaign.utm, { "2026-04-01": 10_500.5 });
    const otherCampaign = await newCampaign(server, await newHypothesis(server, { cplMax: "1500" }), other);
    const tab = await openTab(browser, server.url);
    const { page } = tab;

    await tab.signIn(await newKey("contractor", own));

    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("My campaigns");
    const menu = await page.getByRole("navigation").getByRole("link").allInnerTexts();
    expect(menu).toContain("My campaigns");
    for (const teamPage of ["Board", "Leads", "Quarantine", "Spend", "Sources", "Contractors"]) expect(menu).not.toContain(teamPage);
    const campaigns = await mainText(page);
    expect(campaigns).toContain(`yandex ${ownCampaign.utm.utm_campaign} 7 RUB 10,500.50`);
    expect(campaigns).not.toContain(otherCampaign.utm.utm_campaign);
    await tab.screenshot("contractor-report");

    await expectRefusedPage(tab, `/contractors/${other}`, 404, "Not found");
    for (const path of ["/contractors", `/hypotheses/${ownHypothesis}`, "/leads", "/spend", "/sources", "/quarantine", "/hypotheses/new"]) {
      await expectRefusedPage(tab, path, 403, "Your role may not open this page.");
    }

    expect(tab.errors()).toEqual([]);
    await tab.close();
  }, 90_000);
});

describe("the marketer in the browser", () => {
  it("sees a hypothesis ready for scale-out without an Approve button, and a forged approval is refused", async () => {
    const id = await provenHypothesis();
    expect((await server.call("GET", `/api/hypotheses/${id}/gate`)).body.passed).toBe(true);
    const tab = await openTab(browser, server.url);
    const { page } = tab;

    await tab.signIn(await newKey("marketer"));
    await page.goto(`/hypotheses/${id}`);

    expect(await mainText(page)).toContain("Only the owner decides on scale-out.");
    expect(await page.getByRole("button", { name: /approve/i }).count()).toBe(0);
    // The browser's own cookies, the page's token and the site's origin: only the role can refuse it.
    const forged = await page.request.post(`/hypotheses/${id}/approvals`, {
      form: { _csrf: await page.locator("input[name=_csrf]").first().inputValue(), decision: "approve", comment: "go" },
      headers: { origin: server.url, "accept-language": "en" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain("Your role may not open this page.");
    expect((await server.call("GET", `/api/hypotheses/${id}`)).body.stage).toBe("optimization");
    expect((await server.call("GET", `/api/hypotheses/${id}/approvals`)).body.items).toEqual([]);

    expect(tab.errors()).toEqual([]);
    await tab.close();
  }, 90_000);
});
