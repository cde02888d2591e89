import { startDynamoLocal } from "../../packages/local/src/dynamo-local.js";

export const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Runs `bench` against a fresh in-memory DynamoDB Local, stopped afterwards and on Ctrl-C. */
export async function withDynamoLocal(bench: (endpoint: string) => Promise<void>) {
  const dynamo = await startDynamoLocal();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await dynamo.stop();
  };
  const interrupted = () => void stop().then(() => process.exit(130));
  process.on("SIGINT", interrupted);
  try {
    log(`DynamoDB Local on ${dynamo.endpoint}`);
    await bench(dynamo.endpoint);
  } finally {
    process.off("SIGINT", interrupted);
    await stop();
  }
}

/** Median and 90th percentile (ms) of `samples` runs of `task` after `warmUp` unmeasured ones. */
export async function measure(task: () => Promise<unknown>, { samples, warmUp }: { samples: number; warmUp: number }) {
  for (let i = 0; i < warmUp; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: (times[(samples - 1) >> 1]! + times[samples >> 1]!) / 2, p90: times[Math.min(samples - 1, Math.floor(samples * 0.9))]! };
}
