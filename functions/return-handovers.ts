import { configFromEnv, contextFrom } from "@parom/core";
import { createDocumentClient } from "@parom/core/db";
import { Handovers } from "@parom/core/lead";

// TABLE_NAME and TIME_ZONE come from stacks/Handovers.ts; its Cron starts this every 5 minutes.
const config = configFromEnv();
const ctx = contextFrom(config, createDocumentClient(config));

export async function handler() {
  const result = await Handovers.returnDue(ctx);
  console.log(JSON.stringify(result));
  return result;
}
