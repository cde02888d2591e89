import { Hono } from "hono";
import type { AppEnv } from "../env.js";

export const campaignRoutes = new Hono<AppEnv>();
