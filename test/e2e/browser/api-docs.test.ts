import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ARTIFACTS, chromiumSuite, openTab } from "../../support/browser.js";
import { OWNER_KEY } from "../../support/harness.js";
import { token } from "../../support/intake.js";

// The API reference at /docs in Chromium: read without a key, then "Try it" with one.
const suite = chromiumSuite();

it("lets a developer read the reference and try a route with their API key", async () => {
  const tab = await openTab(suite.browser, suite.server.url);
  const { page } = tab;
  const name = `Docs form ${token()}`;

  await page.goto("/docs");
  await page.getByLabel("API key for “Try it”").fill(OWNER_KEY);
  const createSource = page.locator("#postApiSources");
  await createSource.getByLabel("Body").fill(JSON.stringify({ name, format: "tilda" }));
  await createSource.getByRole("button", { name: "Send POST" }).click();
  await createSource.locator("output", { hasText: /^201 Created/ }).waitFor();

  const getSource = page.locator("#getApiSourcesById");
  await getSource.getByLabel("id (path, required)").fill("no-such-source");
  await getSource.getByRole("button", { name: "Send GET" }).click();
  await getSource.locator("output", { hasText: /^404 Not Found[\s\S]*"error": "not_found"/ }).waitFor();
  // One operation: the whole reference is too long a page for a full-page screenshot.
  mkdirSync(ARTIFACTS, { recursive: true });
  await getSource.screenshot({ path: join(ARTIFACTS, "api-docs-try-it.png") });

  const sources = await suite.server.call("GET", "/api/sources");
  expect(sources.body.items.map((source: { name: string }) => source.name)).toContain(name);
  // The 404 was asked for; nothing else may have gone wrong on the page.
  expect(tab.errors().filter((error) => !error.includes("status of 404"))).toEqual([]);
  await tab.close();
}, 90_000);
