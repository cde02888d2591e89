import { existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { chromium, type Browser, type Page, type Response } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { createWebHarness } from "./web.js";

export const CHROMIUM = "/usr/bin/chromium";
/** Git-ignored; the screenshots of each run land here for a person to look at. */
export const ARTIFACTS = join(process.cwd(), "test/artifacts");

/** Browser steps wait this long at most: generous, since CI machines here are small and busy. */
export const STEP_TIMEOUT = 20_000;

/**
 * The web harness (fresh table, owner key, cookie secret, settable clock, `call` into the API)
 * served on a real socket at `url`, as a browser needs.
 */
export async function startServer(options: { now?: string } = {}) {
  const h = await createWebHarness(options);
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    const server = serve({ fetch: h.web.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => resolve({ server, port: info.port }));
  });
  return {
    ...h,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type BrowserServer = Awaited<ReturnType<typeof startServer>>;

/**
 * A browser test file's server and Chromium: started before its tests (one minute or two on a busy
 * machine), closed after them. Read `suite.server` and `suite.browser` inside the tests.
 */
export function chromiumSuite(options: { now?: string } = {}) {
  const suite = {} as { server: BrowserServer; browser: Browser };
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([startServer(options), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** Text as a person reads it: the no-break spaces of Russian numbers and dates as plain ones. */
export const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** Debian's Chromium, headless. Missing Chromium fails the run with how to install it: nothing is skipped. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run installs it in CI).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

type Refusal = { url: string; status: number };

const isRedirect = (status: number) => status >= 300 && status < 400;

/**
 * A signed-out tab in its own browser context (its own cookies), speaking English, that records
 * every console error and uncaught page error. A page the test expects to be refused (404, 403,
 * a 409 form) is declared through `expectStatus`, so only the browser's note of that status on
 * that URL is forgiven.
 */
export async function openTab(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: "en-GB", viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = await context.newPage();
  const errors: { text: string; url: string; page: string }[] = [];
  const refusals: Refusal[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push({ text: message.text(), url: message.location().url, page: page.url() });
  });
  page.on("pageerror", (error) => errors.push({ text: `uncaught: ${error.message}`, url: page.url(), page: page.url() }));
  const forgiven = (error: (typeof errors)[number]) =>
    refusals.some((r) => r.url === error.url && error.text.startsWith(`Failed to load resource: the server responded with a status of ${r.status}`));

  return {
    page,
    /** Console and page errors so far, except the declared refusals; the test expects none. */
    errors: () => errors.filter((error) => !forgiven(error)).map((error) => `${error.page}: ${error.text}`),
    /** Runs `action`, which loads a document in the tab, and returns that document's response, expecting `status`. */
    async expectStatus(status: number, action: () => Promise<unknown>): Promise<Response> {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame() && !isRedirect(r.status())),
        action(),
      ]);
      if (response.status() !== status) throw new Error(`expected ${status} from ${response.url()}, got ${response.status()}`);
      refusals.push({ url: response.url(), status });
      await page.waitForLoadState();
      return response;
    },
    /** Signs in through the form on `/` and waits for the signed-in page. */
    async signIn(key: string) {
      await page.goto("/");
      await page.getByLabel("API key").fill(key);
      await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Sign in" }).click()]);
      if (new URL(page.url()).search) throw new Error(`not signed in: ${await mainText(page)}`);
    },
    /** A full-page screenshot under test/artifacts/. */
    async screenshot(name: string) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    close: () => context.close(),
  };
}
export type Tab = Awaited<ReturnType<typeof openTab>>;

/** The visible text of the main content, whitespace collapsed, for asserting what a person reads. */
export async function mainText(page: Page): Promise<string> {
  return (await page.locator("main").innerText()).replace(/\s+/g, " ").trim();
}
