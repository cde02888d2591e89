import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../packages/local/src/dynamo-local.js";
import { npmStart, stopNpmStart, tsxCli } from "../support/npm-start.js";

// `npm start` as a newcomer runs it: the real entry point, DynamoDB Local on disk, a real socket.
const dataDir = mkdtempSync(join(tmpdir(), "parom-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));


const javaProcessesFor = (dir: string) => spawnSync("pgrep", ["-f", `${dir}/dynamodb`]).stdout.toString().trim();

describe("npm start", () => {
  it("serves the product on DynamoDB Local, keeps data across restarts, and leaves no Java behind", async () => {
    const port = await freePort();
    const env = { PORT: String(port), PAROM_DATA_DIR: dataDir };
    const first = npmStart(env);
    await first.up;
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: "ok" });

    const ownerKey = readFileSync(join(dataDir, "owner.key"), "utf8").trim();
    expect(first.output()).toContain(ownerKey);
    const created = await fetch(`${base}/api/contractors`, {
      method: "POST",
      headers: { authorization: `Bearer ${ownerKey}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Persisted Agency" }),
    });
    expect(created.status).toBe(201);
    expect(await stopNpmStart(first.child)).toBe(0);
    expect(javaProcessesFor(dataDir)).toBe("");

    const second = npmStart(env);
    await second.up;
    const listed = (await (await fetch(`${base}/api/contractors`, { headers: { authorization: `Bearer ${ownerKey}` } })).json()) as { items: { name: string }[] };
    expect(listed.items.map((c) => c.name)).toContain("Persisted Agency");
    await stopNpmStart(second.child);
    expect(javaProcessesFor(dataDir)).toBe("");
  }, 120_000);

  it("uses the DynamoDB named by DYNAMODB_ENDPOINT, spawning nothing, and creates its table", async () => {
    const port = await freePort();
    const otherDir = mkdtempSync(join(tmpdir(), "parom-endpoint-"));
    const endpoint = inject("dynamoEndpoint");
    const tableName = `start_${Date.now()}`;
    const run = npmStart({ PORT: String(port), PAROM_DATA_DIR: otherDir, DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName });
    await run.up;
    expect(javaProcessesFor(otherDir)).toBe("");
    const client = new DynamoDBClient({ endpoint, region: "eu-central-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.KeySchema?.map((k) => k.AttributeName)).toEqual(["pk", "sk"]);
    await stopNpmStart(run.child);
    rmSync(otherDir, { recursive: true, force: true });
  }, 60_000);

  it("says in one line how to install Java when it is missing", () => {
    const result = spawnSync(process.execPath, [tsxCli, "packages/local/src/start.ts"], {
      env: { ...process.env, PATH: "/nonexistent", DYNAMODB_ENDPOINT: "", PAROM_DATA_DIR: dataDir },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/Java 17.*openjdk-17-jdk-headless/);
  }, 60_000);
});
