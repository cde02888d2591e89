import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openTab, startServer, type BrowserServer } from "../../support/browser.js";
import { DEMO_NOW, loadDemoWorld, type DemoPage, type DemoWorld, type Role } from "../../support/demo-pages.js";
import { leaksIn, visibleText } from "../../support/leaks.js";

// Every page each role can open, in Russian, on `npm run demo`'s data, in Chromium: a full-page
// screenshot of each in test/artifacts/<role>-<page>.png, no console errors, no codes or English.
let server: BrowserServer;
let browser: Browser;
let world: DemoWorld;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ now: DEMO_NOW }), launchChromium()]);
  world = await loadDemoWorld(server);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The pages `role` opens (a page refused with 403 or 404 is someone else's), asked without a browser to spare Chromium the refusals. */
async function openable(role: Role): Promise<DemoPage[]> {
  const probe = server.browser({ acceptLanguage: "ru" });
  await probe.signIn(role.key);
  const pages: DemoPage[] = [];
  for (const page of await world.pages(role)) {
    const answer = await probe.get(page.path);
    if (answer.status === 403 || answer.status === 404) continue;
    // Downloads (CSV, Excel) are files, not pages to look at.
    if ((answer.headers.get("content-disposition") ?? "").startsWith("attachment")) continue;
    pages.push(page);
  }
  return pages;
}

describe("screenshots of every page per role on the demo data", () => {
  it.each(["owner", "marketer", "head-of-sales", "lead-manager", "account-manager", "contractor"])(
    "the %s's pages render in Russian without console errors",
    async (name) => {
      const role = world.roles.find((r) => r.name === name)!;
      const pages = await openable(role);
      expect(pages.length).toBeGreaterThan(1);
      const tab = await openTab(browser, server.url);
      await tab.signIn(role.key);
      await tab.page.goto("/lang/ru?back=/");
      const leaks: Record<string, string[]> = {};
      for (const { path, name: page } of pages) {
        const response = await tab.page.goto(path);
        expect(response?.status(), `${name} ${path}`).toBe(200);
        await tab.screenshot(`${name}-${page}`);
        const found = leaksIn(visibleText(await tab.page.content()), world.typed);
        if (found.length) leaks[path] = found;
      }
      expect(leaks).toEqual({});
      expect(tab.errors()).toEqual([]);
      await tab.close();
    },
    300_000,
  );
});
