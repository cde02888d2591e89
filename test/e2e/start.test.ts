import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../packages/local/src/dynamo-local.js";

// `npm start` as a newcomer runs it: the real entry point, DynamoDB Local on disk, a real socket.
const tsxCli = join(process.cwd(), "node_modules/tsx/dist/cli.mjs");
const dataDir = mkdtempSync(join(tmpdir(), "parom-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; up: Promise<void> } {
  const child = spawn(process.execPath, [tsxCli, "packages/local/src/start.ts"], {
    env: { ...process.env, DYNAMODB_ENDPOINT: "", TABLE_NAME: "", OWNER_API_KEY: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const up = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes("Parom is up")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return { child, output: () => output, up };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on("exit", (code) => resolve(code));
    child.kill("SIGINT");
  });
}

const javaProcessesFor = (dir: string) => spawnSync("pgrep", ["-f", `${dir}/dynamodb`]).stdout.toString().trim();

describe("npm start", () => {
  it("serves the product on DynamoDB Local, keeps data across restarts, and leaves no Java behind", async () => {
    const port = await freePort();
    const env = { PORT: String(port), PAROM_DATA_DIR: dataDir };
    const first = start(env);
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
    expect(await stop(first.child)).toBe(0);
    expect(javaProcessesFor(dataDir)).toBe("");

    const second = start(env);
    await second.up;
    const listed = (await (await fetch(`${base}/api/contractors`, { headers: { authorization: `Bearer ${ownerKey}` } })).json()) as { items: { name: string }[] };
    expect(listed.items.map((c) => c.name)).toContain("Persisted Agency");
    await stop(second.child);
    expect(javaProcessesFor(dataDir)).toBe("");
  }, 120_000);

  it("uses the DynamoDB named by DYNAMODB_ENDPOINT, spawning nothing, and creates its table", async () => {
    const port = await freePort();
    const otherDir = mkdtempSync(join(tmpdir(), "parom-endpoint-"));
    const endpoint = inject("dynamoEndpoint");
    const tableName = `start_${Date.now()}`;
    const run = start({ PORT: String(port), PAROM_DATA_DIR: otherDir, DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName });
    await run.up;
    expect(javaProcessesFor(otherDir)).toBe("");
    const client = new DynamoDBClient({ endpoint, region: "eu-central-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.KeySchema?.map((k) => k.AttributeName)).toEqual(["pk", "sk"]);
    await stop(run.child);
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
