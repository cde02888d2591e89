import { configFromEnv, contextFrom } from "@parom/core";
import { createDocumentClient } from "@parom/core/db";
import { replayStuck, STUCK_AFTER_MS } from "@parom/core/intake";

// TABLE_NAME and TIME_ZONE come from stacks/Archive.ts; its Cron starts this every 5 minutes.
const config = configFromEnv();
const ctx = contextFrom(config, createDocumentClient(config));

export async function handler() {
  const result = await replayStuck(ctx, { olderThanMs: STUCK_AFTER_MS });
  // Calls still stuck are tried again by the next run; the log line is what an alarm would watch.
  console.log(JSON.stringify(result));
  return result;
}
