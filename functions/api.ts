import { handle } from "hono/aws-lambda";
import { createApp } from "../packages/api/src/app.js";
import { configFromEnv } from "../packages/core/src/config.js";
import { createDocumentClient } from "../packages/core/src/db/client.js";

// TABLE_NAME, TIME_ZONE and OWNER_API_KEY come from the stack's environment.
const config = configFromEnv();
const ctx = { doc: createDocumentClient(config), table: config.tableName, timeZone: config.timeZone, now: () => new Date() };

export const handler = handle(createApp(ctx, { ownerApiKey: config.ownerApiKey }));
