import { SESv2Client } from "@aws-sdk/client-sesv2";
import { SSMClient } from "@aws-sdk/client-ssm";
import { handle } from "hono/aws-lambda";
import { createApp } from "@parom/api";
import { configFromEnv, contextFrom } from "@parom/core";
import { createDocumentClient } from "@parom/core/db";
import { sesMailer } from "@parom/core/report";
import { readSecrets } from "./secrets.js";

// TABLE_NAME, TIME_ZONE and REPORTS_FROM come from the stack's environment; OWNER_API_KEY and
// COOKIE_SECRET (signs the web pages' cookies) are SST secrets, read from SSM once per cold start.
const config = configFromEnv();
const ctx = contextFrom(config, createDocumentClient(config));

// On AWS an on-demand report run mails through SES like the scheduled one; without a sender it keeps the outbox.
const mailer = process.env.REPORTS_FROM ? sesMailer(new SESv2Client({ region: config.region }), process.env.REPORTS_FROM) : undefined;

const secrets = await readSecrets(new SSMClient({ region: config.region }), ["OWNER_API_KEY", "COOKIE_SECRET"]);

export const handler = handle(createApp(ctx, { ownerApiKey: secrets.OWNER_API_KEY, cookieSecret: secrets.COOKIE_SECRET, mailer }));
