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
