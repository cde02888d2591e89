import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startDynamoLocal, type RunningDynamo } from "../../packages/local/src/dynamo-local.js";

/**
 * A DynamoDB Local of one test's own, on disk in a temporary folder and on a fixed loopback port,
 * so that it can be killed and started again with its data where the app expects it, or frozen.
 * @example
 * const dynamo = await startFaultyDynamo();
 * await dynamo.crash();
 * const { restartMs } = await dynamo.restart();
 * await dynamo.dispose();
 */
export async function startFaultyDynamo() {
  const dataDir = mkdtempSync(join(tmpdir(), "parom-fault-"));
  const port = await freePort();
  let running: RunningDynamo | undefined;
  try {
    running = await startDynamoLocal({ dataDir, port });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  let crashedAt: number | null = null;

  return {
    endpoint: running.endpoint,
    /** Kills the Java process at once: requests in flight lose their connection, new ones are refused. */
    async crash() {
      crashedAt = Date.now();
      await running?.crash();
      running = undefined;
    },
    /** Freezes it: connections stay open and nothing answers, as when a network path is lost. */
    freeze() {
      running?.freeze();
    },
    thaw() {
      running?.thaw();
    },
    /** Starts it again on the same port and data; `restartMs` is from the crash until it answers again. */
    async restart() {
      running = await startDynamoLocal({ dataDir, port });
      return { restartMs: crashedAt === null ? 0 : Date.now() - crashedAt };
    },
    /** Stops it (if running) and removes its data; safe to call after a failure, and twice. */
    async dispose() {
      running?.thaw(); // a frozen process would take its SIGTERM only when it runs again
      await running?.stop();
      running = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type FaultyDynamo = Awaited<ReturnType<typeof startFaultyDynamo>>;
