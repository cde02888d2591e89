import { spawnSync } from "node:child_process";
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListTablesCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startDynamoLocal, type RunningDynamo } from "../../packages/local/src/dynamo-local.js";
import { accepts, isLoopbackAddress, listeningAddresses } from "../support/listening.js";
import { npmStart, stopNpmStart } from "../support/npm-start.js";

// DynamoDB Local checks no credentials: whoever reaches its port reads every lead and can make a forged
// key an owner key. These tests dial only loopback: what the kernel says is listening (/proc/net/tcp)
// shows what another machine could reach, without sending traffic to any other address.

/** What another machine would see: every socket listening on `port` is bound to loopback. */
function reachableOnlyFromThisMachine(port: number) {
  const listening = listeningAddresses(port);
  expect(listening.length, `nothing listens on ${port}`).toBeGreaterThan(0);
  expect(listening.filter((address) => !isLoopbackAddress(address)), `listening on ${listening.join(", ")}`).toEqual([]);
}

const javaProcessesFor = (dir: string) => spawnSync("pgrep", ["-f", `${dir}/dynamodb`]).stdout.toString().trim();

const mode = (path: string) => (lstatSync(path).mode & 0o777).toString(8);

/** Every folder and file under `dir` with its mode, e.g. { ".": "700", "owner.key": "600" }. */
function modesUnder(dir: string, prefix = "."): Record<string, string> {
  const modes: Record<string, string> = { [prefix]: mode(dir) };
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const key = prefix === "." ? name : `${prefix}/${name}`;
    if (lstatSync(path).isDirectory()) Object.assign(modes, modesUnder(path, key));
    else modes[key] = mode(path);
  }
  return modes;
}

function loosen(dir: string) {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (lstatSync(path).isDirectory()) loosen(path);
    else chmodSync(path, 0o644);
  }
}

/** A raw HTTP request to DynamoDB Local as a web page in a browser on this machine would send it. */
function browserLike(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = "{}";
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/", headers: { "content-type": "application/x-amz-json-1.0", "x-amz-target": "DynamoDB_20120810.ListTables", authorization: "AWS4-HMAC-SHA256 Credential=x/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=x", ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("DynamoDB Local as our code starts it", () => {
  let dynamo: RunningDynamo;
  let port: number;
  beforeAll(async () => {
    dynamo = await startDynamoLocal();
    port = Number(new URL(dynamo.endpoint).port);
  }, 90_000);
  afterAll(() => dynamo?.stop());

  it("answers on 127.0.0.1 and on none of this machine's other addresses", async () => {
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: "local", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    client.destroy();
    reachableOnlyFromThisMachine(port);
  });

  it("refuses a web page's request (another site's Origin, or a rebound Host name), so a browser cannot be used to reach it", async () => {
    expect(await browserLike(port, {})).toBe(200);
    expect(await browserLike(port, { origin: "http://evil.example" })).toBe(403);
    expect(await browserLike(port, { host: `evil.example:${port}` })).toBe(403);
  });
});

describe("npm start's exposure", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "parom-exposure-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("listens on loopback only, app and DynamoDB Local, and keeps .data readable by its owner only", async () => {
    const port = await freePort();
    const run = npmStart({ PORT: String(port), PAROM_DATA_DIR: join(dataDir, ".data") });
    try {
      await run.up;
      expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ status: "ok" });
      const dynamoPort = Number(/DynamoDB Local at http:\/\/127\.0\.0\.1:(\d+)/.exec(run.output())?.[1]);
      expect(dynamoPort).toBeGreaterThan(0);
      reachableOnlyFromThisMachine(port);
      reachableOnlyFromThisMachine(dynamoPort);
      expect(run.output()).not.toMatch(/Warning/);

      const modes = modesUnder(join(dataDir, ".data"));
      expect(modes).toMatchObject({ ".": "700", "owner.key": "600", "cookie.secret": "600", dynamodb: "700", "dynamodb/shared-local-instance.db": "600" });
      expect(Object.entries(modes).filter(([, m]) => m !== "600" && m !== "700")).toEqual([]);
    } finally {
      await stopNpmStart(run.child);
    }
  }, 120_000);

  it("tightens a world-readable .data left by an earlier version, and listens where HOST says", async () => {
    const data = join(dataDir, ".data");
    loosen(data);
    expect(mode(join(data, "dynamodb/shared-local-instance.db"))).toBe("644");
    const port = await freePort();
    const run = npmStart({ PORT: String(port), PAROM_DATA_DIR: data, HOST: "::1" });
    try {
      await run.up;
      expect((await fetch(`http://[::1]:${port}/health`)).status).toBe(200);
      expect(await accepts("127.0.0.1", port)).toBe(false);
      expect(listeningAddresses(port)).toEqual(["::1"]);
      expect(run.output()).not.toMatch(/Warning/);
      const modes = modesUnder(data);
      expect(Object.entries(modes).filter(([, m]) => m !== "600" && m !== "700")).toEqual([]);
      expect(modes).toMatchObject({ ".": "700", "owner.key": "600", "cookie.secret": "600", "dynamodb/shared-local-instance.db": "600" });
    } finally {
      await stopNpmStart(run.child);
    }
  }, 120_000);

  it("leaves no database open when npm start itself is killed without a chance to stop it", async () => {
    const data = join(dataDir, ".data");
    const run = npmStart({ PORT: String(await freePort()), PAROM_DATA_DIR: data });
    await run.up;
    // The line naming DynamoDB Local follows "Parom is up", possibly in a later chunk of output.
    const dynamoLine = /DynamoDB Local at http:\/\/127\.0\.0\.1:(\d+)/;
    for (let waited = 0; !dynamoLine.test(run.output()) && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    const dynamoPort = Number(dynamoLine.exec(run.output())?.[1]);
    expect(await accepts("127.0.0.1", dynamoPort)).toBe(true);
    // tsx runs the app in a child Node process: that process is the one a crash would take down.
    const app = Number(spawnSync("pgrep", ["-P", String(run.child.pid), "-f", "start.ts"]).stdout.toString().trim().split("\n")[0]);
    expect(app).toBeGreaterThan(0);
    const exited = new Promise((resolve) => run.child.once("exit", resolve));
    process.kill(app, "SIGKILL");
    await exited;
    const deadline = Date.now() + 20_000;
    while (javaProcessesFor(data) !== "" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(javaProcessesFor(data)).toBe("");
    expect(await accepts("127.0.0.1", dynamoPort)).toBe(false);
  }, 120_000);
});
