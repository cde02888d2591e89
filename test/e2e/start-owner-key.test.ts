import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// `npm start` with a short OWNER_API_KEY stops before starting anything, saying why.
const dataDir = mkdtempSync(join(tmpdir(), "parom-short-key-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm start with a short OWNER_API_KEY", () => {
  it("refuses to start, naming the variable and the minimum length", () => {
    const run = spawnSync(process.execPath, [join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "packages/local/src/start.ts"], {
      env: { ...process.env, OWNER_API_KEY: "owner-key-of-20-char", PAROM_DATA_DIR: dataDir, DYNAMODB_ENDPOINT: "", PORT: "0" },
      encoding: "utf8",
      timeout: 20_000,
    });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain("OWNER_API_KEY is 20 characters long; it must be at least 32");
    expect(run.stdout).not.toContain("Parom is up");
  });
});
