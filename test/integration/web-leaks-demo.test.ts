import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_NOW, loadDemoWorld, type DemoWorld, type Role } from "../support/demo-pages.js";
import { leaksIn, visibleText } from "../support/leaks.js";
import { createWebHarness, type Browser, type Page, type WebHarness } from "../support/web.js";

// Every page of the web app, for every role, in Russian, on `npm run demo`'s data (issue 13, point 4's proof).
let h: WebHarness;
let world: DemoWorld;
beforeAll(async () => {
  h = await createWebHarness({ now: DEMO_NOW });
  world = await loadDemoWorld(h);
}, 600_000); // about 2,200 writes: a minute alone, several on a busy machine

/** A page after the redirects a person's browser follows (a contractor's /report goes to their own report). */
async function open(browser: Browser, path: string): Promise<Page & { path: string }> {
  let page = await browser.get(path);
  for (let hops = 0; hops < 3 && page.status >= 300 && page.status < 400 && page.location?.startsWith("/"); hops++) {
    path = page.location;
    page = await browser.get(path);
  }
  return { ...page, path };
}

/** Visits each page `role` can open (others answer 403 or 404) and returns the leaks by page, and the pages opened. */
async function visitAll(role: Role, paths?: string[]) {
  const browser = h.browser({ acceptLanguage: "ru" });
  await browser.signIn(role.key);
  const leaks: Record<string, string[]> = {};
  const opened = new Set<string>();
  for (const path of paths ?? (await world.pages(role)).map((p) => p.path)) {
    const page = await open(browser, path);
    if (page.status === 403 || page.status === 404) continue;
    expect(page.status, `${role.name} ${path}`).toBe(200);
    opened.add(path).add(page.path);
    if (!page.headers.get("content-type")?.startsWith("text/html")) continue; // CSV downloads: files, not pages
    const found = leaksIn(visibleText(page.html), world.typed);
    if (found.length) leaks[path] = found;
  }
  const menu = [...(await open(browser, "/")).html.matchAll(/<nav[\s\S]*?<\/nav>/g)].flatMap(([nav]) => [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!));
  return { leaks, opened, menu };
}

describe("every page in Russian on the demo data", () => {
  it.each(["owner", "marketer", "head-of-sales", "lead-manager", "account-manager", "contractor"])(
    "shows the %s no codes and no English, on every page the menu offers and every detail page",
    async (name) => {
      const role = world.roles.find((r) => r.name === name)!;
      const { leaks, opened, menu } = await visitAll(role);
      expect(leaks).toEqual({});
      // Every page of the role's menu was among those visited and opened.
      expect(menu.length).toBeGreaterThan(0);
      for (const href of menu) expect([...opened].some((path) => path === href || path.startsWith(`${href}?`)), `${name}: menu page ${href}`).toBe(true);
    },
    300_000,
  );

  it("opens the detail pages of the demo's things for those who work with them", async () => {
    const owner = await visitAll(world.roles.find((r) => r.name === "owner")!);
    const opened = [...owner.opened];
    for (const prefix of ["/hypotheses/", "/leads/", "/contractors/", "/reconciliation/", "/keys/"]) {
      expect(opened.filter((path) => path.startsWith(prefix)).length, prefix).toBeGreaterThan(0);
    }
    // Each of the five hypotheses, whatever its stage.
    for (const x of world.result.hypotheses) expect(opened, x.role).toContain(`/hypotheses/${x.id}`);
    const manager = await visitAll(world.roles.find((r) => r.name === "lead-manager")!);
    expect([...manager.opened].filter((path) => path.startsWith("/leads/")).length).toBeGreaterThan(2);
  }, 300_000);

  it("shows each of the other contractors no codes and no English on their campaigns and report", async () => {
    for (const role of world.otherContractors) {
      const { leaks, opened } = await visitAll(role, ["/", "/report"]);
      expect(leaks).toEqual({});
      expect([...opened].some((path) => /^\/contractors\/[^/]+\/report$/.test(path))).toBe(true);
    }
  }, 120_000);
});
