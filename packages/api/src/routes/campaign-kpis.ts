import { Hono } from "hono";
import type { AppEnv } from "../env.js";

export const campaignKpiRoutes = new Hono<AppEnv>();
