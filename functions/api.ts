import { SESv2Client } from "@aws-sdk/client-sesv2";
import { handle } from "hono/aws-lambda";
import { createApp } from "../packages/api/src/app.js";
import { configFromEnv } from "../packages/core/src/config.js";
import { createDocumentClient } from "../packages/core/src/db/client.js";
import { sesMailer } from "../packages/core/src/report/ses-mailer.js";

// TABLE_NAME, TIME_ZONE, OWNER_API_KEY, COOKIE_SECRET (signs the web pages' cookies) and REPORTS_FROM come from the stack.
const config = configFromEnv();
const ctx = { doc: createDocumentClient(config), table: config.tableName, timeZone: config.timeZone, now: () => new Date() };

// On AWS an on-demand report run mails through SES like the scheduled one; without a sender it keeps the outbox.
const mailer = process.env.REPORTS_FROM ? sesMailer(new SESv2Client({ region: config.region }), process.env.REPORTS_FROM) : undefined;

export const handler = handle(createApp(ctx, { ownerApiKey: config.ownerApiKey, cookieSecret: process.env.COOKIE_SECRET || undefined, mailer }));
