import { Hono } from "hono";
import type { AppEnv } from "../env.js";

export const hypothesisAnalyticsRoutes = new Hono<AppEnv>();
