import { handle } from "hono/aws-lambda";
import { createApp } from "../packages/api/src/app.js";
import { configFromEnv } from "../packages/core/src/config.js";
import { createDocumentClient } from "../packages/core/src/db/client.js";

// TABLE_NAME, TIME_ZONE, OWNER_API_KEY and COOKIE_SECRET (signs the web pages' cookies) come from the stack's environment.
const config = configFromEnv();
const ctx = { doc: createDocumentClient(config), table: config.tableName, timeZone: config.timeZone, now: () => new Date() };

export const handler = handle(createApp(ctx, { ownerApiKey: config.ownerApiKey, cookieSecret: process.env.COOKIE_SECRET || undefined }));
